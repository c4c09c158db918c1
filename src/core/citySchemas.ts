// Payloads and results of the bureau's city view. city.overview and city.export take the same
// payload, so the file is the page.
import * as v from 'valibot'
import type { FileLink } from './fileLink'
import type { CityOverview } from './city'
import { period } from './payloadFields'

export const cityPayloads = {
  /** Every sub-district side by side for a month, half-year or year (the period key says which). */
  'city.overview': v.object({ period }),
  'city.export': v.object({ period }),
} as const

export interface CityResults {
  'city.overview': CityOverview
  /** The .xlsx: its cloud file ID in the cloud, a download path locally (fileLink.ts). */
  'city.export': FileLink
}

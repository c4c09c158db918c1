// The bureau's city view over the contract: every sub-district side by side for a period.
import type { PayloadInputOf } from '../core/contract'
import { useApiQuery } from './useApi'

/** The city view for `payload`; null: nothing to load yet (who the caller is not known). */
export function useCityOverview(payload: PayloadInputOf<'city.overview'> | null) {
  return useApiQuery('city.overview', payload)
}

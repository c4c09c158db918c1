// city.overview: every sub-district of the city side by side for a period, ranked, with the city's
// totals, what waits in each today and the last closed months' trend. The bureau's alone (the access
// table); served by the function files beside city.export, which shares its builder.
import type { Handler } from '../context'
import { buildCityOverview } from './cityOverview'

export const cityGet: Handler<'city.overview'> = (payload, ctx) => buildCityOverview(payload, ctx)

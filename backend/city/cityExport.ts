// city.export: the city view the page shows, as an .xlsx. The same builder as city.overview, so the file
// and the page cannot disagree; the file goes to cloud storage (locally DATA_DIR) and the answer is a link.
import { fileStorageOf, type Handler } from '../context'
import { buildCityOverview } from './cityOverview'
import { cityFileName, cityWorkbook } from './cityWorkbook'

export const cityExport: Handler<'city.export'> = async (payload, ctx) => {
  const overview = await buildCityOverview(payload, ctx)
  return fileStorageOf(ctx).write(cityFileName(overview), await cityWorkbook(overview, ctx.now))
}

// sheet.get: the sub-district's scoring sheet of a period, or its year-end review.
// Sub-district staff read (and may edit) their own; the bureau reads any sub-district's, picked from org.list.
// Before its first save the sheet is 'new': every active worker an empty row, the criteria in force.
import type { Handler } from '../context'
import { checkSheetPeriod, loadSheet, sheetPlace, sheetView } from './sheetViews'

export const sheetGet: Handler<'sheet.get'> = async ({ kind, period, subdistrictId }, ctx) => {
  const place = await sheetPlace(ctx.caller, ctx.store, subdistrictId)
  checkSheetPeriod(kind, period, ctx.now, false)
  const loaded = await loadSheet(ctx.store, place.subdistrictId, kind, period)
  return sheetView(place, kind, period, loaded)
}

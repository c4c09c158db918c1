// sheet.save: keeps a draft of the scoring sheet, any number of times, rows may be
// incomplete. A cell that does not fit its criterion (45 in a 40-point item) is not stored and is listed
// with why; the rest of the draft is kept, so one slip does not lose a clerk's other 89 cells. The save
// carries the version it edited: a stale one is 409 CONFLICT (reload); a submitted sheet is locked and
// changes only through sheet.change, with a reason.
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { checkSheetPeriod, loadSheet, sheetPlace, sheetView } from './sheetViews'
import { LOCKED_MESSAGE, applyDraftRows, checkVersion, writeSheet } from './sheetWrites'

export const sheetSave: Handler<'sheet.save'> = async ({ kind, period, subdistrictId, version, rows }, ctx) => {
  const place = await sheetPlace(ctx.caller, ctx.store, subdistrictId)
  checkSheetPeriod(kind, period, ctx.now, true)
  const loaded = await loadSheet(ctx.store, place.subdistrictId, kind, period)
  if (loaded.stored?.status === 'submitted') throw new ApiError('CONFLICT', LOCKED_MESSAGE)
  checkVersion(loaded, version)
  const draft = applyDraftRows(loaded, rows)
  await writeSheet(ctx.store, place, loaded, { kind, period, status: 'draft', rows: draft.rows }, ctx.now)
  return { ...sheetView(place, kind, period, loaded), refused: draft.refused }
}

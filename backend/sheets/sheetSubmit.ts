// sheet.submit: submits the scoring sheet: every active worker's row complete, else INVALID_INPUT naming
// who is missing; then it is locked. A 'period' sheet's scores become the sub-district party D of its
// period. Idempotent by key; a retry that finds its own submission finishes it (runSheetWrite.ts).
import type { PayloadOf } from '@core/contract'
import { ApiError } from '@core/errors'
import { unscoredMessage, unscoredWorkers } from '@core/sheets'
import type { Handler } from '../context'
import type { LoadedSheet, SheetPlace } from './sheetViews'
import { LOCKED_MESSAGE, applyRows, checkVersion, isOwnRetry, writeSheet } from './sheetWrites'
import { runSheetWrite } from './runSheetWrite'
import type { Store } from '../store'
import type { SheetRecord } from './store'

export const sheetSubmit: Handler<'sheet.submit'> = async (payload, ctx) =>
  runSheetWrite('sheet.submit', payload, ctx, async (loaded, place) => {
    const stored = loaded.stored
    const retry = stored?.status === 'submitted' && stored.submittedAt === stored.updatedAt && isOwnRetry(loaded, payload.version, place.staff.openid)
    if (stored?.status === 'submitted' && !retry) throw new ApiError('CONFLICT', LOCKED_MESSAGE)
    const sheet = retry && stored !== null ? stored : await submit(ctx.store, loaded, place, payload, ctx.now)
    return { sheet, details: { rows: sheet.rows } }
  })

async function submit(store: Store, loaded: LoadedSheet, place: SheetPlace, payload: PayloadOf<'sheet.submit'>, now: Date): Promise<SheetRecord> {
  checkVersion(loaded, payload.version)
  const rows = applyRows(loaded, payload.rows ?? [])
  const nameOf = new Map(loaded.workers.map((w) => [w.code, w.name]))
  const missing = unscoredWorkers(rows.filter((row) => nameOf.has(row.workerCode)))
  if (missing.length > 0) throw new ApiError('INVALID_INPUT', unscoredMessage(missing.map((row) => nameOf.get(row.workerCode) ?? row.workerCode)))
  const submittedBy = { openid: place.staff.openid, name: place.staff.name }
  return writeSheet(store, place, loaded, { kind: payload.kind, period: payload.period, status: 'submitted', rows, submittedAt: now.toISOString(), submittedBy }, now)
}

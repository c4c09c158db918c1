// sheet.submit: submits the scoring sheet (issue 8, item 3): every active worker's row complete, else
// INVALID_INPUT naming who is missing; then it is locked. A 'period' sheet's scores become the sub-district
// party D of its period (syncScores). Idempotent by key; a retry that finds its own submission finishes it
// (domain/sheetWrites.ts: how D converges after an instance died between the writes).
import type { PayloadOf } from '../../../../../src/core/contract'
import { ApiError } from '../../../../../src/core/errors'
import { unscoredMessage, unscoredWorkers } from '../../../../../src/core/sheets'
import type { Handler } from '../../context'
import { withIdempotency } from '../../domain/idempotency'
import { type LoadedSheet, type SheetPlace, checkSheetPeriod, loadSheet, sheetPlace, sheetView } from '../../domain/sheets'
import { LOCKED_MESSAGE, applyRows, checkVersion, isOwnRetry, syncScores, writeSheet } from '../../domain/sheetWrites'
import type { Store } from '../../store'
import type { SheetRecord } from '../../stores/sheets'
import { auditSheet } from './auditSheet'

export const sheetSubmit: Handler<'sheet.submit'> = async (payload, ctx) => {
  const place = await sheetPlace(ctx.caller, ctx.store, payload.subdistrictId, true)
  const { openid } = place.staff
  return withIdempotency({ store: ctx.store, openid, action: 'sheet.submit', payload, now: ctx.now }, async () => {
    checkSheetPeriod(payload.kind, payload.period, ctx.now, true)
    const loaded = await loadSheet(ctx.store, place.subdistrictId, payload.kind, payload.period)
    const stored = loaded.stored
    const retry = stored?.status === 'submitted' && stored.submittedAt === stored.updatedAt && isOwnRetry(loaded, payload.version, openid)
    if (stored?.status === 'submitted' && !retry) throw new ApiError('CONFLICT', LOCKED_MESSAGE)
    const sheet = retry && stored !== null ? stored : await submit(ctx.store, loaded, place, payload, ctx.now)
    await syncScores(ctx.store, sheet, ctx.now)
    await auditSheet(ctx.store, place, sheet, 'sheet.submit', `${openid}|sheet.submit|${payload.idempotencyKey}`, { rows: sheet.rows })
    return sheetView(place, payload.kind, payload.period, loaded)
  })
}

async function submit(store: Store, loaded: LoadedSheet, place: SheetPlace, payload: PayloadOf<'sheet.submit'>, now: Date): Promise<SheetRecord> {
  checkVersion(loaded, payload.version)
  const rows = applyRows(loaded, payload.rows ?? [])
  const nameOf = new Map(loaded.workers.map((w) => [w.code, w.name]))
  const missing = unscoredWorkers(rows.filter((row) => nameOf.has(row.workerCode)))
  if (missing.length > 0) throw new ApiError('INVALID_INPUT', unscoredMessage(missing.map((row) => nameOf.get(row.workerCode) ?? row.workerCode)))
  const submittedBy = { openid: place.staff.openid, name: place.staff.name }
  return writeSheet(store, place, loaded, { kind: payload.kind, period: payload.period, status: 'submitted', rows, submittedAt: now.toISOString(), submittedBy }, now)
}

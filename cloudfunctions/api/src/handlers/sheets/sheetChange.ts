// sheet.change: changes a submitted (locked) scoring sheet with a reason of 5..200 characters (issue 8,
// item 3). It stays submitted; the changed scores are written (a 'period' sheet: party D) and an audit
// entry keeps who, when, why and each change (worker, old -> new). Changed rows must be complete: a
// score is corrected, never blanked. Idempotent by key; a retry that finds its own change finishes it.
import { ApiError } from '../../../../../src/core/errors'
import { changedRows } from '../../../../../src/core/sheets'
import type { Handler } from '../../context'
import { withIdempotency } from '../../domain/idempotency'
import { type LoadedSheet, type SheetPlace, checkSheetPeriod, loadSheet, sheetPlace, sheetView } from '../../domain/sheets'
import { applyRows, checkVersion, isOwnRetry, syncScores, writeSheet } from '../../domain/sheetWrites'
import type { PayloadOf } from '../../../../../src/core/contract'
import type { Store } from '../../store'
import type { SheetRecord } from '../../stores/sheets'
import { auditSheet } from './auditSheet'

export const sheetChange: Handler<'sheet.change'> = async (payload, ctx) => {
  const place = await sheetPlace(ctx.caller, ctx.store, payload.subdistrictId, true)
  const { openid } = place.staff
  return withIdempotency({ store: ctx.store, openid, action: 'sheet.change', payload, now: ctx.now }, async () => {
    checkSheetPeriod(payload.kind, payload.period, ctx.now, true)
    const loaded = await loadSheet(ctx.store, place.subdistrictId, payload.kind, payload.period)
    const before = loaded.stored
    if (before === null || before.status !== 'submitted') throw new ApiError('INVALID_INPUT', '评分表尚未提交，请直接修改后保存草稿')
    const last = before.changes[before.changes.length - 1]
    const retry = isOwnRetry(loaded, payload.version, openid) && last?.at === before.updatedAt && last.reason === payload.reason
    const sheet = retry ? before : await change(ctx.store, loaded, before, place, payload, ctx.now)
    const made = sheet.changes[sheet.changes.length - 1]
    await syncScores(ctx.store, sheet, ctx.now)
    await auditSheet(ctx.store, place, sheet, 'sheet.change', `${openid}|sheet.change|${payload.idempotencyKey}`, { changes: made.rows }, made.reason)
    return sheetView(place, payload.kind, payload.period, loaded)
  })
}

async function change(store: Store, loaded: LoadedSheet, before: SheetRecord, place: SheetPlace, payload: PayloadOf<'sheet.change'>, now: Date): Promise<SheetRecord> {
  checkVersion(loaded, payload.version)
  const rows = applyRows(loaded, payload.rows)
  const changes = changedRows(before.rows, rows)
  if (changes.length === 0) throw new ApiError('INVALID_INPUT', '没有改动任何得分')
  const blank = changes.find((c) => c.toScore === null)
  const name = (code: string) => loaded.workers.find((w) => w.code === code)?.name ?? code
  if (blank !== undefined) throw new ApiError('INVALID_INPUT', `${name(blank.workerCode)}的得分不完整，修改后每项都要有分`)
  const by = { openid: place.staff.openid, name: place.staff.name }
  const made = { at: now.toISOString(), by, reason: payload.reason, rows: changes.map(({ workerCode, from, to }) => ({ workerCode, from, to })) }
  return writeSheet(store, place, loaded, { kind: before.kind, period: before.period, status: 'submitted', rows, changes: [...before.changes, made] }, now)
}

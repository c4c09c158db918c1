// sheet.change: changes a submitted (locked) scoring sheet with a reason of 5..200 characters. It stays
// submitted; the changed scores are written (a 'period' sheet: party D) and an audit entry keeps who,
// when, why and each change (worker, old -> new). Changed rows must be complete: a
// score is corrected, never blanked. Idempotent by key; a retry that finds its own change finishes it.
import { ApiError } from '@core/errors'
import { changedRows } from '@core/sheets'
import type { Handler } from '../context'
import type { LoadedSheet, SheetPlace } from './sheetViews'
import { applyRows, checkVersion, isOwnRetry, writeSheet } from './sheetWrites'
import { runSheetWrite } from './runSheetWrite'
import type { PayloadOf } from '@core/contract'
import type { Store } from '../store'
import type { SheetRecord } from './store'

export const sheetChange: Handler<'sheet.change'> = async (payload, ctx) =>
  runSheetWrite('sheet.change', payload, ctx, async (loaded, place) => {
    const before = loaded.stored
    if (before === null || before.status !== 'submitted') throw new ApiError('INVALID_INPUT', '评分表尚未提交，请直接修改后保存草稿')
    const last = before.changes[before.changes.length - 1]
    const retry = isOwnRetry(loaded, payload.version, place.staff.openid) && last?.at === before.updatedAt && last.reason === payload.reason
    const sheet = retry ? before : await change(ctx.store, loaded, before, place, payload, ctx.now)
    const made = sheet.changes[sheet.changes.length - 1]
    // The criteria by name beside each row's points, so the log reads 工作实绩 36 → 41.5.
    return { sheet, details: { changes: made.rows, criteria: sheet.criteria.map((c) => c.name) }, reason: made.reason }
  })

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

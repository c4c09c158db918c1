// Writing a scoring sheet: the rows a payload may set, the version it must have read,
// and what a submitted 'period' sheet moves — its scores ARE the sub-district party D of its period key.
//
// Order and convergence: the sheet document is written first (compare-and-set on its version), then each
// worker's D score with store.putSubdistrictScore (which keeps the tallies right), then the audit entry.
// An instance dying in between leaves the sheet ahead of the scores. syncScores writes EVERY complete row
// whose D differs (not only the rows just changed), and a retry of the same submit or change (same caller,
// the version it read + 1, same idempotency key) runs it again and appends the same keyed audit entry, so a
// retry — or failing that, the next change — brings D and the audit log back in line with the sheet.
import { ApiError } from '@core/errors'
import type { SheetRefusedCell } from '@core/sheetSchemas'
import { type SheetPoints, cellMessage, draftRow, pointsProblem, sheetScore } from '@core/sheets'
import type { Store, WorkerRecord } from '../store'
import type { SheetRecord, SheetRowRecord } from './store'
import type { LoadedSheet, SheetPlace } from './sheetViews'
import { forgetStaleSnapshots } from '../reports/staleSnapshots'

export const STALE_MESSAGE = '评分表已被他人修改，请刷新后再操作'
export const LOCKED_MESSAGE = '评分表已提交，如需修改请填写修改理由'

/** The version the caller read must be the one stored (0: none yet). */
export function checkVersion(loaded: LoadedSheet, version: number): void {
  if ((loaded.stored?.version ?? 0) !== version) throw new ApiError('CONFLICT', STALE_MESSAGE)
}

/** Whether the stored sheet is this caller's own write of the version they read: a retry of a call that got that far. */
export function isOwnRetry(loaded: LoadedSheet, version: number, openid: string): boolean {
  return loaded.stored !== null && loaded.stored.version === version + 1 && loaded.stored.updatedBy.openid === openid
}

type PayloadRows = ReadonlyArray<{ workerCode: string; points: SheetPoints }>

/**
 * The sheet's rows with the payload's applied: one per active worker (payload, else stored, else empty),
 * then the stored rows of workers no longer active, kept as they were. A row naming anyone else, or
 * points that do not fit the sheet's criteria, is refused and nothing is written (a submit, a change).
 */
export function applyRows(loaded: LoadedSheet, payloadRows: PayloadRows): SheetRowRecord[] {
  const given = new Map<string, SheetPoints>()
  for (const row of payloadRows) {
    const worker = activeWorker(loaded, row.workerCode)
    const problem = pointsProblem(row.points, loaded.criteria)
    if (problem !== null) throw new ApiError('INVALID_INPUT', `${worker.name}：${problem}`)
    given.set(row.workerCode, row.points)
  }
  return mergeRows(loaded, given)
}

/**
 * A draft's rows: as applyRows, except that a cell which does not fit its criterion is not stored (the
 * cell keeps its stored value) and is listed with why, while the other cells are kept. A row naming
 * anyone else, or of the wrong length, still refuses the whole save: that is a stale page, not a slip.
 */
export function applyDraftRows(loaded: LoadedSheet, payloadRows: PayloadRows): { rows: SheetRowRecord[]; refused: SheetRefusedCell[] } {
  const stored = new Map((loaded.stored?.rows ?? []).map((row) => [row.workerCode, row.points]))
  const given = new Map<string, SheetPoints>()
  const refused: SheetRefusedCell[] = []
  for (const row of payloadRows) {
    const worker = activeWorker(loaded, row.workerCode)
    if (row.points.length !== loaded.criteria.length) throw new ApiError('INVALID_INPUT', `${worker.name}：${pointsProblem(row.points, loaded.criteria)}`)
    const kept = draftRow(row.points, stored.get(row.workerCode), loaded.criteria)
    for (const cell of kept.refused) {
      refused.push({ workerCode: worker.code, criterion: cell.criterion, value: cell.value, message: `${worker.name}的${cellMessage(cell, loaded.criteria)}，没有保存` })
    }
    given.set(row.workerCode, kept.points)
  }
  return { rows: mergeRows(loaded, given), refused }
}

function activeWorker(loaded: LoadedSheet, workerCode: string): WorkerRecord {
  const worker = loaded.workers.find((w) => w.code === workerCode)
  if (worker === undefined) throw new ApiError('INVALID_INPUT', `工号 ${workerCode} 不是本街道在岗的工作者，请刷新后再试`)
  return worker
}

function mergeRows(loaded: LoadedSheet, given: ReadonlyMap<string, SheetPoints>): SheetRowRecord[] {
  const stored = new Map((loaded.stored?.rows ?? []).map((row) => [row.workerCode, row.points]))
  const tenths = (points: SheetPoints) => points.map((p) => (p === null ? null : Math.round(p * 10) / 10))
  const rows = loaded.workers.map((w) => {
    const points = given.get(w.code)
    return { workerCode: w.code, points: points !== undefined ? tenths(points) : stored.get(w.code) ?? loaded.criteria.map(() => null) }
  })
  const active = new Set(loaded.workers.map((w) => w.code))
  const inactive = (loaded.stored?.rows ?? []).filter((row) => !active.has(row.workerCode))
  return [...rows, ...inactive]
}

/** The next version of the sheet (version 1 if there is none), written by compare-and-set. */
export async function writeSheet(store: Store, place: SheetPlace, loaded: LoadedSheet, next: Pick<SheetRecord, 'kind' | 'period' | 'status' | 'rows'> & Partial<SheetRecord>, now: Date): Promise<SheetRecord> {
  const at = now.toISOString()
  const by = { openid: place.staff.openid, name: place.staff.name }
  const sheet: SheetRecord = {
    subdistrictId: place.subdistrictId,
    criteria: loaded.criteria,
    changes: [],
    createdAt: at,
    ...(loaded.stored ?? {}),
    ...next,
    version: (loaded.stored?.version ?? 0) + 1,
    updatedAt: at,
    updatedBy: by,
  }
  if (!(await store.sheets.putSheet(sheet))) throw new ApiError('CONFLICT', STALE_MESSAGE)
  loaded.stored = sheet
  return sheet
}


/**
 * A submitted 'period' sheet's scores are party D of its period key: writes each complete row's score
 * where D differs. Then forgets the snapshots of the closed periods it feeds (reports take them again).
 */
export async function syncScores(store: Store, sheet: SheetRecord, now: Date): Promise<void> {
  if (sheet.status !== 'submitted') return
  if (sheet.kind === 'period') {
    const entered = new Map(
      (await store.listSubdistrictScores(sheet.subdistrictId, [sheet.period])).map((s) => [s.workerCode, s.score]),
    )
    for (const row of sheet.rows) {
      const score = sheetScore(row.points)
      if (score === null || entered.get(row.workerCode) === score) continue
      await store.putSubdistrictScore({
        workerCode: row.workerCode,
        subdistrictId: sheet.subdistrictId,
        period: sheet.period,
        score,
        enteredBy: sheet.updatedBy.openid,
        enteredAt: sheet.updatedAt,
      })
    }
  }
  // A year-end review feeds the year's annual assessment.
  await forgetStaleSnapshots(store, sheet.subdistrictId, sheet.period, now)
}

// Reading a scoring sheet: who may see or edit which sub-district's sheet, which period
// a sheet may be of, and the sheet as the page shows it — one row per ACTIVE worker of the sub-district
// (a worker who joined later is an empty row), with the criteria the sheet was created with, or those in
// force for a sheet not saved yet.
import { DEFAULT_SETTINGS, periodKind, periodStartsAfter } from '@core/index'
import { ApiError } from '@core/errors'
import { isActiveWorker } from '@core/org'
import type { SheetChangeView, SheetView } from '@core/sheetSchemas'
import { type SheetKind, sheetScore } from '@core/sheets'
import type { SheetCriterion } from '@core/types'
import type { Staff } from '../context'
import { staffScope, subdistrictOf } from '../access/staffScope'
import type { PrincipalRecord, Store, WorkerRecord } from '../store'
import type { SheetChangeRecord, SheetRecord } from './store'

export interface SheetPlace {
  staff: PrincipalRecord
  subdistrictId: string
  subdistrictName: string
  /** Sub-district staff edit their own sheets; the bureau reads any. */
  editable: boolean
}

/** Sub-district staff: their own sub-district (another one: 403); the bureau: the one it picked, read only. */
export async function sheetPlace(caller: Staff, store: Store, requested: string | undefined): Promise<SheetPlace> {
  const scope = staffScope(caller)
  const { staff } = scope
  const subdistrictId = subdistrictOf(scope, requested)
  const subdistrict = await store.getSubdistrict(subdistrictId)
  if (subdistrict === null) throw new ApiError('NOT_FOUND', '没有找到这个街道')
  return { staff, subdistrictId, subdistrictName: subdistrict.name, editable: staff.role === 'subdistrict' }
}

/** A year-end review is of a year; nobody scores a period that has not started (as score.submit). */
export function checkSheetPeriod(kind: SheetKind, period: string, now: Date, write: boolean): void {
  if (kind === 'yearEnd' && periodKind(period) !== 'year') throw new ApiError('INVALID_INPUT', '年终评议按年度进行，请选择年份，例如 2026')
  if (write && periodStartsAfter(period, now)) throw new ApiError('INVALID_INPUT', '不能为尚未开始的考核期打分')
}

export interface LoadedSheet {
  stored: SheetRecord | null
  /** The sub-district's active workers, in the store's order. */
  workers: WorkerRecord[]
  communityName: Map<string, string>
  criteria: SheetCriterion[]
}

export async function loadSheet(store: Store, subdistrictId: string, kind: SheetKind, period: string): Promise<LoadedSheet> {
  const [stored, workers, communities, settings] = await Promise.all([
    store.sheets.getSheet(subdistrictId, kind, period),
    store.listWorkers(subdistrictId),
    store.listCommunities(subdistrictId),
    store.getSettings(),
  ])
  // A sheet keeps the criteria it was created with: a later settings change does not alter it.
  const criteria = stored?.criteria ?? (settings ?? DEFAULT_SETTINGS).sheetCriteria ?? DEFAULT_SETTINGS.sheetCriteria
  return {
    stored,
    // In code order: a community's workers share a prefix, so they stay together.
    workers: workers.filter(isActiveWorker).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    communityName: new Map(communities.map((c) => [c.id, c.name])),
    criteria,
  }
}

/** Who a change moved, from what score to what: 修改记录 says it as the audit log does. */
function changedScores(change: SheetChangeRecord, nameOf: (code: string) => string): SheetChangeView['scores'] {
  return change.rows.map((row) => ({ workerCode: row.workerCode, name: nameOf(row.workerCode), from: sheetScore(row.from), to: sheetScore(row.to) }))
}

export function sheetView(place: SheetPlace, kind: SheetKind, period: string, loaded: LoadedSheet): SheetView {
  const { stored, criteria } = loaded
  const names = new Map(loaded.workers.map((worker) => [worker.code, worker.name]))
  const nameOf = (code: string) => names.get(code) ?? code
  const pointsOf = new Map((stored?.rows ?? []).map((row) => [row.workerCode, row.points]))
  const rows = loaded.workers.map((worker) => {
    const points = pointsOf.get(worker.code) ?? criteria.map(() => null)
    return { workerCode: worker.code, name: worker.name, community: loaded.communityName.get(worker.communityId) ?? '', points, score: sheetScore(points) }
  })
  const view: SheetView = {
    subdistrictId: place.subdistrictId,
    subdistrict: place.subdistrictName,
    kind,
    period,
    status: stored?.status ?? 'new',
    version: stored?.version ?? 0,
    criteria,
    rows,
    editable: place.editable,
    changes: (stored?.changes ?? []).map((c) => ({ at: c.at, by: c.by.name, reason: c.reason, rows: c.rows.length, scores: changedScores(c, nameOf) })).reverse(),
  }
  if (stored !== null) view.updatedAt = stored.updatedAt
  if (stored?.submittedAt !== undefined) view.submittedAt = stored.submittedAt
  if (stored?.submittedBy !== undefined) view.submittedBy = stored.submittedBy.name
  return view
}

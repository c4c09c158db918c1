// A worker's trend (report.trend): their total, grade and place in each of the last 12 months, each the
// month's evaluation of their whole sub-district (grades need the pooled means and the quota, DESIGN
// section 3). Cheap: closed months read their snapshots in one query; the months without one are
// evaluated together from one read each of workers, communities, tallies (12 per worker, paged) and
// scores, plus the settings — about 6 queries for 30 workers, never one per month or a scan of ratings.
import { addMonths, monthOf, periodIsClosed } from '@core/periods'
import { isProvisional } from '@core/provisional'
import type { TrendMonth, WorkerTrend } from '@core/reports'
import type { EvaluationRow } from '@core/types'
import type { ExactEvaluation } from '@core/scoring'
import type { Staff } from '../context'
import type { Store, WorkerRecord } from '../store'
import { OUTSIDE_SCOPE } from '../fieldTime/gridTimeScope'
import { covers, forbidden, staffScope } from '../access/staffScope'
import { evaluatePeriods, settingsInForce } from './subdistrictEvaluation'
import { findWorker } from '../org/workers'

/** Months in the trend: this month and the 11 before it. */
export const TREND_MONTHS = 12

/** Staff whose scope covers the worker: the bureau, their sub-district's staff, their community's admin. */
export async function trendSubject(caller: Staff, store: Store, workerCode: string): Promise<WorkerRecord> {
  const scope = staffScope(caller)
  const worker = await findWorker(store, workerCode)
  if (!covers(scope, worker)) throw forbidden(OUTSIDE_SCOPE)
  return worker
}

function monthOfRows(period: string, rows: EvaluationRow[], workerCode: string, now: Date, snapshotAt?: string): TrendMonth {
  const index = rows.findIndex((row) => row.workerCode === workerCode)
  const row = index < 0 ? undefined : rows[index]
  return {
    period,
    total: row?.total ?? null,
    grade: row?.grade ?? '未评定',
    // Rows are in ranking order, null totals last: the place is the position.
    rank: row === undefined || row.total === null ? null : index + 1,
    graded: rows.filter((r) => r.total !== null).length,
    ...(snapshotAt === undefined ? {} : { snapshotAt }),
    provisional: isProvisional(period, now),
  }
}

export async function workerTrend(store: Store, worker: WorkerRecord, now: Date): Promise<WorkerTrend> {
  const current = monthOf(now)
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(current, i - TREND_MONTHS + 1))
  const closed = months.filter((month) => periodIsClosed(month, now))
  const [snapshots, community, subdistrict] = await Promise.all([
    store.snapshots.list(worker.subdistrictId, closed),
    store.getCommunity(worker.communityId),
    store.getSubdistrict(worker.subdistrictId),
  ])
  const snapshotOf = new Map(snapshots.map((snapshot) => [snapshot.period, snapshot]))
  const live = months.filter((month) => !snapshotOf.has(month))
  const evaluations = live.length === 0 ? new Map<string, ExactEvaluation>() : await evaluatePeriods(store, worker.subdistrictId, live, (await settingsInForce(store)).settings)
  return {
    workerCode: worker.code,
    name: worker.name,
    community: community?.name ?? '',
    subdistrictName: subdistrict?.name ?? '',
    months: months.map((month) => {
      const snapshot = snapshotOf.get(month)
      return snapshot === undefined
        ? monthOfRows(month, evaluations.get(month)?.rows ?? [], worker.code, now)
        : monthOfRows(month, snapshot.rows, worker.code, now, snapshot.takenAt)
    }),
  }
}

// A sub-district's evaluation of a period with everything a report shows next to the scores (grid time,
// for a year the annual assessment), either taken now or read from the nightly snapshot of a closed
// period: open periods are always computed live, closed ones read the snapshot when
// one exists, so a report of a closed period keeps the numbers and the settings version it was taken with.
import { annualScore } from '@core/annual'
import type { Fraction } from '@core/exact'
import { gridTimeRatio, workingDays } from '@core/gridTime'
import { chinaDateOf, monthsOf, periodIsClosed, periodKind } from '@core/periods'
import type { AnnualParts, EvaluatedRow } from '@core/reports'
import type { EvaluationRow, Settings } from '@core/types'
import type { Store } from '../store'
import type { EvaluationSnapshot } from './store'
import { evaluatePeriods, evaluateSubdistrict, settingsInForce } from './subdistrictEvaluation'
import { letOthersIn } from './turns'
import { subdistrictHallDays } from '../hall/hallDays'

/**
 * Each worker's grid time ratio (gridTimeOf's `ratio`: logged minutes over the working minutes up to today)
 * from the minutes kept per worker and month as sessions end — one read for the sub-district — and the
 * period's working days, counted once. Corroboration is not read: the report shows all logged time.
 * Unrounded: the report rounds each for display and averages the unrounded ones (reportBuild.ts).
 */
async function gridTimeRatios(store: Store, codes: string[], period: string, settings: Settings, now: Date): Promise<Map<string, number | null>> {
  const minutes = await store.fieldTime.minutesLogged(codes, monthsOf(period))
  const days = workingDays(period, settings, chinaDateOf(now))
  return new Map(codes.map((code) => [code, gridTimeRatio(minutes.get(code) ?? 0, days, settings.workMinutesPerDay)]))
}

/** The submitted year-end review score of each worker of the sub-district for the year. */
async function yearEndScores(store: Store, subdistrictId: string, year: string): Promise<Map<string, number>> {
  const reviews = await store.sheets.listYearEnd(subdistrictId, year)
  return new Map(reviews.map((review) => [review.workerCode, review.score]))
}

/**
 * The annual assessment (the 6, src/core/annual.ts): both parts as shown, and the result from the exact
 * year total.
 */
function annualOf(yearTotal: number | null, exactYearTotal: Fraction | null, yearEnd: number | null, settings: Settings): AnnualParts {
  return { yearTotal, yearEnd, annual: annualScore(exactYearTotal, yearEnd, settings.dailyShare).annual }
}

/** The evaluation as it is now, with the settings in force: what a snapshot keeps (without takenAt). */
export async function takeEvaluation(store: Store, subdistrictId: string, period: string, now: Date): Promise<Omit<EvaluationSnapshot, 'takenAt'>> {
  await letOthersIn()
  const { settings, settingsVersion } = await settingsInForce(store)
  const isYear = periodKind(period) === 'year'
  const workers = await store.listWorkers(subdistrictId)
  const codes = workers.map((worker) => worker.code)
  // Read together: the evaluation (given the workers, so they are read once), the grid time of all
  // workers (those who take no part are not shown), for a year the year-end reviews, and the hall days.
  const [evaluations, ratios, yearEnds, hallDays] = await Promise.all([
    evaluatePeriods(store, subdistrictId, [period], settings, workers),
    gridTimeRatios(store, codes, period, settings, now),
    isYear ? yearEndScores(store, subdistrictId, period) : Promise.resolve(null),
    subdistrictHallDays(store, subdistrictId, period, now),
  ])
  const { rows: evaluation, exactTotals } = evaluations.get(period) ?? { rows: [], exactTotals: new Map<string, Fraction>() }
  await letOthersIn()
  const communityOf = new Map(workers.map((worker) => [worker.code, worker.communityId]))
  const rows: EvaluatedRow[] = evaluation.map((row) => ({
    ...row,
    communityId: communityOf.get(row.workerCode) ?? '',
    gridTimeRatio: ratios.get(row.workerCode) ?? null,
    hallDays: hallDays.get(row.workerCode) ?? 0,
    ...(yearEnds === null ? {} : { annual: annualOf(row.total, exactTotals.get(row.workerCode) ?? null, yearEnds.get(row.workerCode) ?? null, settings) }),
  }))
  return { subdistrictId, period, settingsVersion, settings, rows }
}

/** The snapshot of a closed period when there is one, else the evaluation taken now (snapshotAt absent). */
export async function evaluationFor(
  store: Store,
  subdistrictId: string,
  period: string,
  now: Date,
): Promise<Omit<EvaluationSnapshot, 'takenAt'> & { snapshotAt?: string }> {
  if (periodIsClosed(period, now)) {
    const snapshot = await store.snapshots.get(subdistrictId, period)
    if (snapshot !== null) {
      const { takenAt, ...evaluation } = snapshot
      return { ...evaluation, snapshotAt: takenAt }
    }
  }
  return takeEvaluation(store, subdistrictId, period, now)
}

/**
 * evaluation.get's rows: the snapshot's when the closed period has one (only the evaluation's own fields),
 * else the evaluation computed now, without the grid-time reads a report needs.
 */
export async function evaluationRowsFor(store: Store, subdistrictId: string, period: string, now: Date): Promise<EvaluationRow[]> {
  const snapshot = periodIsClosed(period, now) ? await store.snapshots.get(subdistrictId, period) : null
  if (snapshot === null) return evaluateSubdistrict(store, subdistrictId, period)
  return snapshot.rows.map(({ communityId: _communityId, gridTimeRatio: _ratio, hallDays: _hallDays, annual: _annual, ...row }) => row)
}

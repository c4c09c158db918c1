// The city's trend: each sub-district's evaluation of each of the last closed months, as the totals of
// its rows. Closed months read their nightly snapshots in one query; a month without one is evaluated
// with the settings in force, all such months together (subdistrictEvaluation.ts), as a worker's trend does.
import { addMonths, monthOf } from '@core/periods'
import type { ExactEvaluation } from '@core/scoring'
import type { Settings } from '@core/types'
import type { Store } from '../store'
import { evaluatePeriods } from '../reports/subdistrictEvaluation'

/** Months in the city's trend: the last six closed ones. */
export const CITY_TREND_MONTHS = 6

/** The last CITY_TREND_MONTHS closed months (China time), oldest first: this month is not among them. */
export function cityTrendMonths(now: Date): string[] {
  const current = monthOf(now)
  return Array.from({ length: CITY_TREND_MONTHS }, (_, i) => addMonths(current, i - CITY_TREND_MONTHS))
}

/** For each of `months`, in order, the totals of the sub-district's evaluation rows. */
export async function monthTotals(store: Store, subdistrictId: string, months: readonly string[], settings: Settings): Promise<Array<Array<number | null>>> {
  const snapshots = new Map((await store.snapshots.list(subdistrictId, [...months])).map((snapshot) => [snapshot.period, snapshot]))
  const live = months.filter((month) => !snapshots.has(month))
  const evaluations = live.length === 0 ? new Map<string, ExactEvaluation>() : await evaluatePeriods(store, subdistrictId, live, settings)
  return months.map((month) => (snapshots.get(month)?.rows ?? evaluations.get(month)?.rows ?? []).map((row) => row.total))
}

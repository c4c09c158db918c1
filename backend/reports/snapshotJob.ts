// The nightly snapshots: every closed month, half-year and year of this year and the
// last that has no snapshot yet is evaluated and kept, for every sub-district, with the settings version
// it used. Newest periods first (what reports read most). Work per run is bounded by a time budget: the
// job stops taking new snapshots once the budget is spent and reports how many it left for the next run.
// A snapshot dropped because a closed period's score changed (SnapshotStore.drop) is retaken next run.
import { monthOf, monthsOf, periodIsClosed } from '@core/periods'
import type { Store } from '../store'
import { takeEvaluation } from './evaluations'

/** The closed period keys of this year and the last, in China time, newest first. */
export function closedPeriods(now: Date): string[] {
  const year = Number(monthOf(now).slice(0, 4))
  const keys: string[] = []
  for (const y of [year, year - 1]) {
    const months = monthsOf(String(y)).reverse()
    keys.push(String(y), `${y}-H2`, ...months.slice(0, 6), `${y}-H1`, ...months.slice(6))
  }
  return keys.filter((key) => periodIsClosed(key, now))
}

export interface SnapshotRun {
  taken: number
  /** Snapshots still missing when the budget ran out; the next run takes them. */
  pending: number
}

/** Takes the missing snapshots until `budgetMs` has passed (checked before each one; Infinity: all). */
export async function takeMissingSnapshots(store: Store, now: Date, budgetMs: number, clock: () => number = Date.now): Promise<SnapshotRun> {
  const started = clock()
  const periods = closedPeriods(now)
  const subdistricts = await store.listSubdistricts()
  const taken = new Map<string, Set<string>>()
  for (const subdistrict of subdistricts) taken.set(subdistrict.id, new Set(await store.snapshots.listTaken(subdistrict.id, periods)))
  // Period by period, newest first, across sub-districts: a short budget still covers last month everywhere.
  const missing = periods.flatMap((period) =>
    subdistricts.filter((subdistrict) => !taken.get(subdistrict.id)?.has(period)).map((subdistrict) => ({ subdistrictId: subdistrict.id, period })),
  )
  let count = 0
  for (const { subdistrictId, period } of missing) {
    if (clock() - started >= budgetMs) break
    // Give the event loop a turn between snapshots: the local runtime serves requests meanwhile.
    await new Promise((resolve) => setImmediate(resolve))
    const evaluation = await takeEvaluation(store, subdistrictId, period, now)
    await store.snapshots.put({ ...evaluation, takenAt: now.toISOString() })
    count += 1
  }
  return { taken: count, pending: missing.length - count }
}

// A closed period's report is read from its nightly snapshot (evaluations.ts). A write into a closed
// period — a score, a sheet, an exclusion by review or appeal, a field session ended late — makes the
// snapshots of the periods it feeds stale: they are forgotten here, and the next report computes the
// period anew (and the nightly run takes it again). Ratings and feedback count in the month they are
// given, which is never closed, so they never make one stale. Which periods: staleSnapshotPeriods.
import { staleSnapshotPeriods } from '@core/periods'
import type { Store } from '../store'

/** Forgets the snapshots of one sub-district that a write into `written` (months or period keys) made stale. */
export async function forgetStaleSnapshots(store: Store, subdistrictId: string, written: string | readonly string[], now: Date): Promise<void> {
  const stale = staleSnapshotPeriods(typeof written === 'string' ? [written] : written, now)
  if (stale.length > 0) await store.snapshots.drop(subdistrictId, stale)
}

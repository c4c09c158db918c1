// Evaluations of closed periods, taken by the nightly timer with the settings version
// they used; reports read a snapshot when one exists. Part of the Store (backend/store/index.ts): implemented by
// backend/reports/sqlite.ts (SQLite) and backend/reports/cloudbase.ts (CloudBase), checked by
// test/storeContracts/snapshots.ts.
import type { EvaluatedRow } from '@core/reports'
import type { Settings } from '@core/types'

/** One sub-district's evaluation of one closed period, as it was when taken. */
export interface EvaluationSnapshot {
  subdistrictId: string
  /** A closed period key: `YYYY-MM`, `YYYY-Hn` or `YYYY`. */
  period: string
  /** The settings the evaluation used, and their version (0: the defaults, before any were saved). */
  settingsVersion: number
  settings: Settings
  /** ISO, UTC. */
  takenAt: string
  /** In ranking order. */
  rows: EvaluatedRow[]
}

export interface SnapshotStore {
  /** Keeps a snapshot, replacing the one of the same sub-district and period if any. */
  put(snapshot: EvaluationSnapshot): Promise<void>
  /** The snapshot of a sub-district and period; none: null. */
  get(subdistrictId: string, period: string): Promise<EvaluationSnapshot | null>
  /** Which of these period keys have a snapshot of the sub-district (one read, no rows loaded). */
  listTaken(subdistrictId: string, periods: string[]): Promise<string[]>
  /** The snapshots of a sub-district for these period keys (a worker's trend), in any order. */
  list(subdistrictId: string, periods: string[]): Promise<EvaluationSnapshot[]>
  /**
   * Forgets the snapshots of a sub-district for these period keys (a changed score of a closed period
   * makes them stale); the next timer run takes them again. No snapshot: a no-op.
   */
  drop(subdistrictId: string, periods: string[]): Promise<void>
}

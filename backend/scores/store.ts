// The sub-district's scores of its workers (party D): monthly, half-year or year. Part of the Store
// (backend/store/index.ts): implemented by backend/scores/sqlite.ts (SQLite) and
// backend/scores/cloudbase.ts (CloudBase), checked by one contract suite (test/storeContract.ts).
import type { SubdistrictScoreRecord } from '../store/records'

export interface ScoreStore {
  /**
   * Upserts the score by (worker, period). A monthly score also moves the monthly-score rollup of its
   * month's three tallies in the same transaction: the sum by (new - old), the count by 1 if it is the
   * month's first score. Scores for a half-year or year key touch no tally.
   */
  putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void>
  /** Scores of a sub-district's workers entered for any of the given period keys. */
  listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]>
}

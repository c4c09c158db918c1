// The per-worker, per-period, per-party tallies (TallyRecord), so an evaluation reads O(workers), never a
// scan of ratings. The writes of ratings, feedback, monthly scores and exclusions move them in step.
// Part of the Store (backend/store/index.ts): implemented by backend/tallies/sqlite.ts (SQLite) and
// backend/tallies/cloudbase.ts (CloudBase), checked by one contract suite (test/storeContract.ts).
import type { TallyRecord } from '../store/records'

export interface TallyStore {
  /**
   * The tallies of a sub-district's workers for the given period keys: O(workers x periods) rows, never a scan of ratings.
   * `recipientGroups` come with the tallies of every period, or, given `groupsOf`, only with those of its periods: a
   * year's evaluation reads its halves for their sub-district scores alone, and a city's halves hold thousands of groups.
   */
  listTallies(subdistrictId: string, periods: string[], groupsOf?: readonly string[]): Promise<TallyRecord[]>
}

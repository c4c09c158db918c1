// The CloudBase side of TallyStore (store.ts): one tally document per worker and year, holding each
// month's counts (backend/store/cloudbase/tallies.ts); half-years and the year are rolled up on read.
import type { CloudCollections } from '../store/cloudbase/collections'
import type { CloudDb } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { tallyRecordsOf } from '../store/cloudbase/tallies'
import type { TallyRecord } from '../store/records'

export async function listTallies(db: CloudDb<CloudCollections>, subdistrictId: string, periods: string[], groupsOf?: readonly string[]): Promise<TallyRecord[]> {
  if (periods.length === 0) return []
  // One query on (subdistrictId, year), which the collection indexes: a year of 300 workers is 300
  // documents, four reads of 100; a month or half-year reads the same documents.
  const years = [...new Set(periods.map((period) => period.slice(0, 4)))]
  const docs = await listAll(db, 'tallies', { subdistrictId, year: db.command.in(years) })
  const tallies = docs.flatMap((doc) => tallyRecordsOf(doc, periods))
  if (groupsOf === undefined) return tallies
  // The documents hold every month's groups; the tallies of the other periods are given without them, as SQLite gives them.
  const withGroups = new Set(groupsOf)
  return tallies.map((tally) => {
    if (tally.recipientGroups === undefined || withGroups.has(tally.period)) return tally
    const { recipientGroups: _groups, ...withoutGroups } = tally
    return withoutGroups
  })
}

// The SQLite side of TallyStore (store.ts): one `tallies` row per (worker, period key) (the table is in
// backend/store/sqlite/schema.ts), with the recipients' groups beside it (backend/feedback/sqlite.ts).
// Ratings, feedback and monthly scores move their month's three rows with `apply`, inside their own
// transaction; exclusions (backend/reviews/sqlite.ts) and bulk loads write the same rows themselves.
import type Database from 'better-sqlite3'
import { rollUpMonths } from '@core/tallies'
import { type TallyChange, countsOfChange } from '@core/tallyChange'
import type { TallyRecord } from '../store/records'
import { BUMP_TALLY, MOVE_TALLY, TALLY_COLUMNS, type TallyRow, tallyOf, tallyRowOf } from '../store/sqlite/schema'
import type { SqliteRecipients } from '../feedback/sqlite'
import { positionalRun } from '../store/sqlite/positional'

/** Where a change lands: the worker, its sub-district and the month of the rating or score. */
export interface TallyTarget {
  workerCode: string
  subdistrictId: string
  month: string
}

export class SqliteTallies {
  private readonly stmt

  /** After the tallies table and the recipients' groups exist. */
  constructor(db: Database.Database, private readonly recipients: SqliteRecipients) {
    this.stmt = {
      // The first rating, feedback or monthly score of a worker's month (creates missing rows).
      bumpTally: positionalRun<TallyRow>(db, BUMP_TALLY),
      // A change to rows an earlier change of the same month created (a re-rate, a replaced score).
      moveTally: positionalRun<TallyRow>(db, MOVE_TALLY),
      listTallies: db.prepare<[string, string], TallyRow>(
        `SELECT ${TALLY_COLUMNS} FROM tallies WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))`,
      ),
    }
  }

  /** The change on the month's three tallies; callers wrap it in a transaction. */
  apply(at: TallyTarget, change: TallyChange, rows: 'new' | 'known'): void {
    const statement = rows === 'new' ? this.stmt.bumpTally : this.stmt.moveTally
    for (const [period, counts] of rollUpMonths([[at.month, countsOfChange(change)]])) {
      statement(tallyRowOf(at, period, counts))
      this.recipients.addGroups(at, period, counts.recipientGroups)
    }
  }

  list(subdistrictId: string, periods: string[]): TallyRecord[] {
    return this.recipients.withGroups(subdistrictId, periods, this.stmt.listTallies.all(subdistrictId, JSON.stringify(periods)).map(tallyOf))
  }
}

// The SQLite side of TallyStore (store.ts): one `tallies` row per (worker, period key) (the table is in
// backend/store/sqlite/schema.ts), with the recipients' groups beside it (backend/feedback/sqlite.ts).
// Ratings, feedback and monthly scores move their month's three rows with `apply` (a new resident rating,
// the most frequent change, with `addResident`), inside their own transaction; exclusions
// (backend/reviews/sqlite.ts) and bulk loads write the same rows themselves.
import type Database from 'better-sqlite3'
import { periodsOfMonth } from '@core/periods'
import { type PeriodCounts, rollUpMonths } from '@core/tallies'
import type { Level, LevelHistogram } from '@core/types'
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

/** The UPDATE of addResident: worker, year, half, then month, half and year (see where it is prepared). */
export function residentAddedSql(level: Level): string {
  return `UPDATE tallies SET r${level} = r${level} + 1
    WHERE worker_code = ? AND period BETWEEN ? AND ? AND (+period = ? OR +period = ? OR +period = ?)`
}

export class SqliteTallies {
  private readonly stmt

  /** After the tallies table and the recipients' groups exist. */
  constructor(db: Database.Database, private readonly recipients: SqliteRecipients) {
    this.stmt = {
      // The first rating, feedback or monthly score of a worker's month (creates missing rows).
      bumpTally: positionalRun<TallyRow>(db, BUMP_TALLY),
      // A row the month's first change creates, where there is none.
      createTally: positionalRun<TallyRow>(db, `${BUMP_TALLY.slice(0, BUMP_TALLY.indexOf('ON CONFLICT'))} ON CONFLICT (worker_code, period) DO NOTHING`),
      // A change to rows an earlier change of the same month created (a re-rate, a replaced score).
      moveTally: positionalRun<TallyRow>(db, MOVE_TALLY),
      // A new resident rating: one column of the month's three rows, when they are there (the month's
      // first rating creates them), in one statement with one CHECK to test (an UPDATE tests only those
      // of the columns it sets). The year sorts first among a worker's keys of that year and the half
      // last ('2026' < '2026-07' < '2026-H2'), so the three rows lie in one range of the primary key,
      // read with the year's few other rows. `period IN (?, ?, ?)`, or ORs SQLite may turn into one,
      // would build a temporary B-tree of the three values on every run; `+period` keeps them filters.
      residentAdded: ([1, 2, 3, 4, 5] as const).map((level) => db.prepare<[string, string, string, string, string, string]>(residentAddedSql(level))),
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

  /**
   * apply(at, { residents: addedLevel(level) }, 'new'), the change of every new resident rating, in one
   * statement of six values instead of the general upsert's fifteen for each of the three rows.
   */
  addResident(at: TallyTarget, level: Level): void {
    const added = this.stmt.residentAdded[level - 1]
    if (added === undefined) throw new RangeError(`level ${level}`)
    const periods = periodsOfMonth(at.month)
    const [month, half, year] = periods
    if (added.run(at.workerCode, year, half, month, half, year).changes === periods.length) return
    // A row missing (the month's, half-year's or year's first rating): the others were counted above,
    // the missing ones are created with the one count.
    const counts = newResident(level)
    for (const period of periods) this.stmt.createTally(tallyRowOf(at, period, counts))
  }

  list(subdistrictId: string, periods: string[], groupsOf: readonly string[] = periods): TallyRecord[] {
    return this.recipients.withGroups(subdistrictId, groupsOf, this.stmt.listTallies.all(subdistrictId, JSON.stringify(periods)).map(tallyOf))
  }
}

/** The counts of one new resident rating of `level`. */
function newResident(level: Level): PeriodCounts {
  const residents: LevelHistogram = [0, 0, 0, 0, 0]
  residents[level - 1] = 1
  return { residents, recipients: [0, 0, 0, 0, 0], recipientGroups: {}, monthlyScoreSum: 0, monthlyScoreCount: 0 }
}

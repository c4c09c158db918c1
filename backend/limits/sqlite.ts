// The SQLite side of LimitStore (backend/limits/store.ts): one row per rater and China
// day, each take and give-back one transaction. Creates its own table, with no index by day: every
// submit would write a page of it, while only the nightly clean-up (removeBefore) reads by day, and the
// table then holds little more than one day's raters. `takeNow` and `giveBackNow` do the
// same inside a transaction of the caller's (a whole submit: backend/ratings/sqliteOneTransaction.ts).
import type Database from 'better-sqlite3'
import type { LimitCounter, Limits, LimitStore, LimitTake, LimitUndo, LimitVerdict } from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rate_limits (
  rater TEXT NOT NULL,
  day TEXT NOT NULL,
  count INTEGER NOT NULL,
  minute TEXT NOT NULL,
  minute_count INTEGER NOT NULL,
  PRIMARY KEY (rater, day)
) WITHOUT ROWID;
DROP INDEX IF EXISTS rate_limits_by_day;
`

const SELECT = 'SELECT day, count, minute, minute_count AS minuteCount FROM rate_limits WHERE rater = ? AND day = ?'

export class SqliteLimitStore implements LimitStore {
  /** Settings are one local read: the limits in force are always the saved ones. */
  readonly settingsMaxAgeMs = 0
  private readonly takeTx: (rater: string, take: LimitTake, limits: Limits) => LimitVerdict
  private readonly giveBackTx: (rater: string, undo: LimitUndo) => void
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      get: db.prepare<[string, string], LimitCounter>(SELECT),
      put: db.prepare<[string, string, number, string, number]>(
        `INSERT INTO rate_limits (rater, day, count, minute, minute_count) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (rater, day) DO UPDATE SET count = excluded.count, minute = excluded.minute, minute_count = excluded.minute_count`,
      ),
      create: db.prepare<[string, string, string]>(
        'INSERT INTO rate_limits (rater, day, count, minute, minute_count) VALUES (?, ?, 1, ?, 1) ON CONFLICT (rater, day) DO NOTHING',
      ),
      remove: db.prepare<[string, string]>('DELETE FROM rate_limits WHERE rater = ? AND day = ?'),
      removeBefore: db.prepare<[string]>('DELETE FROM rate_limits WHERE day < ?'),
    }
    this.takeTx = db.transaction((rater: string, take: LimitTake, limits: Limits): LimitVerdict => this.count(rater, take, limits))
    this.giveBackTx = db.transaction((rater: string, undo: LimitUndo): void => this.giveBackNow(rater, undo))
  }

  /** Inside a transaction: counts one submit against the rater's existing counter of the day. */
  private count(rater: string, take: LimitTake, limits: Limits): LimitVerdict {
    const row = this.stmt.get.get(rater, take.day)
    const { day, minute } = take
    if (row === undefined) {
      this.stmt.put.run(rater, day, 1, minute, 1)
      return { allowed: true, undo: { day, minute, created: true } }
    }
    if (row.count >= limits.perDay) return { allowed: false, window: 'day' }
    if (row.minute === minute) {
      if (row.minuteCount >= limits.perMinute) return { allowed: false, window: 'minute' }
      this.stmt.put.run(rater, day, row.count + 1, minute, row.minuteCount + 1)
      return { allowed: true, undo: { day, minute, created: false } }
    }
    this.stmt.put.run(rater, day, row.count + 1, minute, 1)
    return { allowed: true, undo: { day, minute, created: false, previousMinute: { minute: row.minute, minuteCount: row.minuteCount } } }
  }

  /** Inside a transaction: gives back a take that was allowed (LimitStore.giveBack). */
  giveBackNow(rater: string, undo: LimitUndo): void {
    const row = this.stmt.get.get(rater, undo.day)
    if (row === undefined || row.count <= 0) return
    if (undo.created && row.count === 1) {
      this.stmt.remove.run(rater, undo.day)
      return
    }
    if (row.minute !== undo.minute || row.minuteCount <= 0) {
      this.stmt.put.run(rater, undo.day, row.count - 1, row.minute, row.minuteCount)
      return
    }
    // The take's minute is still the counter's: back to the minute it replaced when nothing else counted in it.
    const back = row.minuteCount === 1 && undo.previousMinute !== undefined ? undo.previousMinute : { minute: row.minute, minuteCount: row.minuteCount - 1 }
    this.stmt.put.run(rater, undo.day, row.count - 1, back.minute, back.minuteCount)
  }

  /** Inside a transaction: LimitStore.take, the limits read only when the rater already has a counter that day. */
  takeNow(rater: string, take: LimitTake, limits: () => Limits): LimitVerdict {
    if (this.stmt.create.run(rater, take.day, take.minute).changes === 1) return { allowed: true, undo: { day: take.day, minute: take.minute, created: true } }
    return this.count(rater, take, limits())
  }

  async take(rater: string, take: LimitTake, limits: () => Promise<Limits>): Promise<LimitVerdict> {
    // The day's first submit needs no limits; else they are read, then checked and counted in one transaction.
    if (this.stmt.create.run(rater, take.day, take.minute).changes === 1) return { allowed: true, undo: { day: take.day, minute: take.minute, created: true } }
    return this.takeTx(rater, take, await limits())
  }

  async giveBack(rater: string, undo: LimitUndo): Promise<void> {
    this.giveBackTx(rater, undo)
  }

  async get(rater: string, day: string): Promise<LimitCounter | null> {
    return this.stmt.get.get(rater, day) ?? null
  }

  async removeBefore(day: string): Promise<number> {
    return this.stmt.removeBefore.run(day).changes
  }
}

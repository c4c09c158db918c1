// The SQLite side of FeedbackStore (store.ts), and the recipients' groups it keeps beside the tallies.
// One person counts once in the 服务对象 party (src/core/recipients.ts), in SQLite. A tally's s1..s5 hold
// the people who gave ONE feedback on the worker that month; this table holds, per (worker, period, k),
// the summed levels of the people who gave k >= 2. A person's counted levels of the month are read from
// the feedback table itself, inside the same transaction as the write that moves them, so no second copy
// of them is kept here (the cloud needs one, recipientsCloudbase.ts, for want of that transaction).
import type Database from 'better-sqlite3'
import { recipientMonths, withLevel } from '@core/recipients'
import { emptyCounts, rollUpMonths } from '@core/tallies'
import { personChange } from '@core/tallyChange'
import type { LevelHistogram, RecipientGroups } from '@core/types'
import type { SubmitReceipt } from '../ratings/recordClaims'
import type { FeedbackRecord, TallyRecord } from '../store/records'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import { positionalRun } from '../store/sqlite/positional'
import type { SqliteTallies } from '../tallies/sqlite'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tally_recipient_groups (
  worker_code TEXT NOT NULL,
  period TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 2),
  subdistrict_id TEXT NOT NULL,
  g1 INTEGER NOT NULL,
  g2 INTEGER NOT NULL,
  g3 INTEGER NOT NULL,
  g4 INTEGER NOT NULL,
  g5 INTEGER NOT NULL,
  PRIMARY KEY (worker_code, period, size)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tally_recipient_groups_by_subdistrict ON tally_recipient_groups (subdistrict_id, period);
CREATE INDEX IF NOT EXISTS feedback_by_person_month ON feedback (openid, worker_code, month);
`

interface GroupRow {
  workerCode: string
  period: string
  size: number
  subdistrictId: string
  g1: number
  g2: number
  g3: number
  g4: number
  g5: number
}

/** A listed group as listGroups returns it (raw): worker, period, k, then g1..g5. */
type ListedGroup = [workerCode: string, period: string, size: number, g1: number, g2: number, g3: number, g4: number, g5: number]

interface At {
  workerCode: string
  subdistrictId: string
}

export class SqliteRecipients {
  private readonly stmt

  /** After the feedback table and its `exclusion` column exist. */
  constructor(private readonly db: Database.Database) {
    const fresh = db.prepare<[], { found: number }>("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'tally_recipient_groups') AS found").get()?.found !== 1
    db.exec(SCHEMA)
    this.stmt = {
      personLevels: db.prepare<[string, string, string], { level: number; n: number }>(
        `SELECT level, COUNT(*) AS n FROM feedback WHERE openid = ? AND worker_code = ? AND month = ? AND exclusion IS NULL GROUP BY level`,
      ),
      addGroup: positionalRun<GroupRow>(
        db,
        `INSERT INTO tally_recipient_groups (worker_code, period, size, subdistrict_id, g1, g2, g3, g4, g5)
         VALUES (@workerCode, @period, @size, @subdistrictId, @g1, @g2, @g3, @g4, @g5)
         ON CONFLICT (worker_code, period, size) DO UPDATE SET g1 = g1 + excluded.g1, g2 = g2 + excluded.g2,
           g3 = g3 + excluded.g3, g4 = g4 + excluded.g4, g5 = g5 + excluded.g5`,
      ),
      // A group nobody is in any more is removed, so a tally carries only the groups someone is in.
      dropEmpty: db.prepare<[string, string, number]>(
        'DELETE FROM tally_recipient_groups WHERE worker_code = ? AND period = ? AND size = ? AND g1 = 0 AND g2 = 0 AND g3 = 0 AND g4 = 0 AND g5 = 0',
      ),
      // Rows as arrays of the columns a tally takes: a year of a city is thousands of groups, and a
      // row object of named columns takes about twice an array's time (better-sqlite3's raw mode).
      listGroups: db
        .prepare<[string, string], ListedGroup>(
          `SELECT worker_code, period, size, g1, g2, g3, g4, g5
           FROM tally_recipient_groups WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))`,
        )
        .raw(),
    }
    // A DATA_DIR made before people were counted once: its s1..s5 counted every feedback; count again.
    if (fresh) this.recountAll()
  }

  /** The person's counted levels on the worker that month; call inside the write's transaction. */
  personLevels(openid: string, workerCode: string, month: string): LevelHistogram {
    const levels: LevelHistogram = [0, 0, 0, 0, 0]
    for (const row of this.stmt.personLevels.all(openid, workerCode, month)) levels[row.level - 1] = row.n
    return levels
  }

  /** Adds group deltas to one period's groups of a worker (the caller moves s1..s5 in the tally row). */
  addGroups(at: At, period: string, groups: Readonly<RecipientGroups>): void {
    for (const [k, [g1, g2, g3, g4, g5]] of Object.entries(groups)) {
      const size = Number(k)
      this.stmt.addGroup({ workerCode: at.workerCode, period, size, subdistrictId: at.subdistrictId, g1, g2, g3, g4, g5 })
      this.stmt.dropEmpty.run(at.workerCode, period, size)
    }
  }

  /** The tallies, freshly read, with the groups of their worker and period set on them (absent when nobody repeated). */
  withGroups(subdistrictId: string, periods: readonly string[], tallies: TallyRecord[]): TallyRecord[] {
    const groups = new Map<string, RecipientGroups>()
    for (const [workerCode, period, size, g1, g2, g3, g4, g5] of this.stmt.listGroups.all(subdistrictId, JSON.stringify(periods))) {
      const key = `${workerCode}|${period}`
      const found = groups.get(key)
      if (found === undefined) groups.set(key, { [size]: [g1, g2, g3, g4, g5] })
      else found[size] = [g1, g2, g3, g4, g5]
    }
    if (groups.size === 0) return tallies
    for (const tally of tallies) {
      const found = groups.get(`${tally.workerCode}|${tally.period}`)
      if (found !== undefined) tally.recipientGroups = found
    }
    return tallies
  }

  /** s1..s5 and the groups of every tally, counted again from the feedback by person. */
  private recountAll(): void {
    const feedback = this.db
      .prepare<[], { workerCode: string; subdistrictId: string; month: string; openid: string; level: number }>(
        'SELECT worker_code AS workerCode, subdistrict_id AS subdistrictId, month, openid, level FROM feedback WHERE exclusion IS NULL',
      )
      .all()
    if (feedback.length === 0) return
    const setSingle = this.db.prepare<[number, number, number, number, number, string, string]>(
      'UPDATE tallies SET s1 = ?, s2 = ?, s3 = ?, s4 = ?, s5 = ? WHERE worker_code = ? AND period = ?',
    )
    this.db.transaction(() => {
      this.db.exec('UPDATE tallies SET s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0; DELETE FROM tally_recipient_groups')
      const single = new Map<string, { at: At; period: string; hist: LevelHistogram }>()
      for (const { first, counts } of recipientMonths(feedback)) {
        const month = { ...emptyCounts(), recipients: counts.single, recipientGroups: counts.groups }
        for (const [period, rolled] of rollUpMonths([[first.month, month]])) {
          const key = `${first.workerCode}|${period}`
          const sum = single.get(key)?.hist ?? [0, 0, 0, 0, 0]
          single.set(key, { at: first, period, hist: sum.map((n, i) => n + rolled.recipients[i]) as LevelHistogram })
          this.addGroups(first, period, rolled.recipientGroups)
        }
      }
      for (const { at, period, hist } of single.values()) setSingle.run(...hist, at.workerCode, period)
    })()
  }
}

/** Feedback written in the group commit with its tallies and groups, one transaction per batch (groupCommit.ts). */
export class SqliteFeedback {
  private readonly insertFeedback

  /** After the feedback's `exclusion` and `client_hash` columns exist (ratingColumns.ts). */
  constructor(
    db: Database.Database,
    private readonly commits: GroupCommit,
    private readonly tallies: SqliteTallies,
    private readonly recipients: SqliteRecipients,
  ) {
    // Values by position, listed in write(): see backend/store/sqlite/positional.ts.
    // The receipt's columns (the whole submit's claim: ratings/sqliteRecordClaims.ts) exist once SqliteIdempotency has opened.
    this.insertFeedback = db.prepare<[string, string, string, string, string, number, string, string, string, string | null, string | null, string | null]>(
      `INSERT INTO feedback (service_id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at, client_hash, receipt_key, receipt_payload_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (service_id) DO NOTHING`,
    )
  }

  submit(feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
    return this.commits.run(() => this.write(feedback))
  }

  /** Inside a transaction: a group commit's (this.commits, or a whole submit's: ratings/sqliteOneTransaction.ts). */
  write(feedback: FeedbackRecord, receipt?: SubmitReceipt): { inserted: boolean } {
    // The person's feedback on the worker that counts this month so far: one person counts once.
    const before = this.recipients.personLevels(feedback.openid, feedback.workerCode, feedback.month)
    // One feedback per service visit: a second one for the same serviceId changes nothing.
    const f = feedback
    if (this.insertFeedback.run(f.serviceId, f.openid, f.workerCode, f.subdistrictId, f.month, f.level, f.comment, f.commentStatus, f.submittedAt, f.clientHash ?? null, receipt?.key ?? null, receipt?.payloadHash ?? null).changes === 0) return { inserted: false }
    // Their first feedback of the month only adds (the rows may be new); a later one moves counts within rows that exist.
    this.tallies.apply(feedback, personChange(before, withLevel(before, feedback.level, 1)), before.every((n) => n === 0) ? 'new' : 'known')
    return { inserted: true }
  }
}

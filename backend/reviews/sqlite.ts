// The SQLite side of ReviewStore (backend/reviews/store.ts). Creates its own table; the
// ratings' `exclusion` and `client_hash` columns are added by backend/store/sqlite/ratingColumns.ts when the Store opens.
// An exclusion marks the rating and moves its level out of its month's three tallies in ONE transaction,
// as a rating write does (better-sqlite3 is synchronous: the group commit of ratings, groupCommit.ts,
// never runs between its statements).
import type Database from 'better-sqlite3'
import { withLevel } from '@core/recipients'
import { rollUpMonths } from '@core/tallies'
import type { Level } from '@core/types'
import { countsOfChange, personChange } from '@core/tallyChange'
import type { Exclusion, RatingRef } from '../store/records'
import type { RatingSample, ReviewDecision, ReviewRecord, ReviewStore } from './store'
import { MOVE_TALLY, type TallyRow, tallyRowOf } from '../store/sqlite/schema'
import type { SqliteRecipients } from '../feedback/sqlite'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reviews (
  id TEXT PRIMARY KEY,
  subdistrict_id TEXT NOT NULL,
  status TEXT NOT NULL,
  flagged_at TEXT NOT NULL,
  json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reviews_by_subdistrict ON reviews (subdistrict_id, status, flagged_at);
CREATE INDEX IF NOT EXISTS resident_ratings_by_time ON resident_ratings (submitted_at);
CREATE INDEX IF NOT EXISTS feedback_by_time ON feedback (submitted_at);
CREATE INDEX IF NOT EXISTS resident_ratings_by_worker_time ON resident_ratings (worker_code, submitted_at);
CREATE INDEX IF NOT EXISTS feedback_by_worker_time ON feedback (worker_code, submitted_at);
CREATE INDEX IF NOT EXISTS resident_ratings_by_rater ON resident_ratings (openid, submitted_at);
CREATE INDEX IF NOT EXISTS feedback_by_rater ON feedback (openid, submitted_at);
`

/** Where each kind lives: its table and its id column. */
const TABLE = { resident: ['resident_ratings', 'id'], recipient: ['feedback', 'service_id'] } as const

const SAMPLE = (kind: 'resident' | 'recipient') =>
  `SELECT '${kind}' AS kind, ${TABLE[kind][1]} AS id, openid, worker_code AS workerCode, subdistrict_id AS subdistrictId, month, level,
     submitted_at AS submittedAt, client_hash AS clientHash FROM ${TABLE[kind][0]} WHERE exclusion IS NULL`

interface SampleRow extends Omit<RatingSample, 'ref' | 'clientHash'> {
  kind: RatingRef['kind']
  id: string
  clientHash: string | null
}

function sampleOf(row: SampleRow): RatingSample {
  const { kind, id, clientHash, ...rest } = row
  return { ref: { kind, id }, ...rest, ...(clientHash === null ? {} : { clientHash }) }
}

export class SqliteReviewStore implements ReviewStore {
  private readonly stmt
  private readonly exclude

  /** `recipients`: an excluded feedback moves its person between the tallies' groups (one person counts once). */
  constructor(readonly db: Database.Database, recipients: SqliteRecipients) {
    db.exec(SCHEMA)
    const excludeStatements = (kind: 'resident' | 'recipient') => ({
      read: db.prepare<[string], { openid: string; workerCode: string; subdistrictId: string; month: string; level: Level }>(
        `SELECT openid, worker_code AS workerCode, subdistrict_id AS subdistrictId, month, level FROM ${TABLE[kind][0]}
         WHERE ${TABLE[kind][1]} = ? AND exclusion IS NULL`,
      ),
      mark: db.prepare<[string, string]>(`UPDATE ${TABLE[kind][0]} SET exclusion = ? WHERE ${TABLE[kind][1]} = ?`),
    })
    this.stmt = {
      resident: excludeStatements('resident'),
      recipient: excludeStatements('recipient'),
      moveTally: db.prepare<TallyRow>(MOVE_TALLY),
      between: db.prepare<[string, string, string, string], SampleRow>(
        `${SAMPLE('resident')} AND submitted_at >= ? AND submitted_at < ? UNION ALL ${SAMPLE('recipient')} AND submitted_at >= ? AND submitted_at < ?`,
      ),
      workerBetween: db.prepare<[string, string, string, string, string, string], SampleRow>(
        `${SAMPLE('resident')} AND worker_code = ? AND submitted_at >= ? AND submitted_at < ?
         UNION ALL ${SAMPLE('recipient')} AND worker_code = ? AND submitted_at >= ? AND submitted_at < ?`,
      ),
      raterWorkerBetween: db.prepare<[string, string, string, string, string, string, string, string], SampleRow>(
        `${SAMPLE('resident')} AND openid = ? AND worker_code = ? AND submitted_at >= ? AND submitted_at < ?
         UNION ALL ${SAMPLE('recipient')} AND openid = ? AND worker_code = ? AND submitted_at >= ? AND submitted_at < ?`,
      ),
      ratedBefore: db.prepare<[string, string, string, string], { openid: string }>(
        `SELECT openid FROM resident_ratings WHERE openid IN (SELECT value FROM json_each(?)) AND submitted_at < ?
         UNION SELECT openid FROM feedback WHERE openid IN (SELECT value FROM json_each(?)) AND submitted_at < ?`,
      ),
      add: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO reviews (id, subdistrict_id, status, flagged_at, json) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ),
      get: db.prepare<[string], { json: string }>('SELECT json FROM reviews WHERE id = ?'),
      list: db.prepare<[string], { json: string }>(
        `SELECT json FROM reviews WHERE subdistrict_id = ? ORDER BY status = 'open' DESC, flagged_at DESC, id`,
      ),
      listOpen: db.prepare<[string], { json: string }>(
        `SELECT json FROM reviews WHERE subdistrict_id = ? AND status = 'open' ORDER BY flagged_at DESC, id`,
      ),
      decide: db.prepare<[string, string, string]>(`UPDATE reviews SET status = ?, json = ? WHERE id = ? AND status = 'open'`),
    }
    this.exclude = db.transaction((ref: RatingRef, exclusion: Exclusion): boolean => {
      const statements = this.stmt[ref.kind]
      const rating = statements.read.get(ref.id)
      if (rating === undefined) return false
      // A feedback's person leaves the group of their number of feedbacks for the one below.
      const before = ref.kind === 'recipient' ? recipients.personLevels(rating.openid, rating.workerCode, rating.month) : null
      statements.mark.run(JSON.stringify(exclusion), ref.id)
      const change = countsOfChange(
        before === null
          ? { residents: { [`n${rating.level}`]: -1 } }
          : personChange(before, withLevel(before, rating.level, -1)),
      )
      for (const [period, counts] of rollUpMonths([[rating.month, change]])) {
        this.stmt.moveTally.run(tallyRowOf(rating, period, counts))
        recipients.addGroups(rating, period, counts.recipientGroups)
      }
      return true
    })
  }

  async excludeRating(ref: RatingRef, exclusion: Exclusion): Promise<boolean> {
    return this.exclude(ref, exclusion)
  }

  async listRatedBetween(from: string, to: string): Promise<RatingSample[]> {
    return this.stmt.between.all(from, to, from, to).map(sampleOf)
  }

  async listWorkerRatedBetween(workerCode: string, from: string, to: string): Promise<RatingSample[]> {
    return this.stmt.workerBetween.all(workerCode, from, to, workerCode, from, to).map(sampleOf)
  }

  async listRaterWorkerBetween(openid: string, workerCode: string, from: string, to: string): Promise<RatingSample[]> {
    return this.stmt.raterWorkerBetween.all(openid, workerCode, from, to, openid, workerCode, from, to).map(sampleOf)
  }

  async ratedBefore(openids: string[], before: string): Promise<Set<string>> {
    if (openids.length === 0) return new Set()
    const list = JSON.stringify(openids)
    return new Set(this.stmt.ratedBefore.all(list, before, list, before).map((row) => row.openid))
  }

  async addReview(item: ReviewRecord): Promise<boolean> {
    return this.stmt.add.run(item.id, item.subdistrictId, item.status, item.flaggedAt, JSON.stringify(item)).changes === 1
  }

  async getReview(id: string): Promise<ReviewRecord | null> {
    const row = this.stmt.get.get(id)
    return row === undefined ? null : (JSON.parse(row.json) as ReviewRecord)
  }

  async listReviews(subdistrictId: string, status?: 'open'): Promise<ReviewRecord[]> {
    const rows = status === 'open' ? this.stmt.listOpen.all(subdistrictId) : this.stmt.list.all(subdistrictId)
    return rows.map((row) => JSON.parse(row.json) as ReviewRecord)
  }

  async decideReview(id: string, status: 'kept' | 'excluded', decision: ReviewDecision): Promise<boolean> {
    const item = await this.getReview(id)
    if (item === null || item.status !== 'open') return false
    return this.stmt.decide.run(status, JSON.stringify({ ...item, status, decision }), id).changes === 1
  }
}

// The SQLite side of AppealStore (backend/appeals/store.ts): one row per appeal, the
// record as JSON beside the columns a query reads; `INSERT` refuses a second appeal of one rating (its
// id is ratingRefId(ref)), `UPDATE … WHERE status = 'pending'` is the compare-and-set of a decision.
import type Database from 'better-sqlite3'
import { type AppealDecision, type AppealRecord, type AppealStore, type BadRating, appealOrder } from './store'
import type { CommentStatus } from '../store/records'
import type { Level } from '@core/types'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS appeals (
  id TEXT PRIMARY KEY,
  worker_code TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  status TEXT NOT NULL,
  json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS appeals_by_subdistrict ON appeals (subdistrict_id, status);
CREATE INDEX IF NOT EXISTS appeals_by_worker ON appeals (worker_code);
-- A worker's bad ratings of the last days (appeal.mine): by worker and time, on the Store's own tables.
CREATE INDEX IF NOT EXISTS resident_ratings_by_worker_time ON resident_ratings (worker_code, submitted_at);
CREATE INDEX IF NOT EXISTS feedback_by_worker_time ON feedback (worker_code, submitted_at);
`

interface BadRow {
  kind: 'resident' | 'recipient'
  id: string
  level: Level
  month: string
  comment: string
  commentStatus: CommentStatus
  submittedAt: string
}

const BAD = (table: string, kind: string, id: string) =>
  `SELECT '${kind}' AS kind, ${id} AS id, level, month, comment, comment_status AS commentStatus, submitted_at AS submittedAt
   FROM ${table} WHERE worker_code = @workerCode AND level <= 2 AND submitted_at >= @since`

export class SqliteAppealStore implements AppealStore {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      insert: db.prepare<{ id: string; workerCode: string; subdistrictId: string; status: string; json: string }>(
        `INSERT OR IGNORE INTO appeals (id, worker_code, subdistrict_id, status, json) VALUES (@id, @workerCode, @subdistrictId, @status, @json)`,
      ),
      get: db.prepare<[string], { json: string }>('SELECT json FROM appeals WHERE id = ?'),
      bySubdistrict: db.prepare<[string], { json: string }>('SELECT json FROM appeals WHERE subdistrict_id = ?'),
      pendingBySubdistrict: db.prepare<[string], { json: string }>("SELECT json FROM appeals WHERE subdistrict_id = ? AND status = 'pending'"),
      byWorker: db.prepare<[string], { json: string }>('SELECT json FROM appeals WHERE worker_code = ?'),
      decide: db.prepare<{ id: string; status: string; json: string }>(
        `UPDATE appeals SET status = @status, json = @json WHERE id = @id AND status = 'pending'`,
      ),
      bad: db.prepare<{ workerCode: string; since: string }, BadRow>(
        `${BAD('resident_ratings', 'resident', 'id')} UNION ALL ${BAD('feedback', 'recipient', 'service_id')} ORDER BY submittedAt DESC, id`,
      ),
    }
  }

  async create(appeal: AppealRecord): Promise<boolean> {
    const { id, workerCode, subdistrictId, status } = appeal
    return this.stmt.insert.run({ id, workerCode, subdistrictId, status, json: JSON.stringify(appeal) }).changes === 1
  }

  async get(id: string): Promise<AppealRecord | null> {
    const row = this.stmt.get.get(id)
    return row === undefined ? null : (JSON.parse(row.json) as AppealRecord)
  }

  async listBySubdistrict(subdistrictId: string, status?: 'pending'): Promise<AppealRecord[]> {
    return (status === 'pending' ? this.stmt.pendingBySubdistrict : this.stmt.bySubdistrict)
      .all(subdistrictId).map((row) => JSON.parse(row.json) as AppealRecord).sort(appealOrder)
  }

  async listByWorker(workerCode: string): Promise<AppealRecord[]> {
    return this.stmt.byWorker
      .all(workerCode)
      .map((row) => JSON.parse(row.json) as AppealRecord)
      .sort((a, b) => (a.filedAt === b.filedAt ? (a.id < b.id ? -1 : 1) : a.filedAt > b.filedAt ? -1 : 1))
  }

  async decide(id: string, decision: AppealDecision): Promise<boolean> {
    const appeal = await this.get(id)
    if (appeal === null || appeal.status !== 'pending') return false
    const status = decision.decision === 'uphold' ? 'upheld' : 'rejected'
    const decided: AppealRecord = { ...appeal, status, decision }
    return this.stmt.decide.run({ id, status, json: JSON.stringify(decided) }).changes === 1
  }

  async badRatingsSince(workerCode: string, since: string): Promise<BadRating[]> {
    return this.stmt.bad.all({ workerCode, since }).map(({ kind, id, ...rest }) => ({ ref: { kind, id }, ...rest }))
  }
}

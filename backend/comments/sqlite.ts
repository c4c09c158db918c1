// The SQLite side of CommentStore (backend/comments/store.ts). The comments live on the
// Store's resident_ratings and feedback tables (backend/store/sqlite/schema.ts); this part adds the indexes its queries
// need and decides a comment with one UPDATE guarded by its status and submission (a compare-and-set).
// `exclusion` is the column backend/store/sqlite/ratingColumns.ts adds (set when a rating no longer counts).
import type Database from 'better-sqlite3'
import type { CommentDecisionOutcome, CommentHoldOutcome, CommentStore, HeldComment, PassedComment } from './store'
import type { RatingRef } from '../store/records'
import type { Level } from '@core/types'

// Held comments are looked up by their status, passed ones by worker and month: partial indexes hold
// those alone, so a rating without a comment (nearly all) writes no page of either. A full index by
// worker and month cost every rating a page of its own, the raters of different workers landing apart.
const SCHEMA = `
DROP INDEX IF EXISTS resident_ratings_by_comment;
DROP INDEX IF EXISTS feedback_by_comment;
DROP INDEX IF EXISTS resident_ratings_by_worker_month;
DROP INDEX IF EXISTS feedback_by_worker_month;
CREATE INDEX IF NOT EXISTS resident_ratings_held ON resident_ratings (subdistrict_id) WHERE comment_status = 'review';
CREATE INDEX IF NOT EXISTS feedback_held ON feedback (subdistrict_id) WHERE comment_status = 'review';
CREATE INDEX IF NOT EXISTS resident_ratings_passed ON resident_ratings (worker_code, month) WHERE comment_status = 'pass';
CREATE INDEX IF NOT EXISTS feedback_passed ON feedback (worker_code, month) WHERE comment_status = 'pass';
`

interface Row {
  kind: RatingRef['kind']
  id: string
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
  level: Level
  comment: string
  submittedAt: string
}

const COLUMNS = `openid, worker_code AS workerCode, subdistrict_id AS subdistrictId, month, level, comment, submitted_at AS submittedAt`

export class SqliteCommentStore implements CommentStore {
  private readonly stmt

  constructor(readonly db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      held: db.prepare<[string, string], Row>(
        `SELECT 'resident' AS kind, id, ${COLUMNS} FROM resident_ratings WHERE subdistrict_id = ? AND comment_status = 'review'
         UNION ALL
         SELECT 'recipient' AS kind, service_id AS id, ${COLUMNS} FROM feedback WHERE subdistrict_id = ? AND comment_status = 'review'
         ORDER BY submittedAt, id`,
      ),
      decide: {
        resident: db.prepare<[string, string, string]>(
          `UPDATE resident_ratings SET comment_status = ? WHERE id = ? AND submitted_at = ? AND comment_status = 'review'`,
        ),
        recipient: db.prepare<[string, string, string]>(
          `UPDATE feedback SET comment_status = ? WHERE service_id = ? AND submitted_at = ? AND comment_status = 'review'`,
        ),
      },
      hold: {
        resident: db.prepare<[string, string]>(
          `UPDATE resident_ratings SET comment_status = 'review' WHERE id = ? AND submitted_at = ? AND comment_status = 'pass'`,
        ),
        recipient: db.prepare<[string, string]>(
          `UPDATE feedback SET comment_status = 'review' WHERE service_id = ? AND submitted_at = ? AND comment_status = 'pass'`,
        ),
      },
      exists: {
        resident: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM resident_ratings WHERE id = ?'),
        recipient: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM feedback WHERE service_id = ?'),
      },
      passed: db.prepare<[string, string, string, string], PassedComment & { id: string }>(
        `SELECT 'resident' AS kind, month, comment, id FROM resident_ratings
           WHERE worker_code = ? AND month IN (SELECT value FROM json_each(?)) AND comment_status = 'pass' AND exclusion IS NULL
         UNION ALL
         SELECT 'recipient' AS kind, month, comment, service_id AS id FROM feedback
           WHERE worker_code = ? AND month IN (SELECT value FROM json_each(?)) AND comment_status = 'pass' AND exclusion IS NULL
         ORDER BY kind DESC, month, comment`,
      ),
    }
  }

  async listHeld(subdistrictId: string): Promise<HeldComment[]> {
    return this.stmt.held.all(subdistrictId, subdistrictId).map(({ kind, id, ...rest }) => ({ ref: { kind, id }, ...rest }))
  }

  async decide(ref: RatingRef, submittedAt: string, status: 'pass' | 'rejected'): Promise<CommentDecisionOutcome> {
    if (this.stmt.decide[ref.kind].run(status, ref.id, submittedAt).changes === 1) return 'decided'
    return this.stmt.exists[ref.kind].get(ref.id) === undefined ? 'not-found' : 'not-held'
  }

  async hold(ref: RatingRef, submittedAt: string): Promise<CommentHoldOutcome> {
    if (this.stmt.hold[ref.kind].run(ref.id, submittedAt).changes === 1) return 'held'
    return this.stmt.exists[ref.kind].get(ref.id) === undefined ? 'not-found' : 'not-shown'
  }

  async listPassed(workerCode: string, months: readonly string[]): Promise<PassedComment[]> {
    const list = JSON.stringify(months)
    return this.stmt.passed.all(workerCode, list, workerCode, list).map(({ kind, month, comment, id }) => ({ kind, month, comment, ref: { kind, id } }))
  }
}

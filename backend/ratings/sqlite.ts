// The SQLite side of RatingStore (store.ts). A rating, its receipt (columns of its row) and its month's
// three tallies are written in ONE transaction, the group commit's (backend/store/sqlite/groupCommit.ts):
// ratings arriving together share one COMMIT. Every statement is prepared once, when the store opens.
import type Database from 'better-sqlite3'
import type { Level } from '@core/types'
import { movedLevel } from '@core/tallyChange'
import type { RatingReceipt, ResidentRatingRecord } from '../store/records'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import { RATING_COLUMNS, type WithRatingColumns, ratingColumnsOf } from '../store/sqlite/ratingColumns'
import { type RowReceipt, type SqliteIdempotency, receiptColumns } from '../idempotency/sqlite'
import type { SqliteTallies } from '../tallies/sqlite'

const RATING_SELECT = `SELECT id, openid, worker_code AS workerCode, subdistrict_id AS subdistrictId, month, level,
  comment, comment_status AS commentStatus, submitted_at AS submittedAt, ${RATING_COLUMNS} FROM resident_ratings`

export class SqliteRatings {
  private readonly stmt

  /** After the ratings' `exclusion` and `client_hash` columns exist (ratingColumns.ts). */
  constructor(
    db: Database.Database,
    /** Ratings and feedback arriving together share one COMMIT. */
    private readonly commits: GroupCommit,
    private readonly tallies: SqliteTallies,
    /** The receipts of exactly-once submits (backend/idempotency/sqlite.ts). */
    private readonly idempotency: SqliteIdempotency,
  ) {
    this.stmt = {
      getRating: db.prepare<[string], WithRatingColumns<ResidentRatingRecord>>(`${RATING_SELECT} WHERE id = ?`),
      // An excluded rating stays excluded when re-rated: its level moves no tally.
      ratingLevel: db.prepare<[string], { level: Level; excluded: number }>('SELECT level, exclusion IS NOT NULL AS excluded FROM resident_ratings WHERE id = ?'),
      // The receipt rides on the rating's row (backend/idempotency/sqlite.ts). Values by position, listed
      // in write(): see backend/store/sqlite/positional.ts for why not by name, nor from `{ ...rating, more }`.
      // A rater's first rating of the worker that month (nearly every submit) is this one statement: the
      // conflict says it is a re-rate, without a read before every insert.
      addRating: db.prepare<[string, string, string, string, string, Level, string, string, string, string | null, string | null, number | null, string | null]>(
        `INSERT INTO resident_ratings (id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at, client_hash, receipt_key, receipt_replaced, receipt_payload_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      // A re-rate: the same id is the same rater, worker and month, so only these change.
      reRate: db.prepare<[Level, string, string, string, string | null, string | null, number | null, string | null, string]>(
        `UPDATE resident_ratings SET level = ?, comment = ?, comment_status = ?, submitted_at = ?, client_hash = ?,
           receipt_key = ?, receipt_replaced = ?, receipt_payload_hash = ? WHERE id = ?`,
      ),
    }
  }

  submit(rating: ResidentRatingRecord, receiptKey: string | undefined): Promise<{ replaced: boolean }> {
    return this.commits.run(() => this.write(rating, receiptKey === undefined ? undefined : { key: receiptKey }))
  }

  get(id: string): ResidentRatingRecord | null {
    const row = this.stmt.getRating.get(id)
    return row === undefined ? null : ratingColumnsOf(row)
  }

  receipt(id: string): RatingReceipt | null {
    return this.idempotency.receipt(id)
  }

  /** Inside a transaction: a group commit's (this.commits, or a whole submit's: sqliteOneTransaction.ts). */
  write(rating: ResidentRatingRecord, receipt: RowReceipt | undefined): { replaced: boolean } {
    const r = rating
    // The receipt commits with the rating: a retry can rebuild this write's result (docs/idempotency.md).
    const first = receiptColumns(receipt, false)
    const added = this.stmt.addRating.run(r.id, r.openid, r.workerCode, r.subdistrictId, r.month, r.level, r.comment, r.commentStatus, r.submittedAt, r.clientHash ?? null, first.receiptKey, first.receiptReplaced, first.receiptHash)
    if (added.changes === 1) {
      this.tallies.addResident(rating, rating.level)
      return { replaced: false }
    }
    const previous = this.stmt.ratingLevel.get(rating.id)
    if (previous === undefined) throw new Error(`rating ${rating.id} neither added nor there`)
    const { receiptKey, receiptReplaced, receiptHash } = receiptColumns(receipt, true)
    this.stmt.reRate.run(r.level, r.comment, r.commentStatus, r.submittedAt, r.clientHash ?? null, receiptKey, receiptReplaced, receiptHash, r.id)
    // Same id means same rater, worker and month: only the level moves within that month's tallies;
    // an excluded rating is in no tally, and stays out.
    if (previous.excluded === 1) return { replaced: true }
    const moved = movedLevel(previous.level, rating.level)
    if (moved !== null) this.tallies.apply(rating, { residents: moved }, 'known')
    return { replaced: true }
  }
}

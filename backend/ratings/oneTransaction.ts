// An optional capability of a Store: a rating or feedback submitted whole in ONE transaction — the
// idempotency record, the rate-limit count, the record itself with its tallies, the result, and a bad
// rating's case with its audit entry. SQLite
// offers it (backend/ratings/sqliteOneTransaction.ts): the local runtime then writes a submit in one
// group commit instead of four or five commits. CloudBase has no transaction that cheap and keeps the
// multi-step protocol of docs/idempotency.md (claim, run, result), which this does not change.
import type { CaseOpening } from '../cases/badReviews'
import type { Limits, LimitTake } from '../limits/store'
import type { FeedbackRecord, IdempotencyRecord, ResidentRatingRecord } from '../store/records'

/** What a submit stores: a resident's rating under its id (re-rated in place), or a visit's one feedback. */
export type StoredRating = { kind: 'resident'; rating: ResidentRatingRecord } | { kind: 'recipient'; feedback: FeedbackRecord }

export interface WholeSubmit<R> {
  /** The idempotency record's key (idempotencyKeyOf), when it was claimed and the payload's hash. */
  key: string
  claimedAt: string
  payloadHash: string
  /** The rater's rate-limit counter and when the submit counts in it. */
  rater: string
  take: LimitTake
  stored: StoredRating
  /** The bad-review case the rating opens, stored with its audit entry when the case is new. */
  caseOpening?: CaseOpening
  /** The result to answer and record, from whether the write replaced an earlier rating (synchronous: no await inside the transaction). */
  result(replaced: boolean): R
}

/** Every outcome but `done` stored nothing at all. */
export type WholeSubmitOutcome<R> =
  | { kind: 'done'; result: R; replaced: boolean }
  /** The key holds a record already (a retry, or a concurrent one first): answer as docs/idempotency.md says. */
  | { kind: 'taken'; record: IdempotencyRecord }
  | { kind: 'limited'; window: 'minute' | 'day'; limits: Limits }
  /** The visit has its one feedback already. */
  | { kind: 'duplicate' }

export interface OneTransactionSubmits {
  /**
   * Runs the whole submit in one transaction: nothing when the key holds a record, the limit refuses or
   * the feedback is a duplicate; else the record with its tallies (and a rating's receipt), the count,
   * the result and the case. Answered once committed.
   */
  submitWhole<R>(submit: WholeSubmit<R>): Promise<WholeSubmitOutcome<R>>
}

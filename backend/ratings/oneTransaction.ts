// An optional capability of a Store: a rating or feedback submitted whole in ONE transaction — the
// rate-limit count, the record itself with its receipt (the submit's claim, recordClaims.ts) and its
// tallies; a bad rating's case with its audit entry follows it (written within moments, with the cases of
// the ratings beside it). SQLite offers it (backend/ratings/sqliteOneTransaction.ts): the local runtime then
// writes a submit in one group commit instead of four or five commits. CloudBase has no transaction that cheap: it writes the record with
// its receipt first, then the rest (claimInRecord.ts).
import type { CaseOpening } from '../cases/badReviews'
import type { Limits, LimitTake } from '../limits/store'
import type { FeedbackRecord, IdempotencyRecord, RatingReceipt, RatingRef, ResidentRatingRecord } from '../store/records'

/** What a submit stores: a resident's rating under its id (re-rated in place), or a visit's one feedback. */
export type StoredRating = { kind: 'resident'; rating: ResidentRatingRecord } | { kind: 'recipient'; feedback: FeedbackRecord }

/** Where the stored record is: its receipt is the submit's claim (recordClaims.ts). */
export function storedRef(stored: StoredRating): RatingRef {
  return stored.kind === 'resident' ? { kind: 'resident', id: stored.rating.id } : { kind: 'recipient', id: stored.feedback.serviceId }
}

export interface WholeSubmit<R> {
  /** The submit's key (idempotencyKeyOf) and its payload's hash: the receipt the record carries. */
  key: string
  payloadHash: string
  /** The rater's rate-limit counter and when the submit counts in it. */
  rater: string
  take: LimitTake
  stored: StoredRating
  /** The bad-review case the rating opens, stored with its audit entry when the case is new, once the rating is committed. */
  caseOpening?: CaseOpening
  /** The result to answer, from whether the write replaced an earlier rating (synchronous: no await inside the transaction). */
  result(replaced: boolean): R
}

/** Every outcome but `done` stored nothing at all. */
export type WholeSubmitOutcome<R> =
  | { kind: 'done'; result: R; replaced: boolean }
  /** The record carries this key already (a retry, or a concurrent one first): its receipt answers (claimInRecord.ts). */
  | { kind: 'held'; receipt: RatingReceipt }
  /** The key holds an idempotency record, kept by a submit made before records were claims: it answers. */
  | { kind: 'taken'; record: IdempotencyRecord }
  | { kind: 'limited'; window: 'minute' | 'day'; limits: Limits }
  /** The visit has its one feedback already. */
  | { kind: 'duplicate' }

export interface OneTransactionSubmits {
  /**
   * Runs the whole submit in one transaction: nothing when the record or an idempotency record holds
   * the key, the limit refuses or the feedback is a duplicate; else the record with its receipt and
   * tallies, the count and the case. Answered once committed.
   */
  submitWhole<R>(submit: WholeSubmit<R>): Promise<WholeSubmitOutcome<R>>
}

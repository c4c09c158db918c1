// An optional capability of a Store: a rating or feedback whose own document is its submit's claim.
// CloudBase offers it (backend/ratings/cloudbase.ts, backend/feedback/cloudbase.ts): the submit's key
// and payload hash ride in the record's one write, so a submit needs no idempotency document of its own
// (two database requests fewer). SQLite too (sqliteRecordClaims.ts: columns of the record's row, written
// by its whole submit, oneTransaction.ts; no idempotency row, about two pages fewer). A retry finds its
// receipt on the record and answers from it; the pipeline's steps: claimInRecord.ts.
import type { CounterNote } from '../limits/store'
import type { FeedbackRecord, RatingReceipt, RatingRef, ResidentRatingRecord } from '../store/records'

/** What a submit's write carries: its key (idempotencyKeyOf) and its payload's hash (payloadHash.ts). */
export interface SubmitReceipt {
  key: string
  payloadHash: string
}

export type ClaimedWrite =
  | { kind: 'written'; replaced: boolean }
  /** The record carries this key already (a retry): nothing was written; its receipt answers. */
  | { kind: 'held'; receipt: RatingReceipt }
  /** The visit has its one feedback already, from another submit. */
  | { kind: 'duplicate' }

export interface RecordClaims {
  /** What the rate-limit take leaves on the rater's counter for their next submit (a store that keeps such notes). */
  counterNote?(rating: ResidentRatingRecord, receipt: SubmitReceipt): CounterNote
  /** The rating with its tallies and receipt (re-rated in place), unless it holds this key already. */
  writeRating(rating: ResidentRatingRecord, receipt: SubmitReceipt): Promise<ClaimedWrite>
  /** The visit's one feedback with its tallies and receipt, unless one is there. */
  writeFeedback(feedback: FeedbackRecord, receipt: SubmitReceipt): Promise<ClaimedWrite>
  /** The receipt the record under `ref` carries now, if any. */
  receiptOf(ref: RatingRef): Promise<RatingReceipt | null>
}

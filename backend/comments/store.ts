// Comment moderation (trust rule 6): comments the check held (`review`) wait for
// sub-district staff, who release them (`pass`) or reject them (`rejected`). Part of the Store (backend/store/index.ts):
// backend/comments/sqlite.ts (SQLite), backend/comments/cloudbase.ts (CloudBase), checked by
// test/storeContracts/comments.ts. The comments live on their ratings (resident_ratings, feedback): this
// part reads and decides them there, it keeps no table of its own.
import type { Level } from '@core/types'
import type { RatingRef } from '../store/records'

/** A held comment as the store has it; still carries the rater's openid — handlers send a pseudonym. */
export interface HeldComment {
  ref: RatingRef
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
  level: Level
  comment: string
  /** The rating's last submission: a re-rate replaces the comment, so this says which one staff saw. */
  submittedAt: string
}

/**
 * A comment that passed moderation, of a worker's rating: no rater data, no date finer than the month. `ref`
 * stays in the backend: the worker gets a sealed token of it to report the comment by (comment.report).
 */
export interface PassedComment {
  kind: RatingRef['kind']
  month: string
  comment: string
  ref: RatingRef
}

/** The outcome of a decision: done, the comment is not (or no longer) held, or the rating does not exist. */
export type CommentDecisionOutcome = 'decided' | 'not-held' | 'not-found'

/** The outcome of holding a reported comment again: done, the comment is not (or no longer) shown, or the rating does not exist. */
export type CommentHoldOutcome = 'held' | 'not-shown' | 'not-found'

export interface CommentStore {
  /** The held (`review`) comments of a sub-district's ratings and feedback, oldest submission first. */
  listHeld(subdistrictId: string): Promise<HeldComment[]>
  /**
   * Decides a held comment: `review` -> `pass` (released) or `rejected`, as one compare-and-set on the
   * rating that also requires the submission staff saw (`submittedAt`): a second decision, or one on a
   * comment a re-rate replaced meanwhile, is 'not-held' and changes nothing.
   */
  decide(ref: RatingRef, submittedAt: string, status: 'pass' | 'rejected'): Promise<CommentDecisionOutcome>
  /**
   * Holds a shown comment again after its worker reported it (投诉/举报): `pass` -> `review`, as one
   * compare-and-set on the rating that also requires the submission reported (`submittedAt`). The level and
   * the tallies are untouched; staff then decide it as any held comment. 'not-shown' changes nothing.
   */
  hold(ref: RatingRef, submittedAt: string): Promise<CommentHoldOutcome>
  /**
   * The passed comments of a worker's ratings and feedback in the given months that still count (an
   * excluded rating shows no comment), residents' first, then by month then text
   * (never by submission time, which could point at a rater).
   */
  listPassed(workerCode: string, months: readonly string[]): Promise<PassedComment[]>
}

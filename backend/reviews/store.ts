// The review queue (trust rule 8): ratings flagged by a suspicious pattern wait here for
// sub-district staff, who keep them or exclude them with a reason. Flagged ratings keep counting until
// staff decide. Excluding a rating (here or by an upheld appeal) moves its level out of the tallies;
// nothing is deleted. Part of the Store (backend/store/index.ts): backend/reviews/sqlite.ts (SQLite),
// backend/reviews/cloudbase.ts (CloudBase), checked by test/storeContracts/reviews.ts.
import type { ReviewStatus, SuspicionReason } from '@core/reviews'
import type { Exclusion, RatingFields, RatingRef } from '../store/records'

export type { ReviewStatus, SuspicionReason }

/** A decision on an item: who (openid and name), when, why, and the idempotency key of the call. */
export interface ReviewDecision {
  by: string
  byName: string
  at: string
  reason: string
  key?: string
}

export interface ReviewRecord {
  /** One per rating: ratingRefId(ref) (ids.ts). */
  id: string
  ref: RatingRef
  workerCode: string
  subdistrictId: string
  month: string
  reasons: SuspicionReason[]
  flaggedAt: string
  status: ReviewStatus
  decision?: ReviewDecision
}

/** A rating or feedback as the suspicious-pattern batch reads it (suspicion.ts). */
export type RatingSample = Pick<RatingFields, 'openid' | 'workerCode' | 'subdistrictId' | 'month' | 'level' | 'submittedAt' | 'clientHash'> & { ref: RatingRef }

export interface ReviewStore {
  /**
   * Takes `ref` out of the counting: marks the rating (or feedback) excluded and removes its level from
   * its month's tallies, atomically as the rating writes are. False when it was already excluded or does
   * not exist (nothing changes).
   */
  excludeRating(ref: RatingRef, exclusion: Exclusion): Promise<boolean>

  /** Ratings and feedback last submitted in [from, to), excluded ones left out; every page read. */
  listRatedBetween(from: string, to: string): Promise<RatingSample[]>
  /** The same for one worker (the 30 days before a possible burst). */
  listWorkerRatedBetween(workerCode: string, from: string, to: string): Promise<RatingSample[]>
  /**
   * What one person rated of one worker (ratings and feedback) last submitted in [from, to), excluded ones
   * left out: a person's feedback month after month, and whether one worker rated another (suspicionPairs.ts).
   */
  listRaterWorkerBetween(openid: string, workerCode: string, from: string, to: string): Promise<RatingSample[]>
  /** Which of `openids` had a rating or feedback last submitted before `before` (the others are first-time raters). */
  ratedBefore(openids: string[], before: string): Promise<Set<string>>

  /** Adds an open item; false (nothing changes) when the rating already has one, open or decided. */
  addReview(item: ReviewRecord): Promise<boolean>
  getReview(id: string): Promise<ReviewRecord | null>
  /** A sub-district's items, open first, then decided; each group newest first. `status` 'open': the open ones only. */
  listReviews(subdistrictId: string, status?: 'open'): Promise<ReviewRecord[]>
  /** Closes an open item with the decision (compare-and-set on `open`); false when it was not open. */
  decideReview(id: string, status: 'kept' | 'excluded', decision: ReviewDecision): Promise<boolean>
}

// Resident ratings: one per (rater, worker, month), id = residentRatingId(openid, workerCode, month).
// Part of the Store (backend/store/index.ts): implemented by backend/ratings/sqlite.ts (SQLite) and
// backend/ratings/cloudbase.ts (CloudBase), checked by one contract suite (test/storeContract.ts).
import type { RatingReceipt, ResidentRatingRecord } from '../store/records'

export interface RatingStore {
  /**
   * Upserts the rating by its deterministic id and moves the residents histogram of its month's three
   * tallies (month, half-year, year) in the same transaction: a new rating adds one to its level; a
   * re-rate in the same month moves one count from the old level to the new.
   */
  submitResidentRating(rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }>
  getResidentRating(id: string): Promise<ResidentRatingRecord | null>
  /** The receipt the rating's last write carried (its submit's idempotency key and `replaced`), written with it atomically. */
  getRatingReceipt(id: string): Promise<RatingReceipt | null>
}

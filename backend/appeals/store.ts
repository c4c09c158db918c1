// Appeals (申诉 / 复核): a worker appeals a bad rating of theirs within `appealDays`,
// once per rating; the sub-district upholds (the rating is excluded) or rejects it. Part of the Store
// (backend/store/index.ts): backend/appeals/sqlite.ts (SQLite), backend/appeals/cloudbase.ts (CloudBase), checked by
// test/storeContracts/appeals.ts.
import type { AppealStatus } from '@core/appeals'
import type { RatingFields, RatingRef } from '../store/records'

export interface AppealDecision {
  decision: 'uphold' | 'reject'
  note: string
  /** The deciding staff member's openid and name. */
  by: string
  byName: string
  at: string
  /** The decide call's idempotency key: a retry of that call finds its own decision. */
  key: string
}

export interface AppealRecord {
  /** One per rating: ratingRefId(ref). */
  id: string
  ref: RatingRef
  workerCode: string
  subdistrictId: string
  /** The rating's month: the period whose numbers an upheld appeal changes. */
  month: string
  reason: string
  filedAt: string
  /** The file call's idempotency key: a retry of that call finds its own appeal. */
  key: string
  status: AppealStatus
  decision?: AppealDecision
}

/** The cloud database's document of an appeal (`_id` = its id); status beside the record for the queries. */
export type AppealDoc = Omit<AppealRecord, 'id'>

/** A level 1-2 rating or feedback of a worker, as the appeal page needs it: never the rater's openid. */
export type BadRating = Pick<RatingFields, 'level' | 'month' | 'comment' | 'commentStatus' | 'submittedAt'> & { ref: RatingRef }

export interface AppealStore {
  /** Stores a new appeal (status 'pending'); false when the rating has one already (nothing changes). */
  create(appeal: AppealRecord): Promise<boolean>
  get(id: string): Promise<AppealRecord | null>
  /**
   * A sub-district's appeals: pending first (oldest filed first), then decided (newest decided first).
   * `status` 'pending': the pending ones only (the city view counts them).
   */
  listBySubdistrict(subdistrictId: string, status?: 'pending'): Promise<AppealRecord[]>
  /** A worker's appeals, newest filed first. */
  listByWorker(workerCode: string): Promise<AppealRecord[]>
  /**
   * Decides a pending appeal: a compare-and-set from 'pending' to 'upheld' / 'rejected'. False when it is
   * not pending (decided already) or missing (nothing changes).
   */
  decide(id: string, decision: AppealDecision): Promise<boolean>
  /** The worker's resident ratings and recipient feedback of level 1 or 2 submitted at or after `since` (ISO). */
  badRatingsSince(workerCode: string, since: string): Promise<BadRating[]>
}

/** Pending first, oldest filed first; then decided, newest decided first; ids break ties. */
export function appealOrder(a: AppealRecord, b: AppealRecord): number {
  const pa = a.status === 'pending'
  const pb = b.status === 'pending'
  if (pa !== pb) return pa ? -1 : 1
  const [ka, kb] = pa ? [a.filedAt, b.filedAt] : [b.decision?.at ?? '', a.decision?.at ?? '']
  if (ka !== kb) return ka < kb ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

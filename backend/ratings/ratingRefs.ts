// A rating referred to by kind and id (a review item, a case, an appeal), loaded whichever kind
// it is. What comes back still carries the rater's openid: callers send out only what their reader may see.
import { maskContacts } from '@core/contactMask'
import type { FeedbackRecord, RatingRef, ResidentRatingRecord } from '../store/records'
import type { Store } from '../store'

export type AnyRating = (ResidentRatingRecord | FeedbackRecord) & { ref: RatingRef }

export async function loadRating(store: Store, ref: RatingRef): Promise<AnyRating | null> {
  const record = ref.kind === 'resident' ? await store.getResidentRating(ref.id) : await store.visits.getFeedback(ref.id)
  return record === null ? null : { ...record, ref }
}

/**
 * A comment as anyone but its writer reads it (the worker, the moderator, case, review and appeal views):
 * mobile, ID-card and WeChat ids masked (trust rule 9, src/core/contactMask.ts). Masked when read, not
 * when stored, so comments kept before the rule are masked too; the store keeps what the rater wrote.
 */
export function commentForOthers(text: string): string {
  return maskContacts(text)
}

/** A comment readers other than the rater may see: only one that passed moderation (trust rule 6), masked. */
export function visibleComment(rating: Pick<ResidentRatingRecord, 'comment' | 'commentStatus'>): string {
  return rating.commentStatus === 'pass' ? commentForOthers(rating.comment) : ''
}

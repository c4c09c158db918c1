// How a retry rebuilds a submit's first result from the write itself when its idempotency record is
// missing or still pending (docs/idempotency.md): each returns null unless the write is there.
import { monthOf } from '@core/index'
import type { ResultOf } from '@core/contract'
import { ratingRefId, residentRatingId } from '../store/ids'
import type { Store } from '../store'

/** A rating's write carries a receipt (the submit's key and `replaced`), atomically with the rating. */
export function ratingRecovery(store: Store, openid: string, workerCode: string, now: Date, idKey: string) {
  return async (recordKey: string): Promise<ResultOf<'rating.submit'> | null> => {
    const month = monthOf(now)
    const ratingId = residentRatingId(openid, workerCode, month)
    const receipt = await store.getRatingReceipt(ratingId)
    return receipt?.key === recordKey ? ratingReply(ratingId, month, receipt.replaced, idKey) : null
  }
}

/**
 * What rating.submit answers. Not the rating's document id, a plain hash of openid, worker and month
 * (trust rule 5): the keyed id (ids.ts ratingRefId) its case or review item would have; `refId` is that
 * id when the caller has it already.
 */
export function ratingReply(ratingId: string, month: string, replaced: boolean, idKey: string, refId?: string): ResultOf<'rating.submit'> {
  return { ratingId: refId ?? ratingRefId({ kind: 'resident', id: ratingId }, idKey), period: month, replaced }
}

/**
 * Feedback is written once per visit and never replaced: if this person's feedback is on the visit, its
 * result is the only one any successful submit of theirs for that visit returned.
 */
export function feedbackRecovery(store: Store, openid: string, visitCode: string) {
  return async (): Promise<ResultOf<'feedback.submit'> | null> => {
    const feedback = await store.visits.getFeedback(visitCode)
    return feedback?.openid === openid ? { feedbackId: feedback.serviceId, period: feedback.month } : null
  }
}

// The review queue (复核; trust rule 8), shared by review.list and review.decide: who may
// review which sub-district, what staff see of an item (the rater only as a pseudonym, the comment only
// if it passed moderation), carrying out an exclusion, and the audit entry of a decision.
import { REASON_TEXT, type ReviewItemView } from '@core/reviews'
import type { PrincipalRecord, Store } from '../store'
import type { ReviewRecord } from './store'
import { forgetStaleSnapshots } from '../reports/staleSnapshots'
import { pseudonymOf } from '../secrets/pseudonyms'
import { loadRating, visibleComment } from '../ratings/ratingRefs'

export const KIND_TEXT = { resident: '居民评价', recipient: '服务对象评价' } as const

/** Names of a sub-district's workers and communities, read once for a whole list. */
export interface Names {
  worker: Map<string, { name: string; communityId: string }>
  community: Map<string, string>
}

export async function namesOf(store: Store, subdistrictId: string): Promise<Names> {
  const [workers, communities] = await Promise.all([store.listWorkers(subdistrictId), store.listCommunities(subdistrictId)])
  return { worker: new Map(workers.map((w) => [w.code, w])), community: new Map(communities.map((c) => [c.id, c.name])) }
}

/** What staff see of an item; null when its rating is gone (never: nothing is deleted). */
export async function reviewView(store: Store, item: ReviewRecord, names: Names, pseudonymKey: string): Promise<ReviewItemView | null> {
  const rating = await loadRating(store, item.ref)
  if (rating === null) return null
  const worker = names.worker.get(item.workerCode)
  return {
    id: item.id,
    status: item.status,
    workerCode: item.workerCode,
    workerName: worker?.name ?? item.workerCode,
    community: worker === undefined ? '' : names.community.get(worker.communityId) ?? '',
    kind: KIND_TEXT[item.ref.kind],
    level: rating.level,
    month: rating.month,
    submittedAt: rating.submittedAt,
    flaggedAt: item.flaggedAt,
    reasons: item.reasons.map((reason) => REASON_TEXT[reason]),
    rater: pseudonymOf(rating.openid, pseudonymKey),
    comment: visibleComment(rating),
    ...(item.decision === undefined ? {} : { decision: { at: item.decision.at, byName: item.decision.byName, reason: item.decision.reason } }),
  }
}

/**
 * A decided item: an exclusion takes its rating out of the counting; either decision removes UNDER_REVIEW,
 * so a closed month's snapshots are taken again. Safe to repeat (a retry finishing a call that died).
 */
export async function carryOut(store: Store, item: ReviewRecord, now: Date): Promise<void> {
  const decision = item.decision
  if (item.status === 'open' || decision === undefined) return
  if (item.status === 'excluded') await store.reviews.excludeRating(item.ref, { via: 'review', reason: decision.reason, by: decision.by, at: decision.at })
  await forgetStaleSnapshots(store, item.subdistrictId, item.month, now)
}

export async function auditDecision(store: Store, staff: PrincipalRecord, item: ReviewRecord, key: string): Promise<void> {
  const decision = item.decision
  if (decision === undefined) return
  await store.audit.append(
    {
      at: decision.at,
      by: { openid: staff.openid, role: staff.role, name: staff.name },
      action: 'review.decide',
      subdistrictId: item.subdistrictId,
      // The rating by kind and id: never its rater (trust rule 5).
      target: `review:${item.id}`,
      ...(decision.reason === '' ? {} : { reason: decision.reason }),
      details: { workerCode: item.workerCode, month: item.month, ref: item.ref, reasons: item.reasons, status: item.status },
    },
    key,
  )
}

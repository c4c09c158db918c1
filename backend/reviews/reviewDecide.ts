// review.decide: the sub-district decides a flagged rating (复核; trust rule 8). keep: it
// goes on counting; exclude: it stops counting, with the reason kept on it — nothing is deleted. One
// decision per item (a compare-and-set from open; a second is 409), audited. Sub-district staff decide
// their own sub-district's items only; the bureau any.
import { ApiError } from '@core/errors'
import { decisionReasonProblem } from '@core/reviews'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { withIdempotency } from '../idempotency/idempotency'
import { auditDecision, carryOut, namesOf, reviewView } from './reviewQueue'
import type { ReviewDecision, ReviewRecord } from './store'

const DECIDED = '这条评价已经复核过了，请刷新查看结果'
const GONE = '没有找到这条待复核的评价，请刷新后重试'

export const reviewDecide: Handler<'review.decide'> = async (payload, { caller, store, now, secrets }) => {
  const reviewer = staffScope(caller)
  const problem = decisionReasonProblem(payload.decision, payload.reason)
  if (problem !== '') throw new ApiError('INVALID_INPUT', problem)
  const { staff } = reviewer
  const { pseudonymKey } = await secrets.get()
  const viewOf = async (item: ReviewRecord) => {
    const view = await reviewView(store, item, await namesOf(store, item.subdistrictId), pseudonymKey)
    if (view === null) throw new ApiError('NOT_FOUND', GONE)
    return view
  }
  // A retry of a call that died between the decision and the exclusion finishes the exclusion.
  const recover = async (key: string) => {
    const item = await store.reviews.getReview(payload.reviewId)
    if (item === null || item.decision?.key !== key) return null
    await carryOut(store, item, now)
    return viewOf(item)
  }
  return withIdempotency({ store, openid: caller.openid, action: 'review.decide', payload, now, recover }, async (key) => {
    const item = await store.reviews.getReview(payload.reviewId)
    if (item === null) throw new ApiError('NOT_FOUND', GONE)
    if (reviewer.subdistrictId !== null && item.subdistrictId !== reviewer.subdistrictId) throw forbidden('只能复核本街道的评价')
    if (item.status !== 'open') throw new ApiError('CONFLICT', DECIDED)
    const status = payload.decision === 'exclude' ? 'excluded' : 'kept'
    const decision: ReviewDecision = { by: staff.openid, byName: staff.name, at: now.toISOString(), reason: payload.reason ?? '', key }
    if (!(await store.reviews.decideReview(item.id, status, decision))) throw new ApiError('CONFLICT', DECIDED)
    const decided: ReviewRecord = { ...item, status, decision }
    await carryOut(store, decided, now)
    await auditDecision(store, staff, decided, key)
    return viewOf(decided)
  })
}

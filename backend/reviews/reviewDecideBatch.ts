// review.decideBatch: one decision for a burst the suspicion check flagged together (12 ratings of one
// worker in an hour), with one reason (trust rule 8). Each item is decided as review.decide decides it —
// a compare-and-set from open, its exclusion carried out, its own audit entry with the shared reason — so
// nothing about one item differs from deciding it alone. All items are checked first (found, in the
// caller's sub-district): a batch with one item beyond either is refused and decides nothing. An item
// someone decided meanwhile is left as they decided it and counted as such.
import { ApiError } from '@core/errors'
import { decisionReasonProblem } from '@core/reviews'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { withIdempotency } from '../idempotency/idempotency'
import { auditDecision, carryOut } from './reviewQueue'
import type { ReviewDecision, ReviewRecord } from './store'

const GONE = '有评价已不在复核列表里，请刷新后重试'

export const reviewDecideBatch: Handler<'review.decideBatch'> = async (payload, { caller, store, now }) => {
  const reviewer = staffScope(caller)
  const problem = decisionReasonProblem(payload.decision, payload.reason)
  if (problem !== '') throw new ApiError('INVALID_INPUT', problem)
  const { staff } = reviewer
  const status = payload.decision === 'exclude' ? 'excluded' : 'kept'
  return withIdempotency({ store, openid: caller.openid, action: 'review.decideBatch', payload, now }, async (key) => {
    const items: ReviewRecord[] = []
    for (const id of payload.reviewIds) {
      const item = await store.reviews.getReview(id)
      if (item === null) throw new ApiError('NOT_FOUND', GONE)
      if (reviewer.subdistrictId !== null && item.subdistrictId !== reviewer.subdistrictId) throw forbidden('只能复核本街道的评价')
      items.push(item)
    }
    let decided = 0
    for (const item of items) {
      // A run that died part-way is run again under the same key: its own decisions carry the key.
      const own = item.status !== 'open' && item.decision?.key === key
      const decision: ReviewDecision = own && item.decision !== undefined ? item.decision : { by: staff.openid, byName: staff.name, at: now.toISOString(), reason: payload.reason ?? '', key }
      if (!own && (item.status !== 'open' || !(await store.reviews.decideReview(item.id, status, decision)))) continue
      const done: ReviewRecord = { ...item, status: own ? item.status : status, decision }
      await carryOut(store, done, now)
      // One entry per rating, keyed by item, so a rerun finds it written.
      await auditDecision(store, staff, done, `${key}|${item.id}`)
      decided += 1
    }
    return { decided, alreadyDecided: items.length - decided }
  })
}

// feedback.submit: the person a worker served rates that one visit (party S, 一次一评; issue 7): one
// feedback per visit (its id is the visit code), within feedbackWindowDays of the visit, never by the
// worker themself, nor on a visit of a worker no longer in post (409, counts nothing); it counts in the
// China month it is given (DESIGN section 3). Within 8 database requests on CloudBase, as rating.submit
// (test/cloud/feedbackCost.test.ts).
import { monthOf } from '../../../../src/core'
import { ApiError } from '../../../../src/core/errors'
import type { Level } from '../../../../src/core/types'
import type { Handler } from '../context'
import { requireOpenid } from '../dispatch'
import { moderateComment } from '../domain/commentModeration'
import { refuseColleague, requireRater } from '../domain/raters'
import { afterRating } from '../domain/afterRating'
import { withIdempotency } from '../domain/idempotency'
import { countedWrite, takeRateLimit } from '../domain/rateLimits'
import { feedbackRecovery } from '../domain/submitReceipts'
import { clientHashOf } from '../domain/clientHash'
import { feedbackClosedProblem, findVisit } from '../domain/visits'
import { findWorker, refuseInactive } from '../domain/workers'

export const feedbackSubmit: Handler<'feedback.submit'> = async (payload, ctx) => {
  const openid = requireOpenid(ctx.caller)
  requireRater(ctx.caller, 'feedback')
  const { store, now } = ctx
  // Read before anything is claimed: without keys (before setup) the call stores nothing.
  const { clientHashKey } = await ctx.secrets.get()
  const recover = feedbackRecovery(store, openid, payload.visitCode)
  return withIdempotency({ store, openid, action: 'feedback.submit', payload, now, recover, resultInWrite: true }, async () => {
    const visit = await findVisit(store, payload.visitCode)
    if (ctx.caller.principal?.workerCode === visit.workerCode) throw new ApiError('SELF_RATING', '不能评价自己的服务')
    refuseColleague(ctx.caller, visit.communityId)
    const [worker, closed] = await Promise.all([findWorker(store, visit.workerCode), feedbackClosedProblem(store, visit, now)])
    refuseInactive(worker)
    if (closed !== null) throw closed
    const { comment, commentStatus } = await moderateComment(ctx.moderation, payload.comment, openid)
    const taken = await takeRateLimit(ctx, openid)
    const month = monthOf(now)
    // The payload schema admits only the integers 1..5.
    const level = payload.level as Level
    const submittedAt = now.toISOString()
    // Another feedback already there is refused after the count: countedWrite gives the count back.
    await countedWrite(taken, async () => {
      const { inserted } = await store.submitFeedback({
        serviceId: visit.visitCode,
        openid,
        workerCode: visit.workerCode,
        subdistrictId: visit.subdistrictId,
        month,
        level,
        comment,
        commentStatus,
        submittedAt,
        clientHash: clientHashOf(ctx.clientIp, clientHashKey),
      })
      if (!inserted) throw new ApiError('CONFLICT', '这次服务已经有人评价过了，每次服务只能评价一次')
    })
    const { workerCode, communityId, subdistrictId } = visit
    await afterRating(ctx, { ref: { kind: 'recipient', id: visit.visitCode }, openid, workerCode, communityId, subdistrictId, month, level, commentStatus, submittedAt, replaced: false })
    return { feedbackId: visit.visitCode, period: month }
  })
}

// feedback.submit: the person a worker served rates that one visit (party S, 一次一评; issue 7): one
// feedback per visit (its id is the visit code), within feedbackWindowDays of the visit, never by the
// worker themself; it counts in the China month it is given (DESIGN section 3). Within 8 database
// requests on CloudBase, as rating.submit (test/cloud/feedbackCost.test.ts).
import { monthOf } from '../../../../src/core'
import { ApiError } from '../../../../src/core/errors'
import type { Level } from '../../../../src/core/types'
import { isFeedbackOpen } from '../../../../src/core/visits'
import type { Handler } from '../context'
import { requireOpenid } from '../dispatch'
import { moderateComment } from '../domain/commentModeration'
import { refuseColleague, requireRater } from '../domain/raters'
import { afterRating } from '../domain/afterRating'
import { withIdempotency } from '../domain/idempotency'
import { countedWrite, takeRateLimit } from '../domain/rateLimits'
import { feedbackRecovery } from '../domain/submitReceipts'
import { clientHashOf } from '../domain/clientHash'
import { feedbackWindowDays, findVisit } from '../domain/visits'

export const feedbackSubmit: Handler<'feedback.submit'> = async (payload, ctx) => {
  const openid = requireOpenid(ctx.caller)
  requireRater(ctx.caller, 'feedback')
  const { store, now } = ctx
  const recover = feedbackRecovery(store, openid, payload.visitCode)
  return withIdempotency({ store, openid, action: 'feedback.submit', key: payload.idempotencyKey, now, recover, resultInWrite: true }, async () => {
    const [visit, settings] = await Promise.all([findVisit(store, payload.visitCode), store.getSettings()])
    if (ctx.caller.principal?.workerCode === visit.workerCode) throw new ApiError('SELF_RATING', '不能评价自己的服务')
    refuseColleague(ctx.caller, visit.communityId)
    const days = feedbackWindowDays(settings)
    if (!isFeedbackOpen(visit.at, now, days)) throw new ApiError('INVALID_INPUT', `这次服务的评价已经截止：服务后 ${days} 天内才能评价`)
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
        clientHash: clientHashOf(ctx.clientIp),
      })
      if (!inserted) throw new ApiError('CONFLICT', '这次服务已经有人评价过了，每次服务只能评价一次')
    })
    const { workerCode, communityId, subdistrictId } = visit
    await afterRating(ctx, { ref: { kind: 'recipient', id: visit.visitCode }, openid, workerCode, communityId, subdistrictId, month, level, commentStatus, submittedAt, replaced: false })
    return { feedbackId: visit.visitCode, period: month }
  })
}

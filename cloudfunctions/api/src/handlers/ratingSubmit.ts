// rating.submit: a resident rates a worker. One rating per (rater, worker, month): the id is derived
// from the three, so a re-rate in the same month replaces the earlier one (DESIGN section 3). A worker
// no longer in post (issue 8) cannot be rated: nothing is stored.
import { monthOf } from '../../../../src/core'
import { ApiError } from '../../../../src/core/errors'
import type { Level } from '../../../../src/core/types'
import type { Handler } from '../context'
import { requireOpenid } from '../dispatch'
import { moderateComment } from '../domain/commentModeration'
import { refuseColleague, requireRater } from '../domain/raters'
import { afterRating } from '../domain/afterRating'
import { clientHashOf } from '../domain/clientHash'
import { withIdempotency } from '../domain/idempotency'
import { countedWrite, takeRateLimit } from '../domain/rateLimits'
import { ratingRecovery, ratingReply } from '../domain/submitReceipts'
import { findWorker, refuseInactive } from '../domain/workers'
import { residentRatingId } from '../ids'

export const ratingSubmit: Handler<'rating.submit'> = async (payload, ctx) => {
  const openid = requireOpenid(ctx.caller)
  requireRater(ctx.caller, 'rating')
  const { store, now } = ctx
  // Read before anything is claimed: without keys (before setup) the call stores nothing.
  const { clientHashKey, idKey } = await ctx.secrets.get()
  const recover = ratingRecovery(store, openid, payload.workerCode, now, idKey)
  return withIdempotency({ store, openid, action: 'rating.submit', payload, now, recover }, async (receiptKey) => {
    const worker = await findWorker(store, payload.workerCode)
    if (ctx.caller.principal?.workerCode === worker.code) throw new ApiError('SELF_RATING', '不能给自己评价')
    refuseColleague(ctx.caller, worker.communityId)
    refuseInactive(worker)
    const { comment, commentStatus } = await moderateComment(ctx.moderation, payload.comment, openid)
    const taken = await takeRateLimit(ctx, openid)
    const month = monthOf(now)
    const id = residentRatingId(openid, worker.code, month)
    // The payload schema admits only the integers 1..5.
    const level = payload.level as Level
    const submittedAt = now.toISOString()
    const { replaced } = await countedWrite(taken, () => store.submitResidentRating({
      id,
      openid,
      workerCode: worker.code,
      subdistrictId: worker.subdistrictId,
      month,
      level,
      comment,
      commentStatus,
      submittedAt,
      clientHash: clientHashOf(ctx.clientIp, clientHashKey),
    }, receiptKey))
    const { communityId, subdistrictId } = worker
    await afterRating(ctx, { ref: { kind: 'resident', id }, openid, workerCode: worker.code, communityId, subdistrictId, month, level, commentStatus, submittedAt, replaced })
    return ratingReply(id, month, replaced, idKey)
  })
}

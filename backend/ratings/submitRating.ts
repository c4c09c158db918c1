// The one submit pipeline of a resident rating and a recipient's feedback (DESIGN section 3, trust rules
// 3-8): claimed once per idempotency key; the rater checked against whom they rate (not themself, not a
// colleague of their own community, then the kind's own refusals); the comment moderated; the rate limit
// taken; the record written with its tallies; then what follows a stored rating (the bad-review case).
// The two kinds differ only in what they rate, how they store it and what they answer.
import type { ResultOf } from '@core/contract'
import { ApiError } from '@core/errors'
import { monthOf } from '@core/periods'
import type { Level } from '@core/types'
import type { HandlerContext, Rater } from '../context'
import type { RatingFields, RatingRef } from '../store/records'
import { afterRating } from '../cases/afterRating'
import { moderateComment } from '../comments/commentModeration'
import { withIdempotency } from '../idempotency/idempotency'
import { countedWrite, takeRateLimit } from '../limits/rateLimits'
import { clientHashOf } from '../secrets/clientHash'
import { refuseColleague } from './raters'

type SubmitAction = 'rating.submit' | 'feedback.submit'

/** Where the rated service belongs: the worker, their community and sub-district. */
export interface RatedPlace {
  workerCode: string
  communityId: string
  subdistrictId: string
}

export interface SubmitKind<A extends SubmitAction, T extends RatedPlace> {
  action: A
  /** What a rater rating their own work is told (403 SELF_RATING). */
  selfRating: string
  /** Rebuilds the first result from the write (docs/idempotency.md). */
  recover: (recordKey: string) => Promise<ResultOf<A> | null>
  /** The write itself is the result (see IdempotentCall.resultInWrite). */
  resultInWrite?: boolean
  /** Looks up what is rated: the worker named, or the visit whose code was scanned. */
  find(): Promise<T>
  /** The kind's own refusals, once the rater may rate it: a worker out of post, a closed feedback window. */
  admit(target: T): Promise<void>
  /** Stores the record and moves its tallies; `recordKey` is the claim's key, for a write to carry. */
  write(target: T, fields: RatingFields, recordKey: string): Promise<{ ref: RatingRef; replaced: boolean }>
  reply(ref: RatingRef, month: string, replaced: boolean): ResultOf<A>
}

export interface SubmitPayload {
  level: number
  comment?: string
  idempotencyKey: string
}

export async function submitRating<A extends SubmitAction, T extends RatedPlace>(
  payload: SubmitPayload,
  ctx: HandlerContext<Rater>,
  clientHashKey: string,
  kind: SubmitKind<A, T>,
): Promise<ResultOf<A>> {
  const { store, now, caller } = ctx
  const { openid } = caller
  const call = { store, openid, action: kind.action, payload, now, recover: kind.recover, ...(kind.resultInWrite === true ? { resultInWrite: true } : {}) }
  return withIdempotency(call, async (recordKey) => {
    const target = await kind.find()
    if (caller.principal?.workerCode === target.workerCode) throw new ApiError('SELF_RATING', kind.selfRating)
    refuseColleague(caller, target.communityId)
    await kind.admit(target)
    const { comment, commentStatus } = await moderateComment(ctx.moderation, payload.comment, openid)
    const taken = await takeRateLimit(ctx, openid)
    const month = monthOf(now)
    // The payload schema admits only the integers 1..5.
    const level = payload.level as Level
    const submittedAt = now.toISOString()
    const { workerCode, communityId, subdistrictId } = target
    const fields: RatingFields = { openid, workerCode, subdistrictId, month, level, comment, commentStatus, submittedAt, clientHash: clientHashOf(ctx.clientIp, clientHashKey) }
    const { ref, replaced } = await countedWrite(taken, () => kind.write(target, fields, recordKey))
    await afterRating(ctx, { ref, openid, workerCode, communityId, subdistrictId, month, level, commentStatus, submittedAt, replaced })
    return kind.reply(ref, month, replaced)
  })
}

// The one submit pipeline of a resident rating and a recipient's feedback (DESIGN section 3, trust rules
// 3-8): claimed once per idempotency key; the rater checked against whom they rate (not themself, not a
// colleague of their own community, then the kind's own refusals); the comment moderated; the rate limit
// taken; the record written with its tallies; then what follows a stored rating (the bad-review case).
// Where the record is its submit's claim (CloudBase and SQLite: recordClaims.ts), the key rides in the
// record's own write (claimInRecord.ts); where the store also writes a submit whole (SQLite:
// oneTransaction.ts), the checks run first (and the case a bad rating opens is worked out), then the
// count, the record with its receipt and its tallies are one transaction, with no await between them,
// and the case is written right after it. Otherwise each is its own step, claimed by an idempotency record (docs/idempotency.md).
// The two kinds differ only in what they rate, how they store it and what they answer.
import type { ResultOf } from '@core/contract'
import { ApiError } from '@core/errors'
import { monthOf } from '@core/periods'
import type { Level } from '@core/types'
import type { HandlerContext, Rater } from '../context'
import type { Store } from '../store'
import type { RatingFields, RatingRef } from '../store/records'
import { afterRating, caseWithRating } from '../cases/afterRating'
import { moderateComment } from '../comments/commentModeration'
import { withIdempotency } from '../idempotency/idempotency'
import { payloadHashOf } from '../idempotency/payloadHash'
import { idempotencyKeyOf } from '../store/ids'
import { type InRecordOutcome, submitInRecord } from './claimInRecord'
import { countedWrite, limitTakeAt, rateLimited, takeRateLimit } from '../limits/rateLimits'
import { clientHashOf } from '../secrets/clientHash'
import { type StoredRating, type WholeSubmitOutcome, storedRef } from './oneTransaction'
import type { RatedRecord } from './storedRating'
import { refuseColleague } from './raters'

type SubmitAction = 'rating.submit' | 'feedback.submit' | 'hall.feedback'

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
  /** What a second feedback on one visit is told (409); a resident rating is re-rated instead, never refused. */
  duplicate?: string
  /** Where the record of this submit is, from the payload alone: a store whose records are their claims looks there (recordClaims.ts). */
  claimRef: RatingRef
  /** Rebuilds the first result from the write (docs/idempotency.md). */
  recover: (recordKey: string) => Promise<ResultOf<A> | null>
  /** The write itself is the result (see IdempotentCall.resultInWrite). */
  resultInWrite?: boolean
  /** Looks up what is rated: the worker named, or the visit whose code was scanned. */
  find(): Promise<T>
  /** The kind's own refusals, once the rater may rate it: a worker out of post, a closed feedback window. */
  admit(target: T): Promise<void>
  /** What is stored: the rating under its id, or the visit's feedback. */
  stored(target: T, fields: RatingFields): StoredRating
  /** `refId`: ratingRefId(ref), when the submit has it already (the id of the case a bad rating opens: one HMAC less). */
  reply(ref: RatingRef, month: string, replaced: boolean, refId?: string): ResultOf<A>
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
  const month = monthOf(now)

  /** Every check, before anything is stored: what is rated, who rates it, the comment. */
  async function checked(): Promise<{ stored: StoredRating; rated: Omit<RatedRecord, 'replaced'> }> {
    const target = await kind.find()
    if (caller.principal?.workerCode === target.workerCode) throw new ApiError('SELF_RATING', kind.selfRating)
    refuseColleague(caller, target.communityId)
    await kind.admit(target)
    const { comment, commentStatus } = await moderateComment(ctx.moderation, payload.comment, openid)
    // The payload schema admits only the integers 1..5.
    const level = payload.level as Level
    const { workerCode, communityId, subdistrictId } = target
    const submittedAt = now.toISOString()
    const fields: RatingFields = { openid, workerCode, subdistrictId, month, level, comment, commentStatus, submittedAt, clientHash: clientHashOf(ctx.clientIp, clientHashKey) }
    const stored = kind.stored(target, fields)
    return { stored, rated: { ref: storedRef(stored), openid, workerCode, communityId, subdistrictId, month, level, commentStatus, submittedAt } }
  }

  const claims = store.recordClaims
  if (claims !== undefined) {
    const receipt = { key: idempotencyKeyOf(openid, kind.action, payload.idempotencyKey), payloadHash: payloadHashOf(payload) }
    const wholeSubmits = store.wholeSubmits
    return submitInRecord({ claims, receipt, ref: kind.claimRef, recover: kind.recover }, async (): Promise<InRecordOutcome<ResultOf<A>>> => {
      const { stored, rated } = await checked()
      if (wholeSubmits !== undefined) {
        // SQLite: the record's receipt, the count, the record and its tallies in one transaction; its case just after.
        const caseOpening = await caseWithRating(ctx, rated)
        // Named field by field: spreading `receipt` here cost a tenth of the throughput and 30 MB of RSS under load.
        const { key, payloadHash } = receipt
        const submit = { key, payloadHash, rater: openid, take: limitTakeAt(now), stored, result: (replaced: boolean) => kind.reply(rated.ref, month, replaced, caseOpening?.record.id) }
        return wholeOutcome(await wholeSubmits.submitWhole(caseOpening === null ? submit : { caseOpening, ...submit }), kind)
      }
      const note = stored.kind === 'resident' ? claims.counterNote?.(stored.rating, receipt) : undefined
      const taken = await takeRateLimit(ctx, openid, note)
      const written = await countedWrite(taken, async () => {
        const write = stored.kind === 'resident' ? await claims.writeRating(stored.rating, receipt) : await claims.writeFeedback(stored.feedback, receipt)
        if (write.kind === 'duplicate') throw duplicateOf(kind)
        return write
      })
      if (written.kind === 'held') {
        await taken.giveBack().catch(() => undefined)
        return written
      }
      await afterRating(ctx, { ...rated, replaced: written.replaced })
      return { kind: 'done', result: kind.reply(rated.ref, month, written.replaced) }
    })
  }

  const call = { store, openid, action: kind.action, payload, now, recover: kind.recover, ...(kind.resultInWrite === true ? { resultInWrite: true } : {}) }
  return withIdempotency(call, async (recordKey) => {
    const { stored, rated } = await checked()
    const taken = await takeRateLimit(ctx, openid)
    const replaced = await countedWrite(taken, () => writeStored(store, stored, recordKey, kind))
    const { ref, workerCode, communityId, subdistrictId, level, commentStatus, submittedAt } = rated
    await afterRating(ctx, { ref, openid, workerCode, communityId, subdistrictId, month, level, commentStatus, submittedAt, replaced })
    return kind.reply(ref, month, replaced)
  })
}

/** What a whole submit did, as the in-record steps answer it (claimInRecord.ts). */
function wholeOutcome<R>(outcome: WholeSubmitOutcome<R>, kind: { duplicate?: string }): InRecordOutcome<R> {
  if (outcome.kind === 'limited') throw rateLimited(outcome.window, outcome.limits)
  if (outcome.kind === 'duplicate') throw duplicateOf(kind)
  if (outcome.kind === 'taken') return { kind: 'recorded', record: outcome.record }
  return outcome.kind === 'held' ? outcome : { kind: 'done', result: outcome.result }
}

function duplicateOf(kind: { duplicate?: string }): ApiError {
  return new ApiError('CONFLICT', kind.duplicate ?? '已经评价过了')
}

/** The multi-step write: the record and its tallies; a rating's receipt names the claim's key. Answers `replaced`. */
async function writeStored(store: Store, stored: StoredRating, recordKey: string, kind: { duplicate?: string }): Promise<boolean> {
  if (stored.kind === 'resident') return (await store.submitResidentRating(stored.rating, recordKey)).replaced
  // Another feedback already there is refused after the count: countedWrite gives the count back.
  if (!(await store.submitFeedback(stored.feedback)).inserted) throw duplicateOf(kind)
  return false
}

// What the four appeal handlers share (申诉 / 复核): the appeal as its readers see it,
// the audit entry of each step, and what an upheld appeal does to its rating.
import { hmacSha256 } from '../secrets/hmac'
import type { AppealView, RatingKindLabel } from '@core/appeals'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Store } from '../store'
import type { AppealRecord, BadRating } from './store'
import type { AuditActor } from '../audit/store'
import type { RatingKind, RatingRef } from '../store/records'
import { forgetStaleSnapshots } from '../reports/staleSnapshots'

export const KIND_LABELS: Record<RatingKind, RatingKindLabel> = { resident: '居民评价', recipient: '服务对象评价' }

export async function appealDaysInForce(store: Store): Promise<number> {
  return (await store.getSettings())?.appealDays ?? DEFAULT_SETTINGS.appealDays
}

/** The appeal without its id: what its worker may see (the id derives from the rating's, see ratingToken). */
export function appealView(appeal: AppealRecord): AppealView {
  const { status, reason, filedAt, decision } = appeal
  return { status, reason, filedAt, ...(decision === undefined ? {} : { note: decision.note, decidedAt: decision.at }) }
}

/**
 * How appeal.mine and appeal.file name a rating to its worker (trust rule 5): a keyed hash of its kind and
 * id. Not the id itself, nor an unkeyed hash of it: a feedback's id is its visit's code, which the worker
 * knows, so either would tell them whom they served on the visit that got the bad feedback. The key is the
 * deployment's idKey (domain/secrets.ts), which has no default; `appeal|` keeps it apart from the appeal's own id.
 */
export function ratingToken(ref: RatingRef, key: string): string {
  return hmacSha256(key, `appeal|${ref.kind}|${ref.id}`).toString('hex').slice(0, 32)
}

/**
 * The worker's own level 1-2 rating named by `token`, among those since `since`; null when it is none of
 * theirs (or no longer a bad review).
 */
export async function findOwnBadRating(store: Store, workerCode: string, token: string, since: string, key: string): Promise<BadRating | null> {
  return (await store.appeals.badRatingsSince(workerCode, since)).find((rating) => ratingToken(rating.ref, key) === token) ?? null
}

/** Filing and deciding are audited; `key` (the call's idempotency record key) makes a retry append nothing. */
export async function auditAppeal(store: Store, who: AuditActor, appeal: AppealRecord, action: 'appeal.file' | 'appeal.decide', at: string, key: string): Promise<void> {
  const reason = action === 'appeal.file' ? appeal.reason : appeal.decision?.note
  await store.audit.append(
    {
      at,
      by: { openid: who.openid, role: who.role, name: who.name },
      action,
      subdistrictId: appeal.subdistrictId,
      // The rating by kind and id: never its rater (trust rule 5).
      target: `appeal:${appeal.id}`,
      ...(reason === undefined ? {} : { reason }),
      details: { workerCode: appeal.workerCode, month: appeal.month, ref: appeal.ref, status: appeal.status, ...(appeal.decision ? { decision: appeal.decision.decision } : {}) },
    },
    key,
  )
}

/**
 * An upheld appeal takes its rating out of the counting (trust rule 8: with a reason, nothing deleted)
 * and makes the snapshots of the closed periods its month feeds stale. Both steps may run again: a rating
 * excluded already stays as it is, so a retry of a decide call that died between them finishes the job.
 */
export async function excludeUpheld(store: Store, appeal: AppealRecord, now: Date): Promise<void> {
  const decision = appeal.decision
  if (appeal.status !== 'upheld' || decision === undefined) return
  await store.reviews.excludeRating(appeal.ref, { via: 'appeal', reason: decision.note, by: decision.by, at: decision.at })
  await forgetStaleSnapshots(store, appeal.subdistrictId, appeal.month, now)
}


// Trust rule 4: every submit carries an idempotency key made once per user intent (a tap of 提交). A
// retry with that key returns the FIRST result and changes nothing, also when retries run at once or the
// result record was lost; the same key with another payload is refused (422). The same on SQLite and
// CloudBase. The protocol (claim, run, recover, take over): docs/idempotency.md.
import { ApiError } from '@core/errors'
import { idempotencyKeyOf } from '../store/ids'
import type { IdempotencyRecord, Store } from '../store'
import { payloadHashOf } from './payloadHash'

/** Longer than a cloud function's 20 s timeout: a claim this old has no live claimer. */
export const LEASE_MS = 30_000
/** How long a retry waits for a concurrent first run's result (delays double from 10 ms, capped at 200 ms). */
export const WAIT_MS = 4_000

export interface IdempotentCall<T> {
  store: Store
  openid: string
  action: string
  /** The validated payload: its idempotencyKey is the key, and the rest is what the key is bound to. */
  payload: { idempotencyKey: string }
  now: Date
  /** Rebuilds the first result from the write itself, given the record key; null when that write is not there. */
  recover?: (recordKey: string) => Promise<T | null>
  /**
   * The write `recover` reads is never replaced nor removed (a feedback: one per visit, kept even when
   * excluded), so `recover` always rebuilds the first result and the result record is not written: one
   * database request less per submit (test/cloud/feedbackCost.test.ts counts them). A retry finds the
   * claim pending, rebuilds the result from the write and records it then.
   */
  resultInWrite?: boolean
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `run` at most once per key (it gets the record key, for a write to carry as its receipt); see docs/idempotency.md. */
export async function withIdempotency<T>(call: IdempotentCall<T>, run: (recordKey: string) => Promise<T>): Promise<T> {
  const { store } = call
  const key = idempotencyKeyOf(call.openid, call.action, call.payload.idempotencyKey)
  const claimedAt = call.now.toISOString()
  const payloadHash = payloadHashOf(call.payload)
  // Three rounds: a claim released by a rejected run, or a take-over lost to another retry, means claiming again.
  for (let round = 0; round < 3; round += 1) {
    const earlier = await store.claimIdempotent(key, claimedAt, payloadHash)
    if (earlier === null) return runClaimed(call, key, claimedAt, payloadHash, run)
    const first = await firstResult(call, key, payloadHash, earlier)
    if (first.kind === 'result') return first.result
    if (first.kind === 'stale' && (await store.takeOverIdempotent(key, first.claim.createdAt, claimedAt))) {
      return runClaimed(call, key, claimedAt, payloadHash, run)
    }
  }
  return busy()
}

async function runClaimed<T>(
  call: IdempotentCall<T>,
  key: string,
  claimedAt: string,
  payloadHash: string,
  run: (recordKey: string) => Promise<T>,
): Promise<T> {
  let result: T
  try {
    result = await run(key)
  } catch (error) {
    await call.store.releaseIdempotent(key, claimedAt).catch(() => undefined)
    throw error
  }
  if (call.resultInWrite === true && call.recover !== undefined) return result
  // Only successful results are recorded, always by this function with the same T for the same action.
  await call.store.putIdempotent({ key, result, createdAt: claimedAt, payloadHash }).catch((error: unknown) => {
    console.warn(`idempotency record of ${call.action} not written; a retry rebuilds it from the write`, error)
  })
  return result
}

type First<T> = { kind: 'result'; result: T } | { kind: 'released' } | { kind: 'stale'; claim: IdempotencyRecord }

/**
 * What a claimed key holds: its first result (waiting, bounded, for a concurrent run), or that its claim
 * is gone or stale; refused when it was claimed for another payload.
 */
async function firstResult<T>(call: IdempotentCall<T>, key: string, payloadHash: string, claim: IdempotencyRecord): Promise<First<T>> {
  let record: IdempotencyRecord | null = claim
  for (let waited = 0, delay = 10; ; waited += delay, delay = Math.min(delay * 2, 200)) {
    if (record === null) return { kind: 'released' }
    if (record.payloadHash !== undefined && record.payloadHash !== payloadHash) throw mismatch()
    if (record.pending !== true) return { kind: 'result', result: record.result as T }
    const rebuilt = (await call.recover?.(key)) ?? null
    if (rebuilt !== null) {
      await call.store.putIdempotent({ key, result: rebuilt, createdAt: record.createdAt, payloadHash: record.payloadHash }).catch(() => undefined)
      return { kind: 'result', result: rebuilt }
    }
    if (call.now.getTime() - Date.parse(record.createdAt) > LEASE_MS) return { kind: 'stale', claim: record }
    if (waited >= WAIT_MS) return busy()
    await sleep(delay)
    record = await call.store.getIdempotent(key)
  }
}

/** A first run still going (or gone without a trace yet): try again in a few seconds. */
export function busy(): never {
  throw new ApiError('CONFLICT', '上一次提交还在处理中，请稍等几秒再试')
}

/** The key was used for another payload (trust rule 4: bound to its payload). */
export function mismatch(): ApiError {
  return new ApiError('IDEMPOTENCY_MISMATCH', '请求编号已用于另一次提交，请刷新后重试')
}

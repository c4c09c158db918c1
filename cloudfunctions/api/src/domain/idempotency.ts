// Trust rule 4: every submit may carry an idempotency key; a retry (a resident tapping twice on a
// slow network, callFunction retrying) returns the first result and writes nothing.
import { idempotencyKeyOf } from '../ids'
import type { Store } from '../store'

export interface IdempotentCall {
  store: Store
  openid: string
  action: string
  /** Absent: the call is simply run. */
  key: string | undefined
  now: Date
}

export async function withIdempotency<T>(call: IdempotentCall, run: () => Promise<T>): Promise<T> {
  if (call.key === undefined) return run()
  const recordKey = idempotencyKeyOf(call.openid, call.action, call.key)
  const earlier = await call.store.getIdempotent(recordKey)
  // Only successful results are recorded, always by this function with the same T for the same action.
  if (earlier !== null) return earlier.result as T
  const result = await run()
  await call.store.putIdempotent({ key: recordKey, result, createdAt: call.now.toISOString() })
  return result
}

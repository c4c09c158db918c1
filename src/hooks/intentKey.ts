// One idempotency key per user intent (trust rule 4): tapping 提交 again with the same choices is
// a retry of the same submission and reuses its key, so it is counted once; changing the choices makes a
// new submission with a new key. Never one key per network attempt.
import { useRef } from 'react'

/** A fresh key: time plus randomness, 8..64 characters as the contract asks. */
export function newIdempotencyKey(): string {
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** `keyFor(intent)`: the same key while the intent (what would be submitted) stays the same. */
export function useIntentKey(): (intent: unknown) => string {
  const last = useRef<{ intent: string; key: string } | null>(null)
  return (intent) => {
    const text = JSON.stringify(intent)
    if (last.current === null || last.current.intent !== text) last.current = { intent: text, key: newIdempotencyKey() }
    return last.current.key
  }
}

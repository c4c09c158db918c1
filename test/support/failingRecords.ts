// Fault injection for exactly-once submits: the store as it is, except that writing an idempotency
// record's result fails (as a network error or an instance dying right after the action's write would).
// A store whose records are their submits' claims (SQLite's recordClaims and wholeSubmits) writes no
// idempotency record for a rating or feedback: the proxy hides both, so its submits take the generic
// multi-step protocol (claim, run, result) and the fault can happen.
import type { Store } from '@backend/store'

export function withFailingRecordWrites<S extends Store>(store: S): S & { failedRecordWrites: number } {
  let failed = 0
  return new Proxy(store, {
    get(target, property) {
      if (property === 'failedRecordWrites') return failed
      if (property === 'wholeSubmits' || property === 'recordClaims') return undefined
      if (property === 'putIdempotent') {
        return async () => {
          failed += 1
          throw new Error('injected: the idempotency record could not be written')
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  }) as S & { failedRecordWrites: number }
}

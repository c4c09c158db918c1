// Fault injection for exactly-once submits: the store as it is, except that writing an idempotency
// record's result fails (as a network error or an instance dying right after the action's write would).
// A store that writes a submit whole (SQLite's wholeSubmits) writes the result in the rating's own
// transaction, where it cannot fail apart from it: the proxy hides that, so its submits take the
// multi-step protocol, as on CloudBase, and the fault can happen.
import type { Store } from '@backend/store'

export function withFailingRecordWrites<S extends Store>(store: S): S & { failedRecordWrites: number } {
  let failed = 0
  return new Proxy(store, {
    get(target, property) {
      if (property === 'failedRecordWrites') return failed
      if (property === 'wholeSubmits') return undefined
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

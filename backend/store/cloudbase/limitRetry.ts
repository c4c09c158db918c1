// Every database request of the cloud code goes through here. CloudBase's base plan takes 20 requests
// of an environment at once; one more is refused at once with EXCEED_CONCURRENT_REQUEST_LIMIT
// (wx-server-sdk: errCode -501004) and nothing of it is applied (docs/cloudbase-limits.md). So such a
// request is simply sent again, after a pause drawn at random up to a bound that doubles with each
// refusal ("full jitter"): many instances refused together spread out instead of coming back together.
//
// The handle is wrapped once (`withLimitRetry` returns a wrapped handle unchanged): whatever builds a
// query (collection, doc, where, orderBy, skip, limit, field) gives a wrapped object, whatever sends one
// (get, count, add, set, update, remove, createCollection) retries. runTransaction retries as a whole,
// since its start and commit reject outside the callback (its callback has no side effects, db.ts), and
// the documents inside it retry one by one. `db.command` and its values pass through untouched.

import { isConcurrencyLimit } from './db'

/** Sends of one request, the first included: the seven pauses add up to 2.6 s at most, 1.3 s on average. */
const MAX_ATTEMPTS = 8
const FIRST_BOUND_MS = 25
const MAX_BOUND_MS = 1000

const BUILDERS = new Set(['collection', 'doc', 'where', 'orderBy', 'skip', 'limit', 'field'])
const SENDS = new Set(['get', 'count', 'add', 'set', 'update', 'remove', 'createCollection'])
const WRAPPED = Symbol('limitRetry')

/** The pause before the next send, after `refusals` refusals in a row. */
export function limitBackoffMs(refusals: number, random: () => number = Math.random): number {
  return random() * Math.min(MAX_BOUND_MS, FIRST_BOUND_MS * 2 ** (refusals - 1))
}

/** Runs `send` until it is not refused for the connection limit, at most MAX_ATTEMPTS times. */
export async function retryOnLimit<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send()
    } catch (error) {
      if (!isConcurrencyLimit(error) || attempt === MAX_ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, limitBackoffMs(attempt)))
    }
  }
}

/** The same database handle, every request of which retries a refusal for the connection limit. */
export function withLimitRetry<T extends object>(db: T): T {
  return wrap(db)
}

function wrap<T extends object>(target: T): T {
  if (Reflect.get(target, WRAPPED) === true) return target
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property === WRAPPED) return true
      const value: unknown = Reflect.get(object, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string') return value
      const method = value as (...args: unknown[]) => unknown
      if (property === 'runTransaction') {
        return (callback: (transaction: object) => unknown, ...rest: unknown[]) =>
          retryOnLimit(() => method.call(object, (transaction: object) => callback(wrap(transaction)), ...rest) as Promise<unknown>)
      }
      if (BUILDERS.has(property)) {
        return (...args: unknown[]) => {
          const built = method.apply(object, args)
          return typeof built === 'object' && built !== null ? wrap(built) : built
        }
      }
      if (SENDS.has(property)) return (...args: unknown[]) => retryOnLimit(() => method.apply(object, args) as Promise<unknown>)
      return value
    },
  })
}

// Every submit carries an idempotency key (trust rule 4). Tests that submit once per intent take
// a fresh one here; tests about retries pass their own.
let counter = 0

/** A key never used before in this process (8..64 characters, as the contract asks). */
export function freshKey(prefix = 'test'): string {
  counter += 1
  return `${prefix}-${process.pid}-${counter.toString().padStart(6, '0')}`
}

/** The payload with a fresh key, unless it names one (or is not an object: then it is left as sent). */
export function withKey<P>(payload: P): P {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload
  return 'idempotencyKey' in payload ? payload : { ...payload, idempotencyKey: freshKey() }
}

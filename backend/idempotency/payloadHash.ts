// What an idempotency key is bound to (trust rule 4): the submit's payload, written canonically (object
// keys sorted at every depth, undefined left out, as JSON.stringify does) without the key itself, so the
// same intent always hashes the same whatever order a client sent its fields in. sha256, kept on the
// back end only: it never reaches a client, so it needs no secret.
import { sha256Hex } from '../store/ids'

/** Whether an object keeps `name` among its integer keys, which come first, in numeric order, whatever the insertion order. */
function isIndexKey(name: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(name) && Number(name) < 4294967295
}

/** The order JSON.stringify gives keys inserted sorted: integer keys first, by value, then the rest, sorted. */
function byStoredOrder(a: string, b: string): number {
  const ia = isIndexKey(a)
  const ib = isIndexKey(b)
  if (ia !== ib) return ia ? -1 : 1
  if (ia) return Number(a) - Number(b)
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * JSON.stringify of a copy of `value` whose objects got their keys inserted sorted (what receipts stored
 * so far were hashed from), written directly rather than by building the copies (every submit hashes its
 * payload); `skip` is left out at the top level.
 */
function canonicalJson(value: unknown, skip?: string): string | undefined {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item) ?? 'null').join(',')}]`
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  let fields = ''
  for (const name of Object.keys(value).sort(byStoredOrder)) {
    if (name === skip) continue
    const text = canonicalJson((value as Record<string, unknown>)[name])
    if (text !== undefined) fields += `${fields === '' ? '' : ','}${JSON.stringify(name)}:${text}`
  }
  return `{${fields}}`
}

/** sha256 (hex) of the payload's canonical JSON, its `idempotencyKey` left out. */
export function payloadHashOf(payload: object): string {
  return sha256Hex(canonicalJson(payload, 'idempotencyKey') ?? '{}')
}

// What an idempotency key is bound to (trust rule 4): the submit's payload, written canonically (object
// keys sorted at every depth, undefined left out, as JSON.stringify does) without the key itself, so the
// same intent always hashes the same whatever order a client sent its fields in. sha256, kept on the
// back end only: it never reaches a client, so it needs no secret.
import { sha256Hex } from '../store/ids'

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value !== 'object' || value === null) return value
  const sorted: Record<string, unknown> = {}
  for (const name of Object.keys(value).sort()) sorted[name] = canonical((value as Record<string, unknown>)[name])
  return sorted
}

/** sha256 (hex) of the payload's canonical JSON, its `idempotencyKey` left out. */
export function payloadHashOf(payload: object): string {
  const intent: Record<string, unknown> = { ...payload }
  delete intent.idempotencyKey
  return sha256Hex(JSON.stringify(canonical(intent)))
}

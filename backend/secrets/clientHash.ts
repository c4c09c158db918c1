// The suspicious pattern "one client address behind 5+ raters in an hour" needs the address of each rating,
// but an address is personal data (trust rule 9): a rating keeps only a keyed hash of it, which the
// suspicious-pattern batch compares and nobody can read back. The key is the deployment's clientHashKey
// (domain/secrets.ts), which has no default. No address (a caller the runtime did not see): no hash.
import { hmacSha256 } from './hmac'

/** The hashes of the addresses seen lately, by key and address: a runtime sees the same few addresses again and again. */
const recent = new Map<string, string>()
const RECENT_MAX = 1024

export function clientHashOf(clientIp: string | undefined, key: string): string | undefined {
  if (clientIp === undefined || clientIp === '') return undefined
  const seen = `${key}\n${clientIp}`
  let hash = recent.get(seen)
  if (hash === undefined) {
    hash = hmacSha256(key, clientIp).toString('base64url').slice(0, 16)
    if (recent.size >= RECENT_MAX) recent.clear()
    recent.set(seen, hash)
  }
  return hash
}

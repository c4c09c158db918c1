// The suspicious pattern "one client address behind 5+ raters in an hour" needs the address of each rating,
// but an address is personal data (trust rule 9): a rating keeps only a keyed hash of it, which the
// suspicious-pattern batch compares and nobody can read back. The key is the deployment's clientHashKey
// (domain/secrets.ts), which has no default. No address (a caller the runtime did not see): no hash.
import { createHmac } from 'node:crypto'

export function clientHashOf(clientIp: string | undefined, key: string): string | undefined {
  if (clientIp === undefined || clientIp === '') return undefined
  return createHmac('sha256', key).update(clientIp, 'utf8').digest('base64url').slice(0, 16)
}

// Trust rule 5: no rater identity reaches workers or staff. Staff reviewing patterns
// see a stable pseudonym per rater instead: the same rater is always 评价人 K7QM2A, and the openid cannot be
// read back from it (a keyed hash; the key is the deployment's pseudonymKey, domain/secrets.ts — no default).
import { hmacSha256 } from './hmac'

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function pseudonymOf(openid: string, key: string): string {
  const digest = hmacSha256(key, openid)
  let name = ''
  for (let i = 0; i < 6; i += 1) name += ALPHABET[digest[i] % ALPHABET.length]
  return `评价人 ${name}`
}

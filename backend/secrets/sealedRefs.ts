// How a rating is named to staff who must name it back (comment.list -> comment.decide) without seeing its
// id (trust rule 5): a resident rating's id is a plain hash of openid, worker and month, and a feedback's
// is its visit's code, which ties it to the person served. The id is sealed with AES-256-GCM under a key
// derived from the deployment's idKey: unreadable and unforgeable without it, and read back on the way in.
// The IV is an HMAC of the id, so the same rating always gets the same token (lists stay stable).
import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto'
import type { RatingRef } from '../store/records'

const IV_BYTES = 12
const TAG_BYTES = 16

function sealKey(idKey: string): Buffer {
  return createHash('sha256').update(`seal|${idKey}`, 'utf8').digest()
}

/**
 * Who a token is for: 'moderate', staff deciding a held comment (comment.list -> comment.decide);
 * 'report', a worker reporting a comment they were shown (comment.report). A token of one never opens as the other.
 */
export type SealPurpose = 'moderate' | 'report'

const prefixOf = (purpose: SealPurpose, kind: RatingRef['kind']) => (purpose === 'moderate' ? `${kind}|` : `report|${kind}|`)

/** The rating's id as a token (base64url, 59 characters for a visit code, 80 for a resident rating; 'report' a few more). */
export function sealRatingId(ref: RatingRef, idKey: string, purpose: SealPurpose = 'moderate'): string {
  const key = sealKey(idKey)
  const plain = Buffer.from(`${prefixOf(purpose, ref.kind)}${ref.id}`, 'utf8')
  const iv = createHmac('sha256', key).update(plain).digest().subarray(0, IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')
}

/** The rating a token names, when it was sealed under this key for this kind; null for anything else. */
export function openRatingId(kind: RatingRef['kind'], token: string, idKey: string, purpose: SealPurpose = 'moderate'): RatingRef | null {
  const bytes = Buffer.from(token, 'base64url')
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(idKey), bytes.subarray(0, IV_BYTES))
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8')
    const prefix = prefixOf(purpose, kind)
    return plain.startsWith(prefix) ? { kind, id: plain.slice(prefix.length) } : null
  } catch {
    return null
  }
}

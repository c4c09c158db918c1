// HMAC-SHA256 under one of the deployment's keys. createHmac with a string key prepares a new secret
// key object on every call, half of an HMAC's time for the short texts hashed here (a rating takes one
// to three); the few keys a process holds are prepared once.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'

const prepared = new Map<string, KeyObject>()
/** More keys than a deployment has (idKey, pseudonymKey, clientHashKey and tests' own): start over. */
const PREPARED_MAX = 64

/** The same digest as createHmac('sha256', key).update(text, 'utf8').digest(). */
export function hmacSha256(key: string, text: string): Buffer {
  let keyObject = prepared.get(key)
  if (keyObject === undefined) {
    if (prepared.size >= PREPARED_MAX) prepared.clear()
    keyObject = createSecretKey(Buffer.from(key, 'utf8'))
    prepared.set(key, keyObject)
  }
  return createHmac('sha256', keyObject).update(text, 'utf8').digest()
}

// HMAC-SHA256 (RFC 2104) under one of the deployment's keys. A rating computes one or two (its reply's
// keyed id, a bad rating's pseudonym), and node:crypto's createHmac spent some 6% of the local runtime's
// request thread on them under load: a stream object per call, the digest fetched by name, the key's two
// pad blocks hashed again. Here each key's two pad blocks are hashed once (its prepared states), and an
// HMAC of a short text is two blocks of sha256Blocks.ts. hmac.test.ts holds it to createHmac.
import { createHash } from 'node:crypto'
import { SHA256_IV, compressBlock, digestOf, hashTextInto } from './sha256Blocks'

interface PreparedKey {
  /** The state after the key XOR ipad block, where the inner hash of every text starts. */
  inner: Int32Array
  /** The state after the key XOR opad block, where the outer hash starts. */
  outer: Int32Array
}

const prepared = new Map<string, PreparedKey>()
/** More keys than a deployment has (idKey, pseudonymKey, clientHashKey and tests' own): start over. */
const PREPARED_MAX = 64
const BLOCK = 64

function prepare(key: string): PreparedKey {
  let bytes = Buffer.from(key, 'utf8')
  // A key longer than a block is hashed first (RFC 2104, section 2).
  if (bytes.length > BLOCK) bytes = createHash('sha256').update(bytes).digest()
  const pad = (byte: number): Int32Array => {
    const block = new Uint8Array(BLOCK).fill(byte)
    for (let i = 0; i < bytes.length; i += 1) block[i] ^= bytes[i]
    const state = Int32Array.from(SHA256_IV)
    compressBlock(state, block, 0)
    return state
  }
  return { inner: pad(0x36), outer: pad(0x5c) }
}

const state = new Int32Array(8)
/** The outer hash's one block: the inner digest, the padding, and the length of 64 + 32 bytes in bits (768). */
const outerBlock = new Uint8Array(BLOCK)
outerBlock[32] = 0x80
outerBlock[62] = 0x03

/** The same digest as createHmac('sha256', key).update(text, 'utf8').digest(). */
export function hmacSha256(key: string, text: string): Buffer {
  let keyStates = prepared.get(key)
  if (keyStates === undefined) {
    if (prepared.size >= PREPARED_MAX) prepared.clear()
    keyStates = prepare(key)
    prepared.set(key, keyStates)
  }
  state.set(keyStates.inner)
  hashTextInto(state, BLOCK, text)
  digestOf(state, outerBlock)
  state.set(keyStates.outer)
  compressBlock(state, outerBlock, 0)
  const digest = Buffer.allocUnsafe(32)
  digestOf(state, digest)
  return digest
}

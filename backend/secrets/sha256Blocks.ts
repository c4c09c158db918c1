// The SHA-256 compression function (FIPS 180-4, section 6.2.2), for hmac.ts: an HMAC under a key the
// process holds starts from that key's two prepared states, so a short text costs two blocks and no
// allocation. node:crypto has no way to start a digest from a saved state, and its createHmac spends
// most of its time around the hashing (a stream object, a digest fetched by name, the key's two blocks
// again); see hmac.ts for what that costs a rating. Nothing here depends on a secret but the bytes hashed.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

/** The initial hash value H(0). */
export const SHA256_IV: Readonly<Int32Array> = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])

/** The message schedule, reused by every block. */
const W = new Int32Array(64)

/** Folds the 64-byte block of `bytes` at `offset` into `state` (eight 32-bit words). */
export function compressBlock(state: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i += 1) {
    const j = offset + i * 4
    W[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3]
  }
  for (let i = 16; i < 64; i += 1) {
    const x = W[i - 15]
    const y = W[i - 2]
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0
  }
  let a = state[0]
  let b = state[1]
  let c = state[2]
  let d = state[3]
  let e = state[4]
  let f = state[5]
  let g = state[6]
  let h = state[7]
  for (let i = 0; i < 64; i += 1) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  state[0] = (state[0] + a) | 0
  state[1] = (state[1] + b) | 0
  state[2] = (state[2] + c) | 0
  state[3] = (state[3] + d) | 0
  state[4] = (state[4] + e) | 0
  state[5] = (state[5] + f) | 0
  state[6] = (state[6] + g) | 0
  state[7] = (state[7] + h) | 0
}

/** Bytes of the last blocks: a text, its padding and its length. Grown when a longer text comes. */
let tail = Buffer.alloc(256)

/**
 * Hashes `text` (UTF-8) into `state`, which already holds `before` bytes' worth of blocks (64 for an
 * HMAC's inner hash, started from the key's state): the text's blocks, then the padding and the length
 * in bits of everything hashed (FIPS 180-4, section 5.1.1).
 */
export function hashTextInto(state: Int32Array, before: number, text: string): void {
  const length = Buffer.byteLength(text, 'utf8')
  const padded = Math.ceil((length + 9) / 64) * 64
  if (tail.length < padded) tail = Buffer.alloc(padded * 2)
  tail.write(text, 0, 'utf8')
  tail.fill(0, length, padded)
  tail[length] = 0x80
  const bits = (before + length) * 8
  tail.writeUInt32BE(Math.floor(bits / 0x100000000), padded - 8)
  tail.writeUInt32BE(bits >>> 0, padded - 4)
  for (let offset = 0; offset < padded; offset += 64) compressBlock(state, tail, offset)
}

/** The state's eight words, big-endian: the digest. */
export function digestOf(state: Int32Array, into: Uint8Array): void {
  for (let i = 0; i < 8; i += 1) {
    const word = state[i]
    into[i * 4] = word >>> 24
    into[i * 4 + 1] = word >>> 16
    into[i * 4 + 2] = word >>> 8
    into[i * 4 + 3] = word
  }
}

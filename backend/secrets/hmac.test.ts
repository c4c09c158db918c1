import { createHash, createHmac } from 'node:crypto'
import fc from 'fast-check'
import { hmacSha256 } from './hmac'
import { SHA256_IV, digestOf, hashTextInto } from './sha256Blocks'

it('gives RFC 4231 test case 2: key "Jefe", "what do ya want for nothing?"', () => {
  expect(hmacSha256('Jefe', 'what do ya want for nothing?').toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
})

it('gives what createHmac gives with the key as a string, for Chinese texts and keys, and past 64 keys', () => {
  for (let k = 0; k < 70; k += 1) {
    const key = k % 2 === 0 ? `密钥-${k}` : `key-${k}-${'x'.repeat(k)}`
    for (const text of ['', 'resident|YQ01', '评价人 王小明']) {
      expect(hmacSha256(key, text).toString('hex')).toBe(createHmac('sha256', key).update(text, 'utf8').digest('hex'))
    }
  }
  // The first keys were prepared again after the 64th; still the same digests.
  expect(hmacSha256('密钥-0', 'x').equals(createHmac('sha256', '密钥-0').update('x').digest())).toBe(true)
})

// Byte lengths at the block's edges: a text of 55 bytes still fits one padded block with its length, 56 does not.
const EDGES = [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 183, 184]

it('gives what createHmac gives at every edge of a block, for texts and for keys (a key past 64 bytes is hashed first)', () => {
  for (const keyLength of [0, 1, 32, 63, 64, 65, 100, 200]) {
    const key = 'k'.repeat(keyLength)
    for (const length of EDGES) {
      const text = 'a'.repeat(length)
      expect(hmacSha256(key, text).toString('hex')).toBe(createHmac('sha256', key).update(text, 'utf8').digest('hex'))
    }
  }
})

/**
 * Texts of any code points, a tenth of the characters a lone surrogate (UTF-8 writes each as U+FFFD, as
 * createHmac does), from empty to some 1,100 bytes: 'max' size, as fast-check's default keeps strings
 * within one block.
 */
const anyText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      { weight: 9, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
    ),
    maxLength,
    size: 'max',
  })

it('gives what createHmac gives for any key and text, Chinese, emoji and lone surrogates included (fast-check)', () => {
  const text = anyText(300)
  fc.assert(
    fc.property(anyText(90), text, (key, message) => {
      expect(hmacSha256(key, message).equals(createHmac('sha256', key).update(message, 'utf8').digest())).toBe(true)
    }),
    { numRuns: 2000 },
  )
})

it('hashes a text as sha256 does when started from the initial state (the blocks alone, no key)', () => {
  fc.assert(
    fc.property(anyText(300), (message) => {
      const state = Int32Array.from(SHA256_IV)
      hashTextInto(state, 0, message)
      const digest = Buffer.alloc(32)
      digestOf(state, digest)
      expect(digest.toString('hex')).toBe(createHash('sha256').update(message, 'utf8').digest('hex'))
    }),
    { numRuns: 1000 },
  )
  // FIPS 180-4's example "abc".
  const state = Int32Array.from(SHA256_IV)
  hashTextInto(state, 0, 'abc')
  const digest = Buffer.alloc(32)
  digestOf(state, digest)
  expect(digest.toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})

import { createHmac } from 'node:crypto'
import { hmacSha256 } from './hmac'

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

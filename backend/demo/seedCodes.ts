// The demo's visit codes when a setup may have to load the demo twice (admin.setup continuing a setup
// killed midway, backend/setup/setup.ts): derived from a random secret seed, so the second load makes
// the very codes the first made, and nobody without the seed can compute one (trust rule 5, as for
// newVisitCode). The n-th code is HMAC-SHA256(seed, n) read as 15 characters of the visit codes' alphabet
// (bytes >= 248 skipped, so each character is uniform), after 'V'.
import { createHmac } from 'node:crypto'
import { VISIT_CODE_RANDOM_CHARS } from '../visits/visitCodes'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** The largest multiple of 62 under 256: bytes below it map to the alphabet without bias. */
const UNBIASED = 248

/** A generator of visit codes: the same seed gives the same codes in the same order. */
export function seededVisitCodes(seed: string): () => string {
  let n = 0
  return () => {
    n += 1
    let code = 'V'
    for (let block = 0; code.length <= VISIT_CODE_RANDOM_CHARS; block += 1) {
      for (const byte of createHmac('sha256', seed).update(`${n}:${block}`).digest()) {
        if (byte < UNBIASED && code.length <= VISIT_CODE_RANDOM_CHARS) code += ALPHABET[byte % ALPHABET.length]
      }
    }
    return code
  }
}

// A service visit's code: the `scene` of the code the person served scans (DESIGN section 7: at most 32
// scene-safe characters). It must be unguessable, or anyone could rate visits they never had: 'V' and 15
// characters drawn uniformly from 62 by node:crypto, 62^15 ≈ 7.7e26 codes (about 89 bits). Letters and
// digits only, so the code is also a safe cloud document id.
import { randomInt } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
export const VISIT_CODE_RANDOM_CHARS = 15

export function newVisitCode(): string {
  let code = 'V'
  // randomInt draws without modulo bias.
  for (let i = 0; i < VISIT_CODE_RANDOM_CHARS; i += 1) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

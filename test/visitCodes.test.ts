// Visit codes (backend/visits/visitCodes.ts): the scene of a visit's feedback code, which
// must fit a mini-program code (<= 32 scene characters, DESIGN section 7) and must not be guessable
// (at least 10 random characters, so a code cannot be guessed). 'V' + 15 characters drawn uniformly from 62.
import { newVisitCode, VISIT_CODE_RANDOM_CHARS } from '@backend/visits/visitCodes'
import { SCENE_PATTERN } from '@core/contract'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

it("is 'V' and 15 letters or digits: 16 characters a mini-program code's scene allows, a safe document id too", () => {
  expect(VISIT_CODE_RANDOM_CHARS).toBeGreaterThanOrEqual(10)
  for (let i = 0; i < 1000; i += 1) {
    const code = newVisitCode()
    expect(code).toMatch(/^V[0-9A-Za-z]{15}$/)
    expect(SCENE_PATTERN.test(code)).toBe(true)
  }
})

it('never repeats a code in 20,000 draws, and uses all 62 characters about equally in every position', () => {
  const codes = Array.from({ length: 20_000 }, newVisitCode)
  expect(new Set(codes).size).toBe(20_000)
  // Each of the 15 positions: 20,000 draws over 62 characters, about 322.6 each. With a uniform draw
  // the count of one character is Binomial(20000, 1/62): standard deviation ≈ 17.8, so 220..430 is
  // more than 5.7 deviations either way — a biased or constant position falls outside at once.
  for (let position = 1; position <= 15; position += 1) {
    const counts = new Map<string, number>()
    for (const code of codes) counts.set(code[position], (counts.get(code[position]) ?? 0) + 1)
    expect([...counts.keys()].sort().join('')).toBe(ALPHABET)
    for (const count of counts.values()) {
      expect(count).toBeGreaterThanOrEqual(220)
      expect(count).toBeLessThanOrEqual(430)
    }
  }
})

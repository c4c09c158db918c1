// Invite codes: the `scene` of a mini-program code, so <= 32 scene-safe characters, with at least
// 10 random ones from node:crypto; none of the characters a person misreads from a screen (0/O, 1/l/I).
import { INVITE_PREFIX, INVITE_RANDOM_LENGTH, newInviteCode } from '@backend/invites/inviteCodes'
import { SCENE_PATTERN } from '@core/contract'

it('is I and 15 random characters: 16 scene-safe characters', () => {
  const code = newInviteCode()
  expect(code).toMatch(SCENE_PATTERN)
  expect(code).toHaveLength(16)
  expect([INVITE_PREFIX, INVITE_RANDOM_LENGTH]).toEqual(['I', 15])
  expect(INVITE_RANDOM_LENGTH).toBeGreaterThanOrEqual(10)
})

it('never repeats in 10 000 codes and uses no character that reads like another', () => {
  const codes = Array.from({ length: 10_000 }, newInviteCode)
  expect(new Set(codes).size).toBe(10_000)
  const randomParts = codes.map((code) => code.slice(1)).join('')
  expect(randomParts).not.toMatch(/[01OIl]/)
  // 150 000 random characters over 57 symbols: every symbol turns up (each about 2 600 times).
  expect(new Set(randomParts).size).toBe(57)
})

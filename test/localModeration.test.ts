// The local keyword stand-in for msgSecCheck gives all three verdicts, so each path can be tried locally.
import { REVIEW_WORDS, RISKY_WORDS, verdictOf } from '../server/moderation'

it('passes ordinary praise and criticism', () => {
  expect(verdictOf('张书记上门很及时，就是电话不好打通')).toBe('pass')
})

it('rejects a comment with a risky word', () => {
  expect(verdictOf(`小区里有人${RISKY_WORDS[0]}`)).toBe('risky')
})

it('holds abuse for staff review', () => {
  expect(verdictOf(`这个人是${REVIEW_WORDS[0]}`)).toBe('review')
})

it('holds a comment carrying a mobile number (no personal data in comments)', () => {
  expect(verdictOf('有事打我电话13912345678')).toBe('review')
})

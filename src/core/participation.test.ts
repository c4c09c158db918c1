// Who takes part in a period's evaluation: inactive workers only where something was recorded for them.
import { takesPart } from './participation'
import { emptyHistogram } from './scoring'
import type { LevelHistogram } from './types'

const nothing = { residents: emptyHistogram(), recipients: emptyHistogram(), subdistrictScore: null }
const oneRating: LevelHistogram = [0, 0, 0, 1, 0]

it('keeps every active worker, recorded or not (active absent counts as active)', () => {
  expect(takesPart({ code: 'W1' }, nothing)).toBe(true)
  expect(takesPart({ code: 'W1', active: true }, nothing)).toBe(true)
})

it('leaves out an inactive worker with nothing recorded in the period', () => {
  expect(takesPart({ code: 'W1', active: false }, nothing)).toBe(false)
})

it('keeps an inactive worker who has a rating, a feedback or a score in the period', () => {
  expect(takesPart({ code: 'W1', active: false }, { ...nothing, residents: oneRating })).toBe(true)
  expect(takesPart({ code: 'W1', active: false }, { ...nothing, recipients: oneRating })).toBe(true)
  expect(takesPart({ code: 'W1', active: false }, { ...nothing, subdistrictScore: 0 })).toBe(true)
})

// The 服务对象 party counts people, not visits (trust rule 5): one person's feedback on one worker in one
// month counts once, as the mean points of their levels. Numbers worked by hand with the default points
// 1→0, 2→20, 3→60, 4→80, 5→100 and m = 5.
import { fraction } from './exact'
import { groupByPerson, personMove, recipientCount, recipientPoints } from './recipients'
import { evaluate } from './scoring'
import { DEFAULT_SETTINGS } from './settings'
import { emptyCounts, rollUpMonths } from './tallies'
import { histOf } from '../../test/support/ratingLevels'
import type { Level, WorkerPeriodInput } from './types'

const points = DEFAULT_SETTINGS.levelPoints

/** A worker's month from each person's levels. */
function workerOf(workerCode: string, people: Level[][]): WorkerPeriodInput {
  const counts = groupByPerson(people.map((levels) => histOf(...levels)))
  return { workerCode, name: `工作者${workerCode}`, community: '银泉社区', residents: histOf(), recipients: counts.single, recipientGroups: counts.groups, subdistrictScore: null }
}

describe('one person counts once per worker and month', () => {
  it('counts A (5, 4 → mean 90) and B (3 → 60) as n = 2, s = 150', () => {
    const counts = groupByPerson([histOf(5, 4), histOf(3)])
    expect(counts).toEqual({ single: [0, 0, 1, 0, 0], groups: { 2: [0, 0, 0, 1, 1] } })
    expect(recipientCount(counts.single, counts.groups)).toBe(2)
    expect(recipientPoints(counts.single, counts.groups, points)).toEqual(fraction(150))
  })

  it('counts 5, 5, 5, 5, 5, 1 from one person as n = 1 with s = (500 + 0) / 6 = 250/3', () => {
    const counts = groupByPerson([histOf(5, 5, 5, 5, 5, 1)])
    expect(recipientCount(counts.single, counts.groups)).toBe(1)
    expect(recipientPoints(counts.single, counts.groups, points)).toEqual(fraction(250, 3))
  })

  it('moves a person with a second feedback out of the singles into the group of 2, by integer deltas', () => {
    expect(personMove(histOf(4), histOf(4, 5))).toEqual({ single: [0, 0, 0, -1, 0], groups: { 2: [0, 0, 0, 1, 1] } })
    expect(personMove(histOf(), histOf(3))).toEqual({ single: [0, 0, 1, 0, 0], groups: {} })
    // An exclusion: 1, 4, 5 down to 4, 5 leaves group 3 for group 2.
    expect(personMove(histOf(1, 4, 5), histOf(4, 5))).toEqual({ single: [0, 0, 0, 0, 0], groups: { 3: [-1, 0, 0, -1, -1], 2: [0, 0, 0, 1, 1] } })
  })

  it('counts the same person once in each month: 5, 5 in March and 3 in April are n = 2 in the half-year, s = 100 + 60', () => {
    const march = groupByPerson([histOf(5, 5)])
    const april = groupByPerson([histOf(3)])
    const periods = rollUpMonths([
      ['2026-03', { ...emptyCounts(), recipients: march.single, recipientGroups: march.groups }],
      ['2026-04', { ...emptyCounts(), recipients: april.single, recipientGroups: april.groups }],
    ])
    const half = periods.get('2026-H1')
    expect(half === undefined ? null : [recipientCount(half.recipients, half.recipientGroups), recipientPoints(half.recipients, half.recipientGroups, points)]).toEqual([2, fraction(160)])
  })

  it('evaluates a sub-district with C pooled over people: X (A 5, 4; B 3) and Y (C 5; D 5, 5, 5, 5, 5, 1)', () => {
    // s_X = 90 + 60 = 150, n_X = 2; s_Y = 100 + 250/3 = 550/3, n_Y = 2.
    // C = (150 + 550/3) / 4 = 250/3. S_X = (150 + 5 · 250/3) / 7 = 1700/21 = 80.95… → 81.0;
    // S_Y = (550/3 + 1250/3) / 7 = 600/7 = 85.71… → 85.7. Counted per feedback it would be n 3 and 7.
    const rows = evaluate([workerOf('X', [[5, 4], [3]]), workerOf('Y', [[5], [5, 5, 5, 5, 5, 1]])], DEFAULT_SETTINGS)
    const byCode = Object.fromEntries(rows.map((row) => [row.workerCode, row]))
    expect(byCode.X).toMatchObject({ recipients: { n: 2, score: 81 }, total: 81, grade: '称职', flags: ['NO_RESIDENTS', 'FEW_RECIPIENTS', 'NO_SUBDISTRICT_SCORE'] })
    expect(byCode.Y).toMatchObject({ recipients: { n: 2, score: 85.7 }, total: 85.7, grade: '称职' })
  })

  it('leaves the DESIGN worked example as it is when nobody repeats: X 5, 5, 4 from three people is n = 3, S = 93.3', () => {
    const rows = evaluate([workerOf('X', [[5], [5], [4]]), workerOf('Y', [])], DEFAULT_SETTINGS)
    expect(rows.find((row) => row.workerCode === 'X')?.recipients).toEqual({ n: 3, score: 93.3 })
  })
})

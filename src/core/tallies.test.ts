import { emptyCounts, rollUpMonths, type PeriodCounts } from './tallies'

const counts = (residents: PeriodCounts['residents'], scoreSum = 0, scoreCount = 0): PeriodCounts => ({
  ...emptyCounts(),
  residents,
  monthlyScoreSum: scoreSum,
  monthlyScoreCount: scoreCount,
})

describe('rollUpMonths: a half-year and a year are unions of months', () => {
  it('counts March in 2026-03, 2026-H1 and 2026, and July in 2026-07, 2026-H2 and 2026', () => {
    const periods = rollUpMonths([
      ['2026-03', counts([0, 1, 0, 2, 3], 88, 1)],
      ['2026-04', counts([0, 0, 1, 0, 0], 90, 1)],
      ['2026-07', counts([1, 0, 0, 0, 0], 70, 1)],
    ])
    expect([...periods.keys()].sort()).toEqual(['2026', '2026-03', '2026-04', '2026-07', '2026-H1', '2026-H2'])
    expect(periods.get('2026-03')?.residents).toEqual([0, 1, 0, 2, 3])
    // H1 = March + April; H2 = July; the year = all three.
    expect(periods.get('2026-H1')).toEqual(counts([0, 1, 1, 2, 3], 178, 2))
    expect(periods.get('2026-H2')).toEqual(counts([1, 0, 0, 0, 0], 70, 1))
    expect(periods.get('2026')).toEqual(counts([1, 1, 1, 2, 3], 248, 3))
  })

  it('spreads a re-rate delta (-1 on level 3, +1 on level 5) onto all three periods alike', () => {
    const periods = rollUpMonths([['2026-11', counts([0, 0, -1, 0, 1])]])
    for (const period of ['2026-11', '2026-H2', '2026']) expect(periods.get(period)?.residents).toEqual([0, 0, -1, 0, 1])
  })
})

// The 6 of 3456: daily assessment is at least 60% of the annual one.
import { annualScore } from './annual'
import { ApiError } from './errors'
import { fraction } from './exact'

describe('annualScore = dailyShare × year total + (1 − dailyShare) × year-end review', () => {
  it('weighs the year 60 / 40 by default: 0.6 × 88 + 0.4 × 92 = 52.8 + 36.8 = 89.6', () => {
    expect(annualScore(88, 92, 0.6)).toEqual({ annual: 89.6, flags: [] })
  })

  it('takes a higher daily share: 0.8 × 70 + 0.2 × 95 = 56 + 19 = 75', () => {
    expect(annualScore(70, 95, 0.8)).toEqual({ annual: 75, flags: [] })
  })

  it('is the year total alone when the daily share is 1', () => {
    expect(annualScore(81.3, 40, 1)).toEqual({ annual: 81.3, flags: [] })
  })

  it('rounds half away from zero: 0.6 × 87.25 + 0.4 × 87.5 = 52.35 + 35 = 87.35 → 87.4', () => {
    expect(annualScore(87.25, 87.5, 0.6).annual).toBe(87.4)
  })

  it('takes the year total exact, not as shown: 0.6 × 3525/49 + 0.4 × 80 = 2115/49 + 1568/49 = 3683/49 = 75.16… → 75.2', () => {
    // 3525/49 = 71.938… is shown as 71.9; from the shown total it would be 0.6 × 71.9 + 32 = 75.14 → 75.1.
    expect(annualScore(fraction(3525, 49), 80, 0.6)).toEqual({ annual: 75.2, flags: [] })
    expect(annualScore(71.9, 80, 0.6).annual).toBe(75.1)
  })

  it('is missing with NO_YEAR_END when there is no year-end review', () => {
    expect(annualScore(88, null, 0.6)).toEqual({ annual: null, flags: ['NO_YEAR_END'] })
  })

  it('is missing when the year has no three-party total', () => {
    expect(annualScore(null, 92, 0.6)).toEqual({ annual: null, flags: [] })
  })

  it('rejects a daily share below 0.6 as against the rule', () => {
    expect(() => annualScore(88, 92, 0.5)).toThrow(ApiError)
    expect(() => annualScore(88, 92, 0.5)).toThrow('dailyShare（日常考核占比）')
    expect(() => annualScore(88, 92, 1.1)).toThrow('dailyShare')
  })

  it('rejects scores outside 0..100', () => {
    expect(() => annualScore(88, 120, 0.6)).toThrow('年终考核分必须在 0 到 100 之间')
    expect(() => annualScore(fraction(701, 7), 90, 0.6)).toThrow('年度三方总分必须在 0 到 100 之间')
    expect(() => annualScore(Number.NaN, 90, 0.6)).toThrow('年度三方总分')
  })
})

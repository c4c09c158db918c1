import {
  addHistograms,
  countOf,
  emptyHistogram,
  excellentQuotaCount,
  pointsOf,
  pooledMean,
  resolveSubdistrictScore,
  roundHalfAwayFromZero,
  shrunkScore,
  subdistrictScoreOf,
  threePartyTotal,
} from './scoring'
import { DEFAULT_SETTINGS } from './settings'
import { histOf } from './testing'

const points = DEFAULT_SETTINGS.levelPoints // 1→0, 2→20, 3→60, 4→80, 5→100

describe('histograms', () => {
  it('counts and sums points per level', () => {
    // levels 5,4,4,5,3,5: n = 6; points 100+80+80+100+60+100 = 520
    const h = histOf(5, 4, 4, 5, 3, 5)
    expect(h).toEqual([0, 0, 1, 2, 3])
    expect(countOf(h)).toBe(6)
    expect(pointsOf(h, points)).toBe(520)
  })

  it('adds the months of a period together', () => {
    expect(addHistograms(histOf(1, 5), histOf(5, 2))).toEqual([1, 1, 0, 0, 2])
    expect(countOf(emptyHistogram())).toBe(0)
  })

  it('pools the mean over all workers: (520 + 100) / 8 = 77.5', () => {
    expect(pooledMean([histOf(5, 4, 4, 5, 3, 5), histOf(2, 4)], points)).toBe(77.5)
    expect(pooledMean([emptyHistogram()], points)).toBeNull()
  })
})

describe('roundHalfAwayFromZero: one decimal, half away from zero', () => {
  it.each([
    [0.05, 0.1],
    [1.25, 1.3], // Math.round would agree, toFixed gives 1.3 too, but:
    [87.35, 87.4], // 87.35 is stored as 87.3499999…; toFixed(1) gives 87.3
    [1.45, 1.5], // stored as 1.4499999…
    [-2.25, -2.3], // away from zero, not up: Math.round(-22.5) would give -22
    [-0.05, -0.1],
    [71.94999, 71.9],
    [71.9387755, 71.9],
    [69.6428571, 69.6],
    [93.3333333, 93.3],
    [82.5, 82.5],
    [100, 100],
    [0, 0],
  ])('rounds %p to %p', (x, expected) => {
    expect(roundHalfAwayFromZero(x)).toBe(expected)
  })

  it('rounds up a half that float arithmetic left a few units short: 87.35 + 41.3 − 41.3', () => {
    expect(87.35 + 41.3 - 41.3).toBe(87.34999999999998)
    expect(roundHalfAwayFromZero(87.35 + 41.3 - 41.3)).toBe(87.4)
  })

  it('never returns -0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.01), 0)).toBe(true)
  })

  it('takes other digit counts', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01) // 1.005 is stored as 1.00499999…
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3)
  })
})

describe('shrunkScore: (s + m·C) / (n + m)', () => {
  it('pulls a small sample toward the pooled mean', () => {
    // (100 + 5 × 77.5) / (2 + 5) = 487.5 / 7 = 69.642857…
    expect(shrunkScore(100, 2, 77.5, 5)).toBeCloseTo(69.642857, 6)
  })

  it('is the plain mean when the prior weight is 0', () => {
    expect(shrunkScore(270, 3, 50, 0)).toBe(90)
  })

  it('is missing when there are no ratings', () => {
    expect(shrunkScore(0, 0, 77.5, 5)).toBeNull()
  })
})

describe('resolveSubdistrictScore: the period score, else the mean of the monthly scores, else missing', () => {
  it('uses the score entered for the period itself first', () => {
    expect(resolveSubdistrictScore('2026-H1', { '2026-H1': 85, '2026-01': 70, '2026-02': 90 })).toBe(85)
    expect(resolveSubdistrictScore('2026-03', { '2026-03': 88 })).toBe(88)
  })

  it('otherwise averages the monthly scores entered for its months', () => {
    // months of H1 with scores: 70, 90, 95 → (70 + 90 + 95) / 3 = 85; 2026-07 is H2, not counted
    expect(resolveSubdistrictScore('2026-H1', { '2026-01': 70, '2026-02': 90, '2026-06': 95, '2026-07': 10 })).toBe(85)
    // the year: 2026-03 80 and 2026-11 90 → 85
    expect(resolveSubdistrictScore('2026', { '2026-03': 80, '2026-11': 90 })).toBe(85)
  })

  it('is missing when nothing was entered', () => {
    expect(resolveSubdistrictScore('2026-03', {})).toBeNull()
    expect(resolveSubdistrictScore('2026-03', { '2026-04': 90, '2026': 80 })).toBeNull()
  })

  it('does not let half-year scores stand in for the year (only the year or its months count)', () => {
    expect(resolveSubdistrictScore('2026', { '2026-H1': 80, '2026-H2': 90 })).toBeNull()
  })

  it('ignores keys inherited from Object.prototype', () => {
    expect(resolveSubdistrictScore('2026', Object.create({ '2026': 99 }) as Record<string, number>)).toBeNull()
  })
})

describe('subdistrictScoreOf: D from the period score and the rollup of its monthly scores', () => {
  it('takes the score entered for the period over any monthly scores', () => {
    // H1 scored 60 directly; its months were scored 80 and 90 (sum 170, count 2)
    expect(subdistrictScoreOf(60, 170, 2)).toBe(60)
    // a period score of 0 is a score, not a missing one
    expect(subdistrictScoreOf(0, 170, 2)).toBe(0)
  })

  it('otherwise is the mean of the monthly scores: 80 (Jan) and 90 (Feb) give 85', () => {
    expect(subdistrictScoreOf(null, 170, 2)).toBe(85)
    // Jan replaced by 70: the sum moves by 70 - 80 = -10, the count stays 2 → 160 / 2 = 80
    expect(subdistrictScoreOf(null, 160, 2)).toBe(80)
  })

  it('is missing when neither was entered', () => {
    expect(subdistrictScoreOf(null, 0, 0)).toBeNull()
  })
})

describe('threePartyTotal: Σ weight × score / Σ weight over present parties', () => {
  const w = DEFAULT_SETTINGS.weights

  it('weighs all three parties 0.4 / 0.3 / 0.3', () => {
    // 0.4 × 80 + 0.3 × 90 + 0.3 × 100 = 32 + 27 + 30 = 89
    expect(threePartyTotal({ residents: 80, recipients: 90, subdistrict: 100 }, w)).toBeCloseTo(89, 10)
  })

  it('renormalises over the parties present', () => {
    // (0.4 × 80 + 0.3 × 100) / 0.7 = 62 / 0.7 = 88.571428…
    expect(threePartyTotal({ residents: 80, recipients: null, subdistrict: 100 }, w)).toBeCloseTo(88.571428, 5)
    expect(threePartyTotal({ residents: null, recipients: null, subdistrict: 85 }, w)).toBeCloseTo(85, 10)
  })

  it('is missing when no party is present, or only parties weighted 0', () => {
    expect(threePartyTotal({ residents: null, recipients: null, subdistrict: null }, w)).toBeNull()
    expect(threePartyTotal({ residents: null, recipients: 90, subdistrict: null }, { residents: 1, recipients: 0, subdistrict: 0 })).toBeNull()
  })
})

describe('excellentQuotaCount: floor(quota × N)', () => {
  it.each([
    [0.2, 30, 6], // the pilot: 6 of 30
    [0.2, 15, 3],
    [0.2, 2, 0], // floor(0.4)
    [0.2, 4, 0], // floor(0.8)
    [0.2, 5, 1],
    [0.29, 100, 29], // 0.29 × 100 is 28.999999999999996 in binary
    [0.7, 10, 7],
    [0, 30, 0],
    [1, 3, 3],
  ])('quota %p of %p workers is %p', (q, n, expected) => {
    expect(excellentQuotaCount(q, n)).toBe(expected)
  })
})

import {
  addHistograms,
  countOf,
  emptyHistogram,
  excellentQuotaCount,
  pointsOf,
  pooledMean,
  roundHalfAwayFromZero,
  shrunkScore,
  subdistrictScoreOf,
  threePartyTotal,
} from './scoring'
import { type Fraction, fraction } from './exact'
import { DEFAULT_SETTINGS } from './settings'
import { histOf } from '../../test/support/ratingLevels'

const points = DEFAULT_SETTINGS.levelPoints // 1→0, 2→20, 3→60, 4→80, 5→100
const f = fraction
/** A whole number of tenths: tenths(881) is 88.1 exactly. */
const tenths = (n: number): Fraction => fraction(n, 10)

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
    expect(pooledMean([histOf(5, 4, 4, 5, 3, 5), histOf(2, 4)], points)).toEqual(f(155, 2))
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

describe('shrunkScore: (s + m·C) / (n + m), exactly', () => {
  it('pulls a small sample toward the pooled mean', () => {
    // (100 + 5 × 77.5) / (2 + 5) = 487.5 / 7 = 975/14 = 69.642857…
    expect(shrunkScore(f(100), 2, f(155, 2), f(5))).toEqual(f(975, 14))
  })

  it('is the plain mean when the prior weight is 0', () => {
    expect(shrunkScore(f(270), 3, f(50), f(0))).toEqual(f(90))
  })

  it('is missing when there are no ratings', () => {
    expect(shrunkScore(f(0), 0, f(155, 2), f(5))).toBeNull()
  })
})

describe('subdistrictScoreOf: D, the period own score, else the fallback of DESIGN section 3', () => {
  const nothing = { own: null, monthlySum: 0, monthlyCount: 0 }

  it('takes a month score as entered: 88.1 is 881/10, not its binary neighbour', () => {
    expect(subdistrictScoreOf({ own: 88.1, monthlySum: 88.1, monthlyCount: 1 })).toEqual(tenths(881))
  })

  it("takes a half-year's own score over the mean of its monthly scores", () => {
    // H1 scored 60 directly; its months were scored 80 and 90 (sum 170, count 2)
    expect(subdistrictScoreOf({ own: 60, monthlySum: 170, monthlyCount: 2 })).toEqual(f(60))
    // a score of 0 is a score, not a missing one
    expect(subdistrictScoreOf({ own: 0, monthlySum: 170, monthlyCount: 2 })).toEqual(f(0))
  })

  it('otherwise gives a half-year the mean of its monthly scores, exactly', () => {
    // 80 (Jan) and 90 (Feb): 170 / 2 = 85
    expect(subdistrictScoreOf({ own: null, monthlySum: 170, monthlyCount: 2 })).toEqual(f(85))
    // 88.1 + 75.3 + 70.1 = 233.5 (added in binary: 233.49999999999997), / 3 = 2335/30 = 77.8333…
    expect(subdistrictScoreOf({ own: null, monthlySum: 88.1 + 75.3 + 70.1, monthlyCount: 3 })).toEqual(f(467, 6))
  })

  it("gives a year its own score first, whatever its halves say", () => {
    expect(subdistrictScoreOf({ own: 91.5, monthlySum: 0, monthlyCount: 0 }, [{ own: 80, monthlySum: 0, monthlyCount: 0 }, nothing])).toEqual(tenths(915))
  })

  it('gives a year the mean of its two halves: H1 its own 80, H2 the mean of 70.5 and 90 = 80.25 → 80.125', () => {
    // H2 = (70.5 + 90) / 2 = 160.5 / 2 = 80.25; year = (80 + 80.25) / 2 = 160.25 / 2 = 80.125 (shown 80.1)
    const h1 = { own: 80, monthlySum: 500, monthlyCount: 6 } // its own score wins over the months' 500 / 6
    const h2 = { own: null, monthlySum: 160.5, monthlyCount: 2 }
    expect(subdistrictScoreOf(nothing, [h1, h2])).toEqual(f(641, 8))
  })

  it('gives a year with only H1 scored D(H1): the mean is over the halves that have one', () => {
    // H1 from its months 88 and 75: 81.5; H2 has nothing → D(year) = 81.5
    expect(subdistrictScoreOf(nothing, [{ own: null, monthlySum: 163, monthlyCount: 2 }, nothing])).toEqual(tenths(815))
  })

  it('is missing when nothing was entered', () => {
    expect(subdistrictScoreOf(nothing)).toBeNull()
    expect(subdistrictScoreOf(nothing, [nothing, nothing])).toBeNull()
  })
})

describe('threePartyTotal: Σ weight × score / Σ weight over present parties, exactly', () => {
  const w = DEFAULT_SETTINGS.weights

  it('weighs all three parties 0.4 / 0.3 / 0.3', () => {
    // 0.4 × 80 + 0.3 × 90 + 0.3 × 100 = 32 + 27 + 30 = 89
    expect(threePartyTotal({ residents: f(80), recipients: f(90), subdistrict: f(100) }, w)).toEqual(f(89))
  })

  it('renormalises over the parties present', () => {
    // (0.4 × 80 + 0.3 × 100) / 0.7 = 62 / 0.7 = 620/7 = 88.571428…
    expect(threePartyTotal({ residents: f(80), recipients: null, subdistrict: f(100) }, w)).toEqual(f(620, 7))
    expect(threePartyTotal({ residents: null, recipients: null, subdistrict: f(85) }, w)).toEqual(f(85))
  })

  it('is missing when no party is present, or only parties weighted 0', () => {
    expect(threePartyTotal({ residents: null, recipients: null, subdistrict: null }, w)).toBeNull()
    expect(threePartyTotal({ residents: null, recipients: f(90), subdistrict: null }, { residents: 1, recipients: 0, subdistrict: 0 })).toBeNull()
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

// Exact fractions: what lets DESIGN section 3's decisions be exact.
import * as fc from 'fast-check'
import { type Fraction, compareFractions, dividedBy, floorOf, fraction, fractionMeant, plus, roundTenths, tenthsOfSum, times } from './exact'

describe('fraction arithmetic, in lowest terms', () => {
  it('adds, multiplies and divides exactly: 0.1 + 0.2 is 3/10, not 0.30000000000000004', () => {
    expect(plus(fraction(1, 10), fraction(2, 10))).toEqual(fraction(3, 10))
    expect(times(fraction(2, 5), fraction(155, 2))).toEqual(fraction(31)) // 0.4 × 77.5 = 31
    expect(dividedBy(fraction(49), fraction(7, 10))).toEqual(fraction(70)) // 49 / 0.7 = 70
    expect(fraction(6, -4)).toEqual({ num: BigInt(-3), den: BigInt(2) })
  })

  // The operations reduce from their operands' lowest terms; the result must be what reducing the
  // plain cross products gives, for values as large as a city's year totals (60 bits and more) as well.
  it('gives the lowest terms of the plain cross products, small values and large, zero and negative', () => {
    const integer = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.bigInt({ min: -(BigInt(2) ** BigInt(90)), max: BigInt(2) ** BigInt(90) }))
    const positive = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.bigInt({ min: BigInt(1), max: BigInt(2) ** BigInt(90) }))
    const factor = fc.constantFrom(1, 2, 6, 10, 30, 210, 2520)
    // Shared factors make the denominators' gcd more than 1, the case the reduction has to get right.
    const anyFraction = fc.tuple(integer, positive, factor).map(([n, d, k]) => fraction(n, BigInt(d) * BigInt(k)))
    const crossSum = (a: Fraction, b: Fraction) => fraction(a.num * b.den + b.num * a.den, a.den * b.den)
    fc.assert(
      fc.property(anyFraction, anyFraction, (a, b) => {
        expect(plus(a, b)).toEqual(crossSum(a, b))
        expect(plus(a, { num: -a.num, den: a.den })).toEqual(fraction(0))
        expect(times(a, b)).toEqual(fraction(a.num * b.num, a.den * b.den))
        if (b.num !== BigInt(0)) expect(dividedBy(a, b)).toEqual(fraction(a.num * b.den, a.den * b.num))
      }),
      { numRuns: 2000 },
    )
  })

  it('orders exactly, and floors toward minus infinity', () => {
    expect(compareFractions(fraction(699, 10), fraction(70))).toBeLessThan(0)
    expect(compareFractions(fraction(140, 2), fraction(70))).toBe(0)
    expect(floorOf(fraction(29, 5))).toBe(5) // 0.2 × 29 = 5.8
    expect(floorOf(fraction(-1, 2))).toBe(-1)
  })
})

describe('roundTenths: one decimal, half away from zero, from the exact value', () => {
  it.each([
    [fraction(8745, 100), 87.5], // 87.45 exactly is a half: up
    [fraction(8165, 100), 81.7], // 81.65 is 81.6499999… in binary, but not here
    [fraction(3525, 49), 71.9], // the worked example's Y: 71.938…
    [fraction(-1, 20), -0.1],
    [fraction(-1, 100), 0],
  ])('rounds %p to %p', (x, expected) => {
    expect(roundTenths(x)).toBe(expected)
  })
})

describe('fractionMeant: a decimal setting or score as the fraction meant', () => {
  it('reads 0.5 as 1/2, 2/3 saved as a number as 2/3, 0.67 as 67/100 and 0.6667 as 6667/10000', () => {
    expect(fractionMeant(0.5)).toEqual(fraction(1, 2))
    expect(fractionMeant(2 / 3)).toEqual(fraction(2, 3))
    expect(fractionMeant(0.6666666666666666)).toEqual(fraction(2, 3))
    expect(fractionMeant(0.67)).toEqual(fraction(67, 100))
    expect(fractionMeant(0.6667)).toEqual(fraction(6667, 10000))
    expect(fractionMeant(1)).toEqual(fraction(1))
  })

  it('reads the weights 0.4 / 0.3 and the quota 0.29 as tenths and hundredths, and a score 88.1 as 881/10', () => {
    expect(fractionMeant(0.4)).toEqual(fraction(2, 5))
    expect(fractionMeant(0.3)).toEqual(fraction(3, 10))
    expect(fractionMeant(0.29)).toEqual(fraction(29, 100))
    expect(fractionMeant(88.1)).toEqual(fraction(881, 10))
    expect(fractionMeant(-2.5)).toEqual(fraction(-5, 2))
  })

  it('takes a number no small fraction explains to nine decimals', () => {
    expect(fractionMeant(0.123456789)).toEqual(fraction(123456789, 1e9))
  })
})

describe('tenthsOfSum: a sum of one-decimal scores as the tenths it is', () => {
  it('undoes the binary noise of adding 88.1, 75.3 and 70.1 (233.49999999999997)', () => {
    expect(88.1 + 75.3 + 70.1).not.toBe(233.5)
    expect(tenthsOfSum(88.1 + 75.3 + 70.1)).toEqual(fraction(2335, 10))
  })
})

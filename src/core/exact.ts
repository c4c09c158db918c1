// Exact fractions, for the decisions DESIGN section 3 wants exact: a grade threshold, the 优秀 quota and
// the ranking compare exact values, never floats with a tolerance. All inputs are integers (level
// points, counts) or tenths (scores), and settings are decimals read as the fraction meant, so every
// score and total is a fraction of small integers. BigInt, written as calls rather than `1n` literals,
// so the bundle still parses on engines of the es2019 target.

/** num / den with den > 0, in lowest terms. */
export interface Fraction {
  readonly num: bigint
  readonly den: bigint
}

const ZERO = BigInt(0)
const ONE = BigInt(1)
const TWO = BigInt(2)
const TEN = BigInt(10)

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a
  let y = b < ZERO ? -b : b
  while (y !== ZERO) {
    const rest = x % y
    x = y
    y = rest
  }
  return x
}

/** num / den from integers (numbers must be safe integers). */
export function fraction(num: number | bigint, den: number | bigint = 1): Fraction {
  let [n, d] = [BigInt(num), BigInt(den)]
  if (d === ZERO) throw new RangeError('a fraction cannot have denominator 0')
  if (d < ZERO) [n, d] = [-n, -d]
  const g = gcd(n, d)
  return g <= ONE ? { num: n, den: d } : { num: n / g, den: d / g }
}

// The operations keep their operands' lowest terms to find the result's (Knuth, TAOCP 4.5.1): a gcd
// of the denominators, or of a numerator and a denominator, instead of one of the full cross products.
// A year's totals over a city have products of 60 bits and more, where a gcd takes dozens of BigInt
// steps; the same value comes out, in the same lowest terms.

export function plus(a: Fraction, b: Fraction): Fraction {
  const g = gcd(a.den, b.den)
  if (g === ONE) return { num: a.num * b.den + b.num * a.den, den: a.den * b.den }
  const aScale = b.den / g
  const sum = a.num * aScale + b.num * (a.den / g)
  // Any factor the sum shares with the product of the denominators is one of g's.
  const h = gcd(sum, g)
  return h === ONE ? { num: sum, den: a.den * aScale } : { num: sum / h, den: (a.den / h) * aScale }
}

export function times(a: Fraction, b: Fraction): Fraction {
  const g = gcd(a.num, b.den)
  const h = gcd(b.num, a.den)
  return { num: (a.num / g) * (b.num / h), den: (a.den / h) * (b.den / g) }
}

export function dividedBy(a: Fraction, b: Fraction): Fraction {
  if (b.num === ZERO) throw new RangeError('division of a fraction by 0')
  return times(a, b.num < ZERO ? { num: -b.den, den: -b.num } : { num: b.den, den: b.num })
}

/** Exact order: negative when a < b, 0 when equal, positive when a > b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den
  const right = b.num * a.den
  return left < right ? -1 : left > right ? 1 : 0
}

export const isZero = (a: Fraction): boolean => a.num === ZERO

/** floor(a) as a number (for the quota: floor(excellentQuota × N)). */
export function floorOf(a: Fraction): number {
  const q = a.num / a.den // truncates toward zero
  return Number(a.num < ZERO && q * a.den !== a.num ? q - ONE : q)
}

export const toNumber = (a: Fraction): number => Number(a.num) / Number(a.den)

/**
 * To one decimal, half away from zero (DESIGN: output rounding), from the exact value: 87.45 → 87.5,
 * 71.94… → 71.9, -0.05 → -0.1. No binary noise can push a value across the half.
 */
export function roundTenths(a: Fraction): number {
  const negative = a.num < ZERO
  const scaled = (negative ? -a.num : a.num) * TEN // |a| × 10 = scaled / den
  const tenths = (TWO * scaled + a.den) / (TWO * a.den) // floor(|a| × 10 + 1/2)
  const magnitude = Number(tenths) / 10
  return negative && magnitude !== 0 ? -magnitude : magnitude
}

/** Largest denominator a decimal is read with: 0.6667 is 6667/10000, 2/3 is 2/3. */
const MEANT_DENOMINATOR_MAX = 10_000
/** How far the saved number may be from the fraction meant: binary representation error only. */
const MEANT_READ_TOLERANCE = 1e-12

/**
 * A number as the fraction whoever typed it meant. Settings and scores are numbers: 0.4 typed as 0.4
 * (which is not 2/5 in binary), or 2/3 saved as 0.6666666666666666 (which is not 2/3). Read as the
 * simplest fraction within binary error of it (continued fractions), so what is decided with it is
 * exact. A number that no fraction up to 1/10000 explains is taken to nine decimals.
 */
export function fractionMeant(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`)
  if (x < 0) {
    const positive = fractionMeant(-x)
    return { num: -positive.num, den: positive.den }
  }
  let [h0, h1, k0, k1] = [0, 1, 1, 0]
  let rest = x
  for (let step = 0; step < 40; step += 1) {
    const a = Math.floor(rest)
    ;[h0, h1] = [h1, a * h1 + h0]
    ;[k0, k1] = [k1, a * k1 + k0]
    if (k1 > MEANT_DENOMINATOR_MAX) break
    if (Math.abs(h1 / k1 - x) <= MEANT_READ_TOLERANCE) return fraction(h1, k1)
    const tail = rest - a
    if (tail === 0) break
    rest = 1 / tail
  }
  return fraction(Math.round(x * 1e9), 1e9)
}

/**
 * A sum of scores of at most one decimal (a tally's rollup of monthly scores) as the whole number of
 * tenths it is: adding 88.1 and 75.3 in binary leaves noise far below a twentieth, which rounding undoes.
 */
export function tenthsOfSum(sum: number): Fraction {
  return fraction(Math.round(sum * 10), 10)
}

// DESIGN section 3 written out a second time, straight from the list of what was submitted, for tests
// that check the whole pipeline (rating.submit → tallies → evaluation.get) against it. Deliberately
// shares nothing with src/core/scoring.ts or the stores: it keeps every rating rather than tallies,
// and computes in exact fractions (BigInt), so its rounding of 87.45 is exact instead of depending on
// how 87.45 happens to come out in binary, and so are its decisions (thresholds, quota, ties), as
// DESIGN says decisions are.
import type { EvaluationRow, Flag, Grade, Level } from '@core/types'

// ---- exact fractions ----

/** num / den, den > 0, in lowest terms. */
export interface Fraction {
  num: bigint
  den: bigint
}

const ZERO = BigInt(0)
const ONE = BigInt(1)
const TWO = BigInt(2)
const TEN = BigInt(10)

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < ZERO ? -a : a, b < ZERO ? -b : b]
  while (y !== ZERO) [x, y] = [y, x % y]
  return x
}

export function fraction(num: number | bigint, den: number | bigint = 1): Fraction {
  let [n, d] = [BigInt(num), BigInt(den)]
  if (d === ZERO) throw new Error('fraction with denominator 0')
  if (d < ZERO) [n, d] = [-n, -d]
  const g = gcd(n, d) || ONE
  return { num: n / g, den: d / g }
}

const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den)
const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den - b.num * a.den, a.den * b.den)
const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den)
const div = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den, a.den * b.num)
/** Exact order of two fractions: the sign of a − b. */
const sign = (a: Fraction): number => (a.num < ZERO ? -1 : a.num > ZERO ? 1 : 0)
const atLeast = (a: Fraction, threshold: number): boolean => sign(sub(a, fraction(threshold))) >= 0

/** One decimal, half away from zero, exactly: 87.45 → 87.5, 71.9428… → 71.9. */
export function roundTenths(x: Fraction): number {
  const negative = x.num < ZERO
  const scaled = (negative ? -x.num : x.num) * TEN // |x| × 10 = scaled / den
  const rounded = (TWO * scaled + x.den) / (TWO * x.den) // floor(|x| × 10 + 1/2)
  const magnitude = Number(rounded) / 10
  return negative && magnitude !== 0 ? -magnitude : magnitude
}

// ---- what was submitted ----

export interface WorkerRef {
  workerCode: string
  name: string
  community: string
}

/** A resident rating the api accepted, in submission order. */
export interface AcceptedRating {
  rater: string
  workerCode: string
  month: string
  level: Level
}

/** A recipient's feedback handed to the store, in submission order (a second one for a visit is ignored). */
export interface SubmittedFeedback {
  serviceId: string
  /** Who gave it: one person counts once per worker and month, with the mean of their levels. */
  person: string
  workerCode: string
  month: string
  level: Level
}

/** A sub-district score the api accepted, in submission order; `tenths` / 10 is the score (at most one decimal). */
export interface AcceptedScore {
  workerCode: string
  period: string
  tenths: number
}

export interface Submissions {
  ratings: AcceptedRating[]
  feedback: SubmittedFeedback[]
  scores: AcceptedScore[]
}

// ---- the rules ----

const LEVEL_POINTS: Record<Level, number> = { 1: 0, 2: 20, 3: 60, 4: 80, 5: 100 }
const PRIOR_WEIGHT = 5
const MIN_RESIDENTS = 5
const MIN_RECIPIENTS = 3
const EXCELLENT_MIN = 90
/** The 3 of 3456: residents 0.4, recipients 0.3, sub-district 0.3. */
const WEIGHTS = { residents: fraction(4, 10), recipients: fraction(3, 10), subdistrict: fraction(3, 10) }

/** `2026-03` is in 2026-03, 2026-H1 and 2026; nothing else. */
export function monthIsIn(month: string, period: string): boolean {
  const [year, mm] = [month.slice(0, 4), Number(month.slice(5, 7))]
  if (period === year) return true
  if (period === `${year}-H1`) return mm <= 6
  if (period === `${year}-H2`) return mm >= 7
  return period === month
}

function monthsIn(period: string): string[] {
  const year = period.slice(0, 4)
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((m) => monthIsIn(m, period))
}

interface Party {
  n: number
  points: Fraction
}

interface Worked extends WorkerRef {
  residents: Party
  recipients: Party
  r: Fraction | null
  s: Fraction | null
  d: Fraction | null
  total: Fraction | null
  flags: Flag[]
}

/** The evaluation of the workers of one sub-district for `period`, as DESIGN section 3 describes it. */
export function referenceEvaluation(scope: WorkerRef[], submitted: Submissions, period: string): EvaluationRow[] {
  const inScope = new Set(scope.map((w) => w.workerCode))
  const party = (): Party => ({ n: 0, points: fraction(0) })
  const residents = new Map(scope.map((w) => [w.workerCode, party()]))
  const recipients = new Map(scope.map((w) => [w.workerCode, party()]))

  // One rating per (rater, worker, month): the last one submitted wins.
  const latestRating = new Map<string, AcceptedRating>()
  for (const r of submitted.ratings) latestRating.set(`${r.rater}|${r.workerCode}|${r.month}`, r)
  // One feedback per service visit: the first one stands.
  const firstFeedback = new Map<string, SubmittedFeedback>()
  for (const f of submitted.feedback) if (!firstFeedback.has(f.serviceId)) firstFeedback.set(f.serviceId, f)
  const count = (tally: Map<string, Party>, x: { workerCode: string; month: string }, points: Fraction): void => {
    if (!inScope.has(x.workerCode) || !monthIsIn(x.month, period)) return
    const p = tally.get(x.workerCode) as Party
    p.n += 1
    p.points = add(p.points, points)
  }
  for (const r of latestRating.values()) count(residents, r, fraction(LEVEL_POINTS[r.level]))
  // 服务对象: each person once per worker and month, with the mean points of their feedback that month.
  const byPerson = new Map<string, SubmittedFeedback[]>()
  for (const f of firstFeedback.values()) {
    const key = `${f.person}|${f.workerCode}|${f.month}`
    byPerson.set(key, [...(byPerson.get(key) ?? []), f])
  }
  for (const given of byPerson.values()) {
    const sum = given.reduce((total, f) => total + LEVEL_POINTS[f.level], 0)
    count(recipients, given[0], fraction(sum, given.length))
  }

  // Re-entering a score for the same worker and period key replaces it.
  const latestScore = new Map<string, Fraction>()
  for (const s of submitted.scores) latestScore.set(`${s.workerCode}|${s.period}`, fraction(s.tenths, 10))

  const pooled = (tally: Map<string, Party>): Fraction | null => {
    const all = [...tally.values()].reduce((sum, p) => ({ n: sum.n + p.n, points: add(sum.points, p.points) }), party())
    return all.n === 0 ? null : div(all.points, fraction(all.n))
  }
  const shrunk = (p: Party, c: Fraction | null): Fraction | null =>
    p.n === 0 || c === null ? null : div(add(p.points, mul(fraction(PRIOR_WEIGHT), c)), fraction(p.n + PRIOR_WEIGHT))
  const cResidents = pooled(residents)
  const cRecipients = pooled(recipients)

  const worked: Worked[] = scope.map((w) => {
    const rParty = residents.get(w.workerCode) as Party
    const sParty = recipients.get(w.workerCode) as Party
    const r = shrunk(rParty, cResidents)
    const s = shrunk(sParty, cRecipients)
    const d = subdistrictScore(latestScore, w.workerCode, period)
    let weighted = fraction(0)
    let weightSum = fraction(0)
    for (const [score, weight] of [[r, WEIGHTS.residents], [s, WEIGHTS.recipients], [d, WEIGHTS.subdistrict]] as const) {
      if (score === null) continue
      weighted = add(weighted, mul(weight, score))
      weightSum = add(weightSum, weight)
    }
    const flags: Flag[] = []
    if (rParty.n === 0) flags.push('NO_RESIDENTS')
    else if (rParty.n < MIN_RESIDENTS) flags.push('FEW_RESIDENTS')
    if (sParty.n === 0) flags.push('NO_RECIPIENTS')
    else if (sParty.n < MIN_RECIPIENTS) flags.push('FEW_RECIPIENTS')
    if (d === null) flags.push('NO_SUBDISTRICT_SCORE')
    const total = weightSum.num === ZERO ? null : div(weighted, weightSum)
    return { ...w, residents: rParty, recipients: sParty, r, s, d, total, flags }
  })

  const excellent = excellentWorkers(worked)
  return worked.map((w) => ({
    workerCode: w.workerCode,
    name: w.name,
    community: w.community,
    residents: w.r === null ? null : { n: w.residents.n, score: roundTenths(w.r) },
    recipients: w.s === null ? null : { n: w.recipients.n, score: roundTenths(w.s) },
    subdistrict: w.d === null ? null : { score: roundTenths(w.d) },
    total: w.total === null ? null : roundTenths(w.total),
    grade: excellent.has(w.workerCode) ? '优秀' : gradeBelowExcellent(w.total),
    flags: w.flags,
  }))
}

/**
 * D: the score entered for the period key itself; else, for a year, the mean of D(H1) and D(H2) over
 * the halves that have one; else (a half-year) the mean of the monthly scores of its months; else missing.
 */
function subdistrictScore(latestScore: Map<string, Fraction>, workerCode: string, period: string): Fraction | null {
  const own = latestScore.get(`${workerCode}|${period}`)
  if (own !== undefined) return own
  const parts = /^\d{4}$/.test(period)
    ? [`${period}-H1`, `${period}-H2`].map((half) => subdistrictScore(latestScore, workerCode, half))
    : monthsIn(period).map((m) => latestScore.get(`${workerCode}|${m}`) ?? null)
  const present = parts.filter((s): s is Fraction => s !== null)
  return present.length === 0 ? null : div(present.reduce(add, fraction(0)), fraction(present.length))
}

/**
 * 优秀: at most floor(0.2 × N) of the eligible (total >= 90, no flag), N = workers with a total;
 * the best first by total, residents score, sub-district score (each desc, missing last), workerCode asc.
 */
function excellentWorkers(worked: Worked[]): Set<string> {
  const graded = worked.filter((w) => w.total !== null).length
  const places = Math.floor((graded * 2) / 10)
  const desc = (a: Fraction | null, b: Fraction | null): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
    return sign(sub(b, a))
  }
  const eligible = worked
    .filter((w) => w.total !== null && atLeast(w.total, EXCELLENT_MIN) && w.flags.length === 0)
    .sort((a, b) => desc(a.total, b.total) || desc(a.r, b.r) || desc(a.d, b.d) || (a.workerCode < b.workerCode ? -1 : 1))
  return new Set(eligible.slice(0, places).map((w) => w.workerCode))
}

function gradeBelowExcellent(total: Fraction | null): Grade {
  if (total === null) return '未评定'
  if (atLeast(total, 70)) return '称职'
  if (atLeast(total, 60)) return '基本称职'
  return '不称职'
}

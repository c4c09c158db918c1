// The three-party evaluation, exactly as DESIGN section 3 ("Scoring — exact specification").
// Everything is computed at full precision; only the values put into an EvaluationRow are rounded.
import { monthsOf } from './periods'
import type { EvaluationRow, Flag, Grade, LevelHistogram, Settings, WorkerPeriodInput } from './types'

/**
 * Float noise allowed in comparisons (thresholds, ties, floor of the quota). It only absorbs binary
 * representation error — 0.29 × 100 is 28.999999999999996 — and is far below any real difference
 * between two scores, so comparisons are still "full precision" in the sense of the design.
 */
const EPSILON = 1e-9

/** Grade thresholds below 优秀 (DESIGN section 3: >= 70 称职, >= 60 基本称职). */
const COMPETENT_MIN = 70
const BASIC_MIN = 60

export function emptyHistogram(): LevelHistogram {
  return [0, 0, 0, 0, 0]
}

export function addHistograms(a: Readonly<LevelHistogram>, b: Readonly<LevelHistogram>): LevelHistogram {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]]
}

/** Number of ratings in a histogram (n). */
export function countOf(hist: Readonly<LevelHistogram>): number {
  return hist[0] + hist[1] + hist[2] + hist[3] + hist[4]
}

/** Points sum of a histogram (s), with `levelPoints[i]` for level i + 1. */
export function pointsOf(hist: Readonly<LevelHistogram>, levelPoints: Readonly<Settings['levelPoints']>): number {
  return hist.reduce((sum, count, i) => sum + count * levelPoints[i], 0)
}

/**
 * Rounds half away from zero (DESIGN: "one decimal, half away from zero"): 0.05 → 0.1, 1.25 → 1.3,
 * -2.25 → -2.3. The scaled value is first cut to 12 significant digits so that a value which is
 * meant to end in 5 but is stored as …4999999999999 (87.35 is 87.349999999999994 in binary) still
 * rounds up, while a real 71.94999 stays below the half.
 */
export function roundHalfAwayFromZero(x: number, digits = 1): number {
  if (!Number.isFinite(x)) return x
  const factor = 10 ** digits
  const scaled = Number((Math.abs(x) * factor).toPrecision(12))
  const rounded = (Math.sign(x) * Math.round(scaled)) / factor
  return rounded + 0 // turns -0 into 0
}

/** Bayesian shrinkage toward the pooled mean C with prior weight m: (s + m·C) / (n + m); n = 0 → missing. */
export function shrunkScore(pointsSum: number, n: number, priorMean: number, priorWeight: number): number | null {
  if (n <= 0) return null
  return (pointsSum + priorWeight * priorMean) / (n + priorWeight)
}

/**
 * The sub-district party D (DESIGN section 3): the score entered for the period itself; else the mean
 * of the monthly scores entered for its months; else missing. Scores entered for a half-year do not
 * stand in for a year: the design names only the period's own score and its monthly scores.
 * Stores keep the monthly scores of a period rolled up as a sum and a count (so an evaluation of a
 * year reads one row per worker, not twelve): this is the rule over that rollup.
 */
export function subdistrictScoreOf(periodScore: number | null, monthlySum: number, monthlyCount: number): number | null {
  if (periodScore !== null) return periodScore
  return monthlyCount > 0 ? monthlySum / monthlyCount : null
}

/** The same rule over the scores entered per period key (`{ '2026-H1': 85, '2026-01': 70, ... }`). */
export function resolveSubdistrictScore(period: string, scoreByKey: Readonly<Record<string, number>>): number | null {
  const monthly = monthsOf(period)
    .map((month) => scoreOf(scoreByKey, month))
    .filter((s): s is number => s !== null)
  return subdistrictScoreOf(scoreOf(scoreByKey, period), monthly.reduce((a, b) => a + b, 0), monthly.length)
}

function scoreOf(scoreByKey: Readonly<Record<string, number>>, key: string): number | null {
  if (!Object.prototype.hasOwnProperty.call(scoreByKey, key)) return null
  const s = scoreByKey[key]
  return typeof s === 'number' && Number.isFinite(s) ? s : null
}

/** Pooled mean points of one party over all counted ratings of all workers in the scope (C). */
export function pooledMean(hists: ReadonlyArray<Readonly<LevelHistogram>>, levelPoints: Readonly<Settings['levelPoints']>): number | null {
  const n = hists.reduce((sum, h) => sum + countOf(h), 0)
  if (n === 0) return null
  return hists.reduce((sum, h) => sum + pointsOf(h, levelPoints), 0) / n
}

export interface PartyScores {
  residents: number | null
  recipients: number | null
  subdistrict: number | null
}

/**
 * Total = Σ weight × score / Σ weight over the parties present (DESIGN section 3). No party present
 * gives null. If the present parties all have weight 0 there is nothing to weigh, so null as well.
 */
export function threePartyTotal(scores: PartyScores, weights: Settings['weights']): number | null {
  let weighted = 0
  let weightSum = 0
  for (const party of ['residents', 'recipients', 'subdistrict'] as const) {
    const score = scores[party]
    if (score === null) continue
    weighted += weights[party] * score
    weightSum += weights[party]
  }
  return weightSum > EPSILON ? weighted / weightSum : null
}

/**
 * Flags of DESIGN section 3. A party with n = 0 is missing and gets only its NO_ flag, not FEW_ as
 * well: the worked example flags Y (no recipients) with NO_RECIPIENTS alone.
 */
export function flagsOf(nResidents: number, nRecipients: number, subdistrict: number | null, settings: Settings): Flag[] {
  const flags: Flag[] = []
  if (nResidents === 0) flags.push('NO_RESIDENTS')
  else if (nResidents < settings.minResidents) flags.push('FEW_RESIDENTS')
  if (nRecipients === 0) flags.push('NO_RECIPIENTS')
  else if (nRecipients < settings.minRecipients) flags.push('FEW_RECIPIENTS')
  if (subdistrict === null) flags.push('NO_SUBDISTRICT_SCORE')
  return flags
}

/** At most floor(quota × N) workers are 优秀; the epsilon keeps floor(0.29 × 100) at 29. */
export function excellentQuotaCount(excellentQuota: number, gradedCount: number): number {
  return Math.max(0, Math.floor(excellentQuota * gradedCount + EPSILON))
}

/** The grade of a worker who is not given 优秀. */
export function gradeBelowExcellent(total: number | null): Grade {
  if (total === null) return '未评定'
  if (total >= COMPETENT_MIN - EPSILON) return '称职'
  if (total >= BASIC_MIN - EPSILON) return '基本称职'
  return '不称职'
}

/** What the ranking looks at, unrounded. */
export interface RankedWorker {
  workerCode: string
  total: number | null
  residents: number | null
  subdistrict: number | null
}

/** Descending with missing last; values within EPSILON are a tie. */
function compareDesc(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return Math.abs(a - b) <= EPSILON ? 0 : b - a
}

/**
 * The ranking of DESIGN section 3: total desc, then residents score desc, then sub-district score
 * desc, then workerCode asc (code-unit order, the same in every runtime). Null totals go last.
 */
export function compareRanking(a: RankedWorker, b: RankedWorker): number {
  return (
    compareDesc(a.total, b.total) ||
    compareDesc(a.residents, b.residents) ||
    compareDesc(a.subdistrict, b.subdistrict) ||
    (a.workerCode < b.workerCode ? -1 : a.workerCode > b.workerCode ? 1 : 0)
  )
}

interface Scored extends RankedWorker {
  input: WorkerPeriodInput
  nResidents: number
  nRecipients: number
  recipients: number | null
  flags: Flag[]
}

/**
 * The three-party evaluation of one scope — one sub-district, one period — as DESIGN section 3.
 * Rows come back in ranking order, null totals last by workerCode.
 */
export function evaluate(inputs: ReadonlyArray<WorkerPeriodInput>, settings: Settings): EvaluationRow[] {
  const { levelPoints, priorWeight } = settings
  // C per party is pooled over the whole scope. It is only needed for a worker with n > 0, whose
  // ratings are in the pool, so the fallback 0 is never actually used.
  const priorResidents = pooledMean(inputs.map((w) => w.residents), levelPoints) ?? 0
  const priorRecipients = pooledMean(inputs.map((w) => w.recipients), levelPoints) ?? 0

  const scored: Scored[] = inputs.map((input) => {
    const nResidents = countOf(input.residents)
    const nRecipients = countOf(input.recipients)
    const scores: PartyScores = {
      residents: shrunkScore(pointsOf(input.residents, levelPoints), nResidents, priorResidents, priorWeight),
      recipients: shrunkScore(pointsOf(input.recipients, levelPoints), nRecipients, priorRecipients, priorWeight),
      subdistrict: input.subdistrictScore,
    }
    return {
      input,
      workerCode: input.workerCode,
      nResidents,
      nRecipients,
      ...scores,
      total: threePartyTotal(scores, settings.weights),
      flags: flagsOf(nResidents, nRecipients, input.subdistrictScore, settings),
    }
  })
  scored.sort(compareRanking)

  const graded = scored.filter((w) => w.total !== null).length
  let excellentLeft = excellentQuotaCount(settings.excellentQuota, graded)
  return scored.map((w) => {
    const eligible = w.total !== null && w.total >= settings.excellentMin - EPSILON && w.flags.length === 0
    // Walking in ranking order, the first eligible workers take the 优秀 places until none are left.
    const excellent = eligible && excellentLeft > 0
    if (excellent) excellentLeft -= 1
    return toRow(w, excellent ? '优秀' : gradeBelowExcellent(w.total))
  })
}

function toRow(w: Scored, grade: Grade): EvaluationRow {
  const round = (x: number) => roundHalfAwayFromZero(x, 1)
  return {
    workerCode: w.workerCode,
    name: w.input.name,
    community: w.input.community,
    residents: w.residents === null ? null : { n: w.nResidents, score: round(w.residents) },
    recipients: w.recipients === null ? null : { n: w.nRecipients, score: round(w.recipients) },
    subdistrict: w.subdistrict === null ? null : { score: round(w.subdistrict) },
    total: w.total === null ? null : round(w.total),
    grade,
    flags: w.flags,
  }
}

// The three-party evaluation, exactly as DESIGN section 3 ("Scoring — exact specification").
// Every score, total and decision is an exact fraction (./exact); only the values put into an
// EvaluationRow are rounded, from the exact value.
import {
  type Fraction,
  compareFractions,
  dividedBy,
  floorOf,
  fraction,
  fractionMeant,
  isZero,
  plus,
  roundTenths,
  tenthsOfSum,
  times,
} from './exact'
import { recipientCount, recipientPoints } from './recipients'
import { countOf, pointsOf } from './histograms'
import type { EvaluationRow, Flag, Grade, LevelHistogram, Settings, WorkerPeriodInput } from './types'

export { addHistograms, countOf, emptyHistogram, pointsOf } from './histograms'

/** Grade thresholds below 优秀 (DESIGN section 3: >= 70 称职, >= 60 基本称职). */
const COMPETENT_MIN = fraction(70)
const BASIC_MIN = fraction(60)

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

/** A score given as a number is read as the decimal it was entered as (88.1 is 881/10, not its binary value). */
function exactScore(score: number | Fraction): Fraction {
  return typeof score === 'number' ? fractionMeant(score) : score
}

/** Bayesian shrinkage toward the pooled mean C with prior weight m: (s + m·C) / (n + m); n = 0 → missing. */
export function shrunkScore(pointsSum: Fraction, n: number, priorMean: Fraction, priorWeight: Fraction): Fraction | null {
  if (n <= 0) return null
  return dividedBy(plus(pointsSum, times(priorWeight, priorMean)), plus(fraction(n), priorWeight))
}

/** What was entered for one period key: its own score, and the tally's rollup of its monthly scores. */
export interface EnteredScores {
  /** The score entered for the period key itself (a month, `YYYY-H1`, `YYYY`). */
  own: number | null
  /** Sum and number of the monthly scores entered in the period (a month's is its own score, once). */
  monthlySum: number
  monthlyCount: number
}

/**
 * The sub-district party D (DESIGN section 3), the one implementation of its fallback:
 * D(month) = the month's score; D(half-year) = its own score, else the mean of the monthly scores
 * entered in it; D(year) = its own score, else the mean of D(H1) and D(H2) over the halves that have
 * one (pass `halves` for a year); none of these: missing. Stores keep the monthly scores of a period
 * rolled up as a sum and a count, so a year reads one tally per worker and period, not twelve.
 */
export function subdistrictScoreOf(entered: EnteredScores, halves?: readonly EnteredScores[]): Fraction | null {
  if (entered.own !== null) return exactScore(entered.own)
  if (halves !== undefined) {
    const present = halves.map((half) => subdistrictScoreOf(half)).filter((d): d is Fraction => d !== null)
    return present.length === 0 ? null : dividedBy(present.reduce(plus), fraction(present.length))
  }
  return entered.monthlyCount > 0 ? dividedBy(tenthsOfSum(entered.monthlySum), fraction(entered.monthlyCount)) : null
}

/** Pooled mean points of one party over all counted ratings of all workers in the scope (C). */
export function pooledMean(hists: ReadonlyArray<Readonly<LevelHistogram>>, levelPoints: Readonly<Settings['levelPoints']>): Fraction | null {
  const n = hists.reduce((sum, h) => sum + countOf(h), 0)
  if (n === 0) return null
  return dividedBy(fractionMeant(hists.reduce((sum, h) => sum + pointsOf(h, levelPoints), 0)), fraction(n))
}

/**
 * C of the 服务对象 party: the people's mean points pooled over the scope — Σ s_S / Σ n_S, each person
 * counted once per worker and month with the mean of their levels (src/core/recipients.ts).
 */
export function pooledRecipientMean(inputs: ReadonlyArray<Pick<WorkerPeriodInput, 'recipients' | 'recipientGroups'>>, levelPoints: Readonly<Settings['levelPoints']>): Fraction | null {
  return pooledPeople(inputs.map((w) => recipientsOf(w, levelPoints)))
}

/** One worker's 服务对象 party: n_S people and s_S, their summed mean points (src/core/recipients.ts). */
interface RecipientParty {
  n: number
  points: Fraction
}

function recipientsOf(input: Pick<WorkerPeriodInput, 'recipients' | 'recipientGroups'>, levelPoints: Readonly<Settings['levelPoints']>): RecipientParty {
  return { n: recipientCount(input.recipients, input.recipientGroups), points: recipientPoints(input.recipients, input.recipientGroups, levelPoints) }
}

/** Σ s_S / Σ n_S over the workers' parties; null when nobody gave feedback. */
function pooledPeople(parties: readonly RecipientParty[]): Fraction | null {
  const n = parties.reduce((sum, party) => sum + party.n, 0)
  if (n === 0) return null
  return dividedBy(parties.reduce((sum, party) => plus(sum, party.points), fraction(0)), fraction(n))
}

export interface PartyScores {
  residents: Fraction | null
  recipients: Fraction | null
  subdistrict: Fraction | null
}

/**
 * Total = Σ weight × score / Σ weight over the parties present (DESIGN section 3), with each weight
 * read as the decimal it was set as (0.4 is 2/5). No party present gives null. If the present parties
 * all have weight 0 there is nothing to weigh, so null as well.
 */
export function threePartyTotal(scores: PartyScores, weights: Settings['weights']): Fraction | null {
  return weightedTotal(scores, weightsMeant(weights))
}

type PartyWeights = Record<keyof PartyScores, Fraction>

/** The weights as the decimals they were set as, read once for a whole evaluation. */
function weightsMeant(weights: Settings['weights']): PartyWeights {
  return { residents: fractionMeant(weights.residents), recipients: fractionMeant(weights.recipients), subdistrict: fractionMeant(weights.subdistrict) }
}

function weightedTotal(scores: PartyScores, weights: PartyWeights): Fraction | null {
  let weighted = fraction(0)
  let weightSum = fraction(0)
  for (const party of ['residents', 'recipients', 'subdistrict'] as const) {
    const score = scores[party]
    if (score === null) continue
    const weight = weights[party]
    weighted = plus(weighted, times(weight, score))
    weightSum = plus(weightSum, weight)
  }
  return isZero(weightSum) ? null : dividedBy(weighted, weightSum)
}

/**
 * Flags of DESIGN section 3. A party with n = 0 is missing and gets only its NO_ flag, not FEW_ as
 * well: the worked example flags Y (no recipients) with NO_RECIPIENTS alone.
 */
export function flagsOf(nResidents: number, nRecipients: number, subdistrict: Fraction | number | null, settings: Settings): Flag[] {
  const flags: Flag[] = []
  if (nResidents === 0) flags.push('NO_RESIDENTS')
  else if (nResidents < settings.minResidents) flags.push('FEW_RESIDENTS')
  if (nRecipients === 0) flags.push('NO_RECIPIENTS')
  else if (nRecipients < settings.minRecipients) flags.push('FEW_RECIPIENTS')
  if (subdistrict === null) flags.push('NO_SUBDISTRICT_SCORE')
  return flags
}

/** At most floor(quota × N) workers are 优秀, with the quota read as the decimal set: floor(0.29 × 100) is 29. */
export function excellentQuotaCount(excellentQuota: number, gradedCount: number): number {
  return Math.max(0, floorOf(times(fractionMeant(excellentQuota), fraction(gradedCount))))
}

/** The grade of a worker who is not given 优秀; the thresholds compare the exact total (70 is 称职, 69.9 is not). */
export function gradeBelowExcellent(total: Fraction | null): Grade {
  if (total === null) return '未评定'
  if (compareFractions(total, COMPETENT_MIN) >= 0) return '称职'
  if (compareFractions(total, BASIC_MIN) >= 0) return '基本称职'
  return '不称职'
}

/** What the ranking looks at, exact. */
export interface RankedWorker {
  workerCode: string
  total: Fraction | null
  residents: Fraction | null
  subdistrict: Fraction | null
}

/** Descending with missing last; only equal values are a tie. */
function compareDesc(a: Fraction | null, b: Fraction | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return compareFractions(b, a)
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
  recipients: Fraction | null
  flags: Flag[]
}

/** An evaluation's rows, and each worker's total before rounding (what the annual assessment takes). */
export interface ExactEvaluation {
  rows: EvaluationRow[]
  /** By workerCode; absent where the total is null. */
  exactTotals: ReadonlyMap<string, Fraction>
}

/**
 * The three-party evaluation of one scope — one sub-district, one period — as DESIGN section 3.
 * Rows come back in ranking order, null totals last by workerCode.
 */
export function evaluate(inputs: ReadonlyArray<WorkerPeriodInput>, settings: Settings): EvaluationRow[] {
  return evaluateExactly(inputs, settings).rows
}

/** evaluate(), keeping each total exact beside its row: computation keeps full precision (DESIGN section 3). */
export function evaluateExactly(inputs: ReadonlyArray<WorkerPeriodInput>, settings: Settings): ExactEvaluation {
  const { levelPoints } = settings
  const priorWeight = fractionMeant(settings.priorWeight)
  // C per party is pooled over the whole scope. It is only needed for a worker with n > 0, whose
  // ratings are in the pool, so the fallback 0 is never actually used.
  const priorResidents = pooledMean(inputs.map((w) => w.residents), levelPoints) ?? fraction(0)
  // Each worker's people and points are counted once, for the pool and for the worker's own score.
  const recipientParties = inputs.map((w) => recipientsOf(w, levelPoints))
  const priorRecipients = pooledPeople(recipientParties) ?? fraction(0)
  const weights = weightsMeant(settings.weights)

  const scored: Scored[] = inputs.map((input, i) => {
    const nResidents = countOf(input.residents)
    const { n: nRecipients, points: recipientPointsSum } = recipientParties[i]
    const scores: PartyScores = {
      residents: shrunkScore(fractionMeant(pointsOf(input.residents, levelPoints)), nResidents, priorResidents, priorWeight),
      recipients: shrunkScore(recipientPointsSum, nRecipients, priorRecipients, priorWeight),
      subdistrict: input.subdistrictScore === null ? null : exactScore(input.subdistrictScore),
    }
    return {
      input,
      workerCode: input.workerCode,
      nResidents,
      nRecipients,
      ...scores,
      total: weightedTotal(scores, weights),
      flags: flagsOf(nResidents, nRecipients, input.subdistrictScore, settings),
    }
  })
  scored.sort(compareRanking)

  const graded = scored.filter((w) => w.total !== null).length
  let excellentLeft = excellentQuotaCount(settings.excellentQuota, graded)
  const excellentMin = fractionMeant(settings.excellentMin)
  const rows = scored.map((w) => {
    const eligible = w.total !== null && compareFractions(w.total, excellentMin) >= 0 && w.flags.length === 0
    // Walking in ranking order, the first eligible workers take the 优秀 places until none are left.
    const excellent = eligible && excellentLeft > 0
    if (excellent) excellentLeft -= 1
    return toRow(w, excellent ? '优秀' : gradeBelowExcellent(w.total))
  })
  const exactTotals = new Map<string, Fraction>()
  for (const w of scored) if (w.total !== null) exactTotals.set(w.workerCode, w.total)
  return { rows, exactTotals }
}

function toRow(w: Scored, grade: Grade): EvaluationRow {
  const round = roundTenths
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

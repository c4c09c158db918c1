// The 服务对象 party counts people, not visits (trust rule 5): each visit still gets its own feedback
// (一事一评), but one person's feedback on one worker in one month counts once, as the mean of their
// levels that month. A half-year or a year is the union of its months, so a person counts once in each
// month they gave feedback in.
//
// Kept as integer histograms, so the stores can move them with plain increments and roll months up by
// addition: `single` (a tally's `recipients`) holds the levels of the people who gave exactly ONE
// feedback that month; `groups[k]`, for k >= 2, the summed levels of the people who gave exactly k.
// Then n = |single| + Σ |groups[k]| / k (an integer: each such person put k levels in) and
// s = points(single) + Σ points(groups[k]) / k (an exact fraction).
import { type Fraction, dividedBy, fraction, fractionMeant, plus } from './exact'
import { addHistograms, countOf as sizeOf, pointsOf } from './histograms'
import type { LevelHistogram, RecipientGroups, Settings } from './types'

const ZERO: LevelHistogram = [0, 0, 0, 0, 0]

const isEmpty = (hist: Readonly<LevelHistogram>) => hist.every((n) => n === 0)

/** The groups' entries as [k, summed levels], k >= 2. */
function groupEntries(groups: Readonly<RecipientGroups> | undefined): Array<[number, LevelHistogram]> {
  return Object.entries(groups ?? {}).map(([k, hist]) => [Number(k), hist])
}

/** n_S: the number of people who gave feedback (each person once per month). */
export function recipientCount(single: Readonly<LevelHistogram>, groups?: Readonly<RecipientGroups>): number {
  return groupEntries(groups).reduce((n, [k, hist]) => n + sizeOf(hist) / k, sizeOf(single))
}

/** s_S: the sum over people of the mean points of their levels, exact. */
export function recipientPoints(single: Readonly<LevelHistogram>, groups: Readonly<RecipientGroups> | undefined, levelPoints: Readonly<Settings['levelPoints']>): Fraction {
  return groupEntries(groups).reduce(
    (s, [k, hist]) => plus(s, dividedBy(fractionMeant(pointsOf(hist, levelPoints)), fraction(k))),
    fractionMeant(pointsOf(single, levelPoints)),
  )
}

/** Sums of two sets of groups (totals or deltas); a group that sums to nothing is left out. */
export function addGroups(a: Readonly<RecipientGroups> | undefined, b: Readonly<RecipientGroups> | undefined): RecipientGroups {
  const sum: RecipientGroups = {}
  for (const [k, hist] of [...groupEntries(a), ...groupEntries(b)]) {
    sum[k] = addHistograms(sum[k] ?? ZERO, hist)
  }
  for (const [k, hist] of groupEntries(sum)) if (isEmpty(hist)) delete sum[k]
  return sum
}

/** A person's part of one worker's month, as deltas on `single` and on the groups. */
export interface RecipientCounts {
  single: LevelHistogram
  groups: RecipientGroups
}

/** Where one person's levels that month count: in `single` for one feedback, in group k for k of them. */
function placed(levels: Readonly<LevelHistogram>, sign: 1 | -1): RecipientCounts {
  const k = sizeOf(levels)
  const signed = levels.map((n) => sign * n) as LevelHistogram
  if (k === 0) return { single: [...ZERO], groups: {} }
  return k === 1 ? { single: signed, groups: {} } : { single: [...ZERO], groups: { [k]: signed } }
}

/**
 * How a person's levels that month moving from `before` to `after` (one feedback more, or one excluded)
 * move the counts: `before` leaves its group, `after` joins its own. All integer deltas.
 */
export function personMove(before: Readonly<LevelHistogram>, after: Readonly<LevelHistogram>): RecipientCounts {
  const out = placed(before, -1)
  const into = placed(after, 1)
  return {
    single: addHistograms(out.single, into.single),
    groups: addGroups(out.groups, into.groups),
  }
}

/** The counts of one worker's month from each person's levels that month (bulk loads and recounts). */
export function groupByPerson(people: Iterable<Readonly<LevelHistogram>>): RecipientCounts {
  let counts: RecipientCounts = { single: [...ZERO], groups: {} }
  for (const levels of people) {
    const part = placed(levels, 1)
    counts = { single: counts.single.map((n, i) => n + part.single[i]) as LevelHistogram, groups: addGroups(counts.groups, part.groups) }
  }
  return counts
}

/** Each person's level histogram, from (person, level) pairs of one worker's month. */
export function levelsByPerson(feedback: Iterable<{ openid: string; level: number }>): Map<string, LevelHistogram> {
  const people = new Map<string, LevelHistogram>()
  for (const f of feedback) {
    const levels = people.get(f.openid) ?? [0, 0, 0, 0, 0]
    levels[f.level - 1] += 1
    people.set(f.openid, levels)
  }
  return people
}

/** One worker's month of counted feedback: a record of it (for its worker and month), each person's levels, the counts. */
export interface RecipientMonth<F> {
  first: F
  people: Map<string, LevelHistogram>
  counts: RecipientCounts
}

/** Counted feedback of any workers and months, counted by person within each worker's month (bulk loads, recounts). */
export function recipientMonths<F extends { workerCode: string; month: string; openid: string; level: number }>(feedback: Iterable<F>): Array<RecipientMonth<F>> {
  const byMonth = new Map<string, F[]>()
  for (const f of feedback) {
    const key = `${f.workerCode}\u0000${f.month}`
    const list = byMonth.get(key)
    if (list === undefined) byMonth.set(key, [f])
    else list.push(f)
  }
  return [...byMonth.values()].map((list) => {
    const people = levelsByPerson(list)
    return { first: list[0], people, counts: groupByPerson(people.values()) }
  })
}

/** A person's levels with one feedback of `level` more (`by` 1) or fewer (`by` -1, an exclusion). */
export function withLevel(levels: Readonly<LevelHistogram>, level: number, by: 1 | -1): LevelHistogram {
  return levels.map((n, i) => (i === level - 1 ? n + by : n)) as LevelHistogram
}

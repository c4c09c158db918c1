// How each write moves the tallies of its month, half-year and year — the one rule both stores apply
// (CloudStore with `_.inc`, SqliteStore with `n = n + ?`) in the same transaction as the write itself.
import { personMove } from './recipients'
import type { PeriodCounts } from './tallies'
import type { Level, LevelHistogram, RecipientGroups } from './types'

/** Level counts as named fields (`n3` is level 3), the shape of a tally document's histograms. */
export interface LevelCounts {
  n1: number
  n2: number
  n3: number
  n4: number
  n5: number
}

/** Deltas for each tally of the month; absent or zero fields are left alone. */
export interface TallyChange {
  residents?: Partial<LevelCounts>
  /** The people who gave one feedback that month (src/core/recipients.ts). */
  recipients?: Partial<LevelCounts>
  /** The people who gave k >= 2, by k. */
  recipientGroups?: Record<number, Partial<LevelCounts>>
  monthlyScoreSum?: number
  monthlyScoreCount?: number
}

/** A new rating or feedback: +1 on its level. */
export function addedLevel(level: Level): Partial<LevelCounts> {
  return { [`n${level}`]: 1 }
}

/**
 * A re-rate in the same month: -1 on the level it replaces, +1 on the new one — the rater is still
 * counted once. Null when the level is unchanged: nothing moves.
 */
export function movedLevel(from: Level, to: Level): Partial<LevelCounts> | null {
  return from === to ? null : { [`n${from}`]: -1, [`n${to}`]: 1 }
}

/** A histogram as named level counts, and back (absent counts are 0). */
export function levelCountsOf(hist: Readonly<LevelHistogram>): LevelCounts {
  return { n1: hist[0], n2: hist[1], n3: hist[2], n4: hist[3], n5: hist[4] }
}

export function histogramOf(c: Partial<LevelCounts> | undefined): LevelHistogram {
  return [c?.n1 ?? 0, c?.n2 ?? 0, c?.n3 ?? 0, c?.n4 ?? 0, c?.n5 ?? 0]
}

/**
 * A person's counted levels on the worker that month going from `before` to `after` (a feedback more,
 * or one excluded): they leave the group of their old number of feedbacks and join the new one, so
 * they still count once (src/core/recipients.ts). Integer deltas only.
 */
export function personChange(before: Readonly<LevelHistogram>, after: Readonly<LevelHistogram>): TallyChange {
  const move = personMove(before, after)
  const groups = Object.entries(move.groups).map(([k, hist]) => [Number(k), levelCountsOf(hist)] as const)
  return {
    recipients: levelCountsOf(move.single),
    ...(groups.length === 0 ? {} : { recipientGroups: Object.fromEntries(groups) }),
  }
}

/**
 * A monthly sub-district score: the sum moves by (new - old) and the count by one only for the month's
 * first score, so the rollup stays "sum and number of the scores entered". Null when nothing moves.
 */
export function monthlyScoreChange(score: number, previous: number | null): TallyChange | null {
  if (previous === null) return { monthlyScoreSum: score, monthlyScoreCount: 1 }
  return previous === score ? null : { monthlyScoreSum: score - previous }
}

/** The change as a period's counts (deltas; absent fields are 0), for rollUpMonths. */
export function countsOfChange(change: TallyChange): PeriodCounts {
  const groups: RecipientGroups = {}
  for (const [k, counts] of Object.entries(change.recipientGroups ?? {})) groups[Number(k)] = histogramOf(counts)
  return {
    residents: histogramOf(change.residents),
    recipients: histogramOf(change.recipients),
    recipientGroups: groups,
    monthlyScoreSum: change.monthlyScoreSum ?? 0,
    monthlyScoreCount: change.monthlyScoreCount ?? 0,
  }
}

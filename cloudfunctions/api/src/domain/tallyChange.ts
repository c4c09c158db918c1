// How each write moves the tallies of its month, half-year and year — the one rule both stores apply
// (CloudStore with `_.inc`, SqliteStore with `n = n + ?`) in the same transaction as the write itself.
import type { PeriodCounts } from '../../../../src/core/tallies'
import type { Level, LevelHistogram } from '../../../../src/core/types'

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
  recipients?: Partial<LevelCounts>
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
  const histogram = (c: Partial<LevelCounts> | undefined): LevelHistogram => [c?.n1 ?? 0, c?.n2 ?? 0, c?.n3 ?? 0, c?.n4 ?? 0, c?.n5 ?? 0]
  return {
    residents: histogram(change.residents),
    recipients: histogram(change.recipients),
    monthlyScoreSum: change.monthlyScoreSum ?? 0,
    monthlyScoreCount: change.monthlyScoreCount ?? 0,
  }
}

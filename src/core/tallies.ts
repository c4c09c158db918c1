// Tallies: what an evaluation reads instead of the ratings (DESIGN section 4). A month's counts are
// kept per worker; a half-year and a year are unions of months (DESIGN section 3), so their counts are
// the sums of their months' counts. This file is the one place that spreads months onto the periods
// they count in — both stores and the scale seeders go through it.
import { addHistograms } from './histograms'
import { periodsOfMonth } from './periods'
import { addGroups } from './recipients'
import type { LevelHistogram, RecipientGroups } from './types'

/** One worker's counts for one period. */
export interface PeriodCounts {
  /** Resident ratings per level 1..5 (index 0 is level 1). */
  residents: LevelHistogram
  /** Feedback per level 1..5 of the people who gave one that month (src/core/recipients.ts). */
  recipients: LevelHistogram
  /** The people who gave k >= 2 that month: their summed levels, by k (src/core/recipients.ts). */
  recipientGroups: RecipientGroups
  /** Sum and number of the monthly sub-district scores entered for the period's months. */
  monthlyScoreSum: number
  monthlyScoreCount: number
}

export function emptyCounts(): PeriodCounts {
  return { residents: [0, 0, 0, 0, 0], recipients: [0, 0, 0, 0, 0], recipientGroups: {}, monthlyScoreSum: 0, monthlyScoreCount: 0 }
}

export function addCounts(a: PeriodCounts, b: PeriodCounts): PeriodCounts {
  return {
    residents: addHistograms(a.residents, b.residents),
    recipients: addHistograms(a.recipients, b.recipients),
    recipientGroups: addGroups(a.recipientGroups, b.recipientGroups),
    monthlyScoreSum: a.monthlyScoreSum + b.monthlyScoreSum,
    monthlyScoreCount: a.monthlyScoreCount + b.monthlyScoreCount,
  }
}

/**
 * The counts of every period the given months count in: each month in itself, its half-year and its
 * year, each period the sum of its months. Works as well on deltas (a re-rate's -1/+1) as on totals.
 * A month given twice is added twice.
 */
export function rollUpMonths(months: Iterable<readonly [month: string, counts: PeriodCounts]>): Map<string, PeriodCounts> {
  const periods = new Map<string, PeriodCounts>()
  for (const [month, counts] of months) {
    for (const period of periodsOfMonth(month)) {
      periods.set(period, addCounts(periods.get(period) ?? emptyCounts(), counts))
    }
  }
  return periods
}

/** Counts as a stored tally carries them: `recipientGroups` only when someone gave more than one feedback. */
export function tallyCounts(counts: PeriodCounts): Omit<PeriodCounts, 'recipientGroups'> & { recipientGroups?: RecipientGroups } {
  const { recipientGroups, ...rest } = counts
  return Object.keys(recipientGroups).length === 0 ? rest : { ...rest, recipientGroups }
}

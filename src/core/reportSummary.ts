// The pilot's half-year report around the evaluation rows: how many workers, their
// average grid time against the target (the 5 of 3456), the grade distribution and the 优秀 quota in
// words. One implementation for the page (report.get) and the spreadsheet (report.export).
import { fraction, roundTenths } from './exact'
import { roundHalfAwayFromZero } from './scoring'
import { excellentQuotaCount } from './scoring'
import { GRADE_ORDER } from './flags'
import type { Grade, Settings } from './types'

/** Ratios (grid time) are reported to 0.001, i.e. a tenth of a percent, half away from zero. */
export const RATIO_DIGITS = 3

export function roundRatio(ratio: number | null): number | null {
  return ratio === null ? null : roundHalfAwayFromZero(ratio, RATIO_DIGITS)
}

/**
 * Mean of the workers' grid-time ratios, over the workers who have one (a period with no working day
 * yet has none), computed from the unrounded ratios and then rounded to 0.001; none: null.
 */
export function averageRatio(ratios: ReadonlyArray<number | null>): number | null {
  const present = ratios.filter((ratio): ratio is number => ratio !== null)
  if (present.length === 0) return null
  return roundRatio(present.reduce((sum, ratio) => sum + ratio, 0) / present.length)
}

/** Workers per grade, every grade present (0 when nobody has it). */
export function gradeCounts(grades: ReadonlyArray<Grade>): Record<Grade, number> {
  const counts = Object.fromEntries(GRADE_ORDER.map((grade) => [grade, 0])) as Record<Grade, number>
  for (const grade of grades) counts[grade] += 1
  return counts
}

/**
 * Mean of the graded workers' totals (each to one decimal, as shown), to one decimal half away from zero;
 * none graded: null. Exact: the totals are whole tenths, summed as integers, so no binary noise decides a
 * half ((87.4 + 71.9) / 2 = 79.65 gives 79.7).
 */
export function averageTotal(totals: ReadonlyArray<number | null>): number | null {
  const tenths = totals.filter((total): total is number => total !== null).map((total) => Math.round(total * 10))
  if (tenths.length === 0) return null
  return roundTenths(fraction(tenths.reduce((sum, t) => sum + t, 0), 10 * tenths.length))
}

/** What the summary above a report counts, from the workers' rows: one implementation for a report and the city view. */
export interface RowsSummary {
  workers: number
  /** Mean of the workers' grid-time ratios (averageRatio); null when no worker has one. */
  avgGridTimeRatio: number | null
  grades: Record<Grade, number>
}

export function rowsSummary(rows: ReadonlyArray<{ grade: Grade; gridTimeRatio: number | null }>): RowsSummary {
  return {
    workers: rows.length,
    avgGridTimeRatio: averageRatio(rows.map((row) => row.gridTimeRatio)),
    grades: gradeCounts(rows.map((row) => row.grade)),
  }
}

export interface GradeShare {
  grade: Grade
  count: number
  /** count / workers, 0..1, rounded to 0.001; 0 when there are no workers. */
  share: number
}

/** The grade distribution, best grade first: the one place shares are computed (page and export). */
export function gradeShares(grades: Readonly<Record<Grade, number>>): GradeShare[] {
  const workers = GRADE_ORDER.reduce((sum, grade) => sum + grades[grade], 0)
  return GRADE_ORDER.map((grade) => ({
    grade,
    count: grades[grade],
    share: workers === 0 ? 0 : roundHalfAwayFromZero(grades[grade] / workers, RATIO_DIGITS),
  }))
}

/** A share as a clerk reads it: 0.2 → “20%”, 0.667 → “66.7%”. */
export function percentText(share: number): string {
  return `${roundHalfAwayFromZero(share * 100, 1)}%`
}

/**
 * The quota in words, from the settings the evaluation used and the number of graded workers N of the
 * sub-district (the quota's scope, DESIGN section 3): “优秀不超过参评人数的 20%（本期参评 30 人，最多 6 人）”.
 */
export function quotaNote(settings: Pick<Settings, 'excellentQuota' | 'excellentMin'>, graded: number): string {
  const most = excellentQuotaCount(settings.excellentQuota, graded)
  return `优秀不超过参评人数的 ${percentText(settings.excellentQuota)}（本期参评 ${graded} 人，最多 ${most} 人），且总分不低于 ${settings.excellentMin} 分、没有提示项`
}

/** Rule 5 in words, with the target of the settings used: “在网格时间不少于工作时间的 50%”. */
export function gridTimeRuleText(target: number): string {
  return `在网格时间不少于工作时间的 ${percentText(target)}`
}

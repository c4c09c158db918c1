// What a report is: the evaluation of a sub-district (or one of its communities) for a
// month, a half-year or a year, with the pilot's half-year summary around it. The same object is the
// page (report.get) and the spreadsheet (report.export), so the two cannot show different numbers.
import type { EvaluationRow, Grade } from './types'
import type { HallSpread } from './hallSpread'

export type ReportKind = 'month' | 'halfyear' | 'year'

/** The annual assessment of a worker (the 6): both parts and the result (DESIGN section 3). */
export interface AnnualParts {
  /** The year's three-party total (rounded to one decimal), null when the worker has none. */
  yearTotal: number | null
  /** The sub-district's year-end review score; null: NO_YEAR_END. */
  yearEnd: number | null
  annual: number | null
}

/**
 * A worker's row of a sub-district's evaluation with what a report needs besides the scores, as the
 * nightly snapshot keeps it: none of it can change once the period is closed (but a dropped snapshot).
 */
export interface EvaluatedRow extends EvaluationRow {
  communityId: string
  /**
   * Grid-time ratio of the period (src/core/gridTime.ts), unrounded, so the report's average is taken
   * from exact ratios (snapshots taken before kept it rounded to 0.001); null: no working days.
   */
  gridTimeRatio: number | null
  /** Whole days on hall duty in the period up to the evaluation (the rota); absent in evaluations taken before they were kept. */
  hallDays?: number
  /** Year evaluations only. */
  annual?: AnnualParts
}

export interface ReportRow extends EvaluationRow {
  /** 1-based place in the grading order (total desc, then residents, sub-district, worker code); null total: null. */
  rank: number | null
  /** The worker's grid-time ratio for the period (logged minutes / working minutes), 0..1 and beyond, to 0.001; null: no working days. */
  gridTimeRatio: number | null
  /** Whole days on duty at the community's service hall in the period (大厅值班 x 天, beside grid time); null: the evaluation was taken before hall days were kept. */
  hallDays: number | null
  /** Each flag of `flags` in plain Chinese, with the thresholds of the settings the report used. */
  flagTexts: string[]
  /** Year reports only. */
  annual?: AnnualParts
}

/** One month of a worker's trend (report.trend): the month's evaluation of their sub-district, their row in it. */
export interface TrendMonth {
  /** `YYYY-MM`. */
  period: string
  /** null: no party rated or scored the worker that month (or they did not take part). */
  total: number | null
  grade: Grade
  /** Place among the sub-district's graded workers of the month; null when ungraded. */
  rank: number | null
  /** How many workers of the sub-district were graded that month. */
  graded: number
  /** Set when the month is read from its nightly snapshot. */
  snapshotAt?: string
  /** The month is still running: its grade is 暂定. */
  provisional: boolean
}

/** A worker's totals and grades over the last TREND months, oldest first (the current month last, so far). */
export interface WorkerTrend {
  workerCode: string
  name: string
  community: string
  subdistrictName: string
  months: TrendMonth[]
}

export interface Report {
  kind: ReportKind
  period: string
  subdistrictId: string
  subdistrictName: string
  /** Set when the report covers one community of the sub-district. */
  communityId?: string
  communityName?: string
  /** The communities of the sub-district's evaluation, for a filter (the whole list, also in a community report). */
  communities: Array<{ id: string; name: string }>
  /** Number of workers in the report. */
  workers: number
  /** Mean of the workers' grid-time ratios; null when no worker has one. */
  avgGridTimeRatio: number | null
  /** The grid-time target of the settings used (rule 5). */
  gridTimeTarget: number
  /** Per community of the report with hall duty in the period: the most and fewest hall days per worker (hallSpread.ts). */
  hallSpread: HallSpread[]
  /** The daily share of the settings used (the 6: annual = dailyShare × year total + (1 − dailyShare) × year-end). */
  dailyShare: number
  grades: Record<Grade, number>
  rows: ReportRow[]
  /** The settings version the evaluation used. */
  settingsVersion: number
  /** The 优秀 quota in words, from the settings used (e.g. “优秀不超过参评人数的 20%，本期最多 6 人”). */
  quotaNote: string
  /** When the evaluation was taken, if the report reads the nightly snapshot of a closed period. */
  snapshotAt?: string
  /** The period is still running: its grades are 暂定 (src/core/provisional.ts). */
  provisional: boolean
}

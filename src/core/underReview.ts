// Flagged ratings keep counting until staff decide (trust rule 8); meanwhile the evaluation row carries
// UNDER_REVIEW. The flag is added to rows evaluate() has already graded, so it can change no score, no
// grade and no 优秀 eligibility (which would otherwise exclude any flagged row).
import { monthsOf } from './periods'
import type { EvaluationRow } from './types'

/** The rows with UNDER_REVIEW added for each worker with an open review item of a month in `period`. */
export function markUnderReview<R extends EvaluationRow>(rows: R[], period: string, openItems: ReadonlyArray<{ workerCode: string; month: string }>): R[] {
  const months = new Set(monthsOf(period))
  const workers = new Set(openItems.filter((item) => months.has(item.month)).map((item) => item.workerCode))
  return rows.map((row) => (workers.has(row.workerCode) && !row.flags.includes('UNDER_REVIEW') ? { ...row, flags: [...row.flags, 'UNDER_REVIEW'] } : row))
}

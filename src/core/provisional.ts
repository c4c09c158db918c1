// What a clerk must not take for final. A period still running is provisional: one rating can move a
// worker from 称职 to 不称职 and back before the month ends, so its grades read 暂定 wherever they
// appear (evaluation, reports, export, trend). And a party's score from fewer than 5 ratings says little
// about the worker: it is marked 样本不足 beside the score (the grade rules keep their own flags,
// FEW_RESIDENTS and FEW_RECIPIENTS, with the settings' minimums).
import { periodIsClosed } from './periods'
import type { Grade } from './types'

/** Below this many ratings a party's score is marked 样本不足. */
export const SMALL_SAMPLE_N = 5

export const PROVISIONAL_WORD = '暂定'
export const SMALL_SAMPLE_WORD = '样本不足'

/** A period whose evaluation can still change with every rating: it has not closed yet (China time). */
export function isProvisional(period: string, now: Date): boolean {
  return !periodIsClosed(period, now)
}

/** A party with ratings, but fewer than SMALL_SAMPLE_N of them. */
export function isSmallSample(party: { n: number } | null | undefined): boolean {
  return party != null && party.n > 0 && party.n < SMALL_SAMPLE_N
}

/** A grade as a cell or a line reads it: 称职, or 称职（暂定） while the period runs (未评定 needs no mark). */
export function gradeWords(grade: Grade, provisional: boolean): string {
  return provisional && grade !== '未评定' ? `${grade}（${PROVISIONAL_WORD}）` : grade
}

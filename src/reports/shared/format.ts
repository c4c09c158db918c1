// How report numbers read on the page (the export writes the same values).
import { chinaMinute } from '../../core/fieldSessions'
import { percentText } from '../../core/reportSummary'
import type { Grade } from '../../core/types'

/** Scores to one decimal, as computed (87 → “87.0”); missing: “暂无”. */
export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined ? '暂无' : score.toFixed(1)
}

/** A ratio as a percent with at most one decimal (0.67 → “67%”); missing: “暂无”. */
export function ratioText(ratio: number | null): string {
  return ratio === null ? '暂无' : percentText(ratio)
}

/** In a column of ratios, always one decimal so the column lines up (0.53 → “53.0%”). */
export function ratioCell(ratio: number | null): string {
  return ratio === null ? '暂无' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`
}

/** When a snapshot was taken, China time: “2026-07-01 02:00”. */
export function takenText(iso: string): string {
  return chinaMinute(iso)
}

export const GRADE_CLASS: Record<Grade, string> = {
  优秀: 'excellent',
  称职: 'competent',
  基本称职: 'basic',
  不称职: 'poor',
  未评定: 'none',
}

import type { EvaluationRow } from '../../core/types'

/** One line a clerk reads first: how many workers, how many 优秀, how many still without a total. */
export function evaluationSummary(rows: EvaluationRow[]): string {
  const excellent = rows.filter((row) => row.grade === '优秀').length
  const ungraded = rows.filter((row) => row.grade === '未评定').length
  const parts = [`共 ${rows.length} 名工作者`, `优秀 ${excellent} 名`]
  if (ungraded > 0) parts.push(`未评定 ${ungraded} 名`)
  return parts.join('，')
}

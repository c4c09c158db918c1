import type { EvaluationRow } from '../../core/types'

/**
 * One line a clerk reads first: how many workers, how many 优秀 and 不称职, how many still without a
 * total. A running period's grades are 暂定, and the line says so.
 */
export function evaluationSummary(rows: EvaluationRow[], provisional: boolean): string {
  const count = (grade: EvaluationRow['grade']) => rows.filter((row) => row.grade === grade).length
  const parts = [`共 ${rows.length} 名工作者`, `优秀 ${count('优秀')} 名`, `不称职 ${count('不称职')} 名`]
  const ungraded = count('未评定')
  if (ungraded > 0) parts.push(`未评定 ${ungraded} 名`)
  return `${parts.join('，')}${provisional ? '（暂定）' : ''}`
}

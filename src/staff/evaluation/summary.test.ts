import type { EvaluationRow, Grade } from '../../core/types'
import { evaluationSummary } from './summary'

const row = (workerCode: string, grade: Grade): EvaluationRow => ({
  workerCode, name: workerCode, community: '银泉社区', residents: null, recipients: null, subdistrict: null, total: grade === '未评定' ? null : 50, grade, flags: [],
})

it('counts 优秀, 不称职 and 未评定, and says a running period is 暂定', () => {
  const rows = [row('A', '优秀'), row('B', '称职'), row('C', '不称职'), row('D', '不称职'), row('E', '未评定')]
  expect(evaluationSummary(rows, false)).toBe('共 5 名工作者，优秀 1 名，不称职 2 名，未评定 1 名')
  expect(evaluationSummary(rows.slice(0, 3), true)).toBe('共 3 名工作者，优秀 1 名，不称职 1 名（暂定）')
})

// A report from a sub-district's evaluation: ranks and grades stay the sub-district's, a community
// report counts only its own workers, the annual parts and flag texts use the settings the evaluation used.
import { annualScore } from './annual'
import { assembleReport, latestClosedPeriod, reportKindOf } from './reportBuild'
import type { EvaluatedRow } from './reports'
import { DEFAULT_SETTINGS } from './settings'
import type { Grade } from './types'

function row(workerCode: string, communityId: string, total: number | null, grade: Grade, gridTimeRatio: number | null): EvaluatedRow {
  return {
    workerCode,
    name: `工作者${workerCode}`,
    community: communityId === 'c-a' ? '银泉社区' : '青龙社区',
    communityId,
    residents: total === null ? null : { n: 6, score: total },
    recipients: null,
    subdistrict: null,
    total,
    grade,
    flags: total === null ? ['NO_RESIDENTS', 'NO_RECIPIENTS', 'NO_SUBDISTRICT_SCORE'] : [],
    gridTimeRatio,
  }
}

// In ranking order, as the evaluation gives them.
const ROWS: EvaluatedRow[] = [
  row('W1', 'c-a', 95, '优秀', 0.7),
  row('W2', 'c-b', 88, '称职', 0.6),
  row('W3', 'c-a', 65, '基本称职', 0.5),
  row('W4', 'c-b', null, '未评定', null),
]

const source = { kind: 'halfyear' as const, period: '2026-H1', subdistrict: { id: 'sd', name: '浮山办事处' }, rows: ROWS, settings: DEFAULT_SETTINGS, settingsVersion: 3, provisional: false }

it('tells the report kind of a period key', () => {
  expect(['2026-03', '2026-H2', '2026'].map(reportKindOf)).toEqual(['month', 'halfyear', 'year'])
})

it('ranks the graded workers 1, 2, 3 and leaves the ungraded without a place', () => {
  const report = assembleReport(source)
  expect(report.rows.map((r) => r.rank)).toEqual([1, 2, 3, null])
  expect(report.workers).toBe(4)
  expect(report.grades).toEqual({ 优秀: 1, 称职: 1, 基本称职: 1, 不称职: 0, 未评定: 1 })
  // (0.7 + 0.6 + 0.5) / 3 = 0.6; W4 has no ratio
  expect(report.avgGridTimeRatio).toBe(0.6)
  expect(report.gridTimeTarget).toBe(0.5)
  expect(report.settingsVersion).toBe(3)
  // 3 graded of 4: floor(0.2 × 3) = 0
  expect(report.quotaNote).toContain('本期参评 3 人，最多 0 人')
  expect(report.snapshotAt).toBeUndefined()
})

it('averages the unrounded grid-time ratios and rounds each row for display', () => {
  // A month of 21 working days is 10080 minutes. 6756 / 10080 = 0.67024 (shown 67.0%), 6761 / 10080 =
  // 0.67073 (shown 67.1%). Their mean is 6758.5 / 10080 = 0.670486 -> 0.670; the mean of the shown
  // values would be 0.6705 -> 0.671.
  const rows = [row('W1', 'c-a', 80, '称职', 6756 / 10080), row('W2', 'c-a', 75, '称职', 6761 / 10080)]
  const report = assembleReport({ ...source, rows })
  expect(report.rows.map((r) => r.gridTimeRatio)).toEqual([0.67, 0.671])
  expect(report.avgGridTimeRatio).toBe(0.67)
})

it('cuts a community report down to its workers, keeping their sub-district ranks and grades', () => {
  const report = assembleReport({ ...source, community: { id: 'c-a', name: '银泉社区' } })
  expect(report.rows.map((r) => [r.workerCode, r.rank, r.grade])).toEqual([
    ['W1', 1, '优秀'],
    ['W3', 3, '基本称职'],
  ])
  expect(report.workers).toBe(2)
  expect(report.grades).toEqual({ 优秀: 1, 称职: 0, 基本称职: 1, 不称职: 0, 未评定: 0 })
  // (0.7 + 0.5) / 2 = 0.6
  expect(report.avgGridTimeRatio).toBe(0.6)
  expect(report).toMatchObject({ communityId: 'c-a', communityName: '银泉社区' })
  // The filter still offers every community of the sub-district.
  expect(report.communities.map((c) => c.id).sort()).toEqual(['c-a', 'c-b'])
  // The quota is still the sub-district's: 3 graded there.
  expect(report.quotaNote).toContain('本期参评 3 人')
  expect(report.quotaNote).toContain('名额按全街道计算')
})

it('explains flags with the thresholds of the settings used, not the defaults', () => {
  const few: EvaluatedRow = { ...row('W5', 'c-a', 80, '称职', 0.5), flags: ['FEW_RESIDENTS'] }
  const report = assembleReport({ ...source, rows: [few], settings: { ...DEFAULT_SETTINGS, minResidents: 8 } })
  expect(report.rows[0].flagTexts).toEqual(['居民评价不足 8 条，结果仅供参考，本期不参评优秀'])
})

it('shows the annual assessment with both parts, and NO_YEAR_END when the review is missing', () => {
  // dailyShare 0.6: 0.6 × 85 + 0.4 × 90 = 51 + 36 = 87.0
  expect(annualScore(85, 90, 0.6).annual).toBe(87)
  const withReview: EvaluatedRow = { ...row('W1', 'c-a', 85, '称职', 0.6), annual: { yearTotal: 85, yearEnd: 90, annual: 87 } }
  const without: EvaluatedRow = { ...row('W2', 'c-a', 80, '称职', 0.6), annual: { yearTotal: 80, yearEnd: null, annual: null } }
  const report = assembleReport({ ...source, kind: 'year', period: '2026', rows: [withReview, without] })
  expect(report.rows[0]).toMatchObject({ annual: { yearTotal: 85, yearEnd: 90, annual: 87 }, flags: [] })
  expect(report.rows[1].flags).toEqual(['NO_YEAR_END'])
  expect(report.rows[1].flagTexts).toEqual(['缺少年终考核分，暂时算不出年度成绩'])
})

it('says when it reads a snapshot', () => {
  expect(assembleReport({ ...source, snapshotAt: '2026-07-01T18:00:00.000Z' }).snapshotAt).toBe('2026-07-01T18:00:00.000Z')
})

it('opens each tab on the latest closed period: last month, the last whole half-year, last year', () => {
  // 2026-11-27 China time
  const november = new Date('2026-11-27T02:00:00Z')
  expect(['month', 'halfyear', 'year'].map((kind) => latestClosedPeriod(kind as 'month', november))).toEqual(['2026-10', '2026-H1', '2025'])
  // 2026-03-05: H1 is still open, so the last whole half-year is 2025-H2; January's previous month is December.
  expect(latestClosedPeriod('halfyear', new Date('2026-03-05T02:00:00Z'))).toBe('2025-H2')
  expect(latestClosedPeriod('month', new Date('2026-01-05T02:00:00Z'))).toBe('2025-12')
})

// The city view as a spreadsheet, from a CityOverview built by hand: two sub-districts and a third without
// workers. Every cell is the overview's number (the page's), percentages stay ratios formatted as such,
// the ranking rule and the day the waiting work was counted are said, and the trend has its own sheet.
import { Workbook } from 'exceljs'
import { cityFileName, cityWorkbook } from '@backend/city/cityWorkbook'
import type { CityOverview } from '@core/city'
import { RANKING_RULE } from '@core/cityRanking'
import { summaryValue } from './support/reportSheet'
import { CITY_HEADER, cityTable, expectedCityRows, sheetsOf } from './support/citySheet'

// 2026-07-10 10:37 UTC is 18:37 in China.
const EXPORTED = new Date('2026-07-10T10:37:00Z')

const grades = (优秀: number, 称职: number, 基本称职: number, 不称职: number, 未评定: number) => ({ 优秀, 称职, 基本称职, 不称职, 未评定 })
const none = { overdueCases: 0, pendingAppeals: 0, openReviews: 0 }

const OVERVIEW: CityOverview = {
  kind: 'halfyear',
  period: '2026-H1',
  provisional: false,
  today: '2026-07-10',
  rows: [
    { subdistrictId: 'fushan', subdistrictName: '浮山办事处', rank: 1, workers: 30, grades: grades(6, 18, 5, 1, 0), competentShare: 0.8, avgTotal: 84.6, avgGridTimeRatio: 0.672, gridTimeTarget: 0.5, settingsVersion: 3, snapshotAt: '2026-06-30T18:00:00.000Z', overdueCases: 2, pendingAppeals: 1, openReviews: 4 },
    { subdistrictId: 'wenquan', subdistrictName: '温泉办事处', rank: 2, workers: 6, grades: grades(1, 3, 1, 0, 1), competentShare: 0.667, avgTotal: 80.2, avgGridTimeRatio: 0.55, gridTimeTarget: 0.5, settingsVersion: 3, snapshotAt: '2026-07-01T18:00:00.000Z', overdueCases: 0, pendingAppeals: 2, openReviews: 0 },
    { subdistrictId: 'xinqu', subdistrictName: '新区办事处', rank: null, workers: 0, grades: grades(0, 0, 0, 0, 0), competentShare: null, avgTotal: null, avgGridTimeRatio: null, gridTimeTarget: 0.5, settingsVersion: 3, snapshotAt: '2026-07-01T18:00:00.000Z', ...none },
  ],
  // 36 workers: (7 + 21) / 36 = 0.777… → 0.778
  city: { subdistricts: 3, workers: 36, grades: grades(7, 21, 6, 1, 1), competentShare: 0.778, avgTotal: 83.9, avgGridTimeRatio: 0.652, overdueCases: 2, pendingAppeals: 3, openReviews: 4 },
  gridTimeTarget: 0.5,
  settingsVersions: [3],
  snapshotAt: '2026-07-01T18:00:00.000Z',
  trend: {
    months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
    lines: [
      { subdistrictId: 'fushan', subdistrictName: '浮山办事处', avgTotals: [82.1, 83, 84.4, 85.2, 84.9, 86.3] },
      { subdistrictId: 'wenquan', subdistrictName: '温泉办事处', avgTotals: [79.5, 80, null, 81.2, 80.7, 79.9] },
      { subdistrictId: 'xinqu', subdistrictName: '新区办事处', avgTotals: [null, null, null, null, null, null] },
    ],
    city: [81.7, 82.5, 84.4, 84.5, 84.2, 85.2],
  },
}

it('writes the summary block: the period, the city\'s numbers, the ranking rule, the day of the waiting work, the version', async () => {
  const rows = (await sheetsOf(await cityWorkbook(OVERVIEW, EXPORTED)))['全市概览'] ?? []
  expect(rows[0]?.[0]).toBe('全市各街道考核概览 2026年上半年')
  expect(summaryValue(rows, '考核期').value).toBe('2026年上半年（2026-H1）')
  expect(summaryValue(rows, '街道数').value).toBe(3)
  expect(summaryValue(rows, '参评人数').value).toBe(36)
  expect(summaryValue(rows, '称职及以上占比').value).toBe(0.778)
  expect(summaryValue(rows, '平均总分').value).toBe(83.9)
  expect(summaryValue(rows, '平均在网格时间').value).toBe(0.652)
  expect(summaryValue(rows, '目标').value).toBe('在网格时间不少于工作时间的 50%')
  expect(summaryValue(rows, '排名规则').value).toBe(RANKING_RULE)
  expect(summaryValue(rows, '待办统计日').value).toBe('2026-07-10（逾期差评、待复核申诉、待复核可疑评价为当日数量，不随考核期变化）')
  expect(summaryValue(rows, '设置版本').value).toBe(3)
  // The newest snapshot, 2026-07-01T18:00Z = 07-02 02:00 China time.
  expect(summaryValue(rows, '数据时间').value).toBe('2026-07-02 02:00（期末快照）')
  expect(rows.some((cells) => cells[0] === '等次')).toBe(false)
})

it('writes one row per sub-district in ranking order and the city under them, an empty cell where the page shows none', async () => {
  const { header, body } = cityTable((await sheetsOf(await cityWorkbook(OVERVIEW, EXPORTED)))['全市概览'] ?? [])
  expect(header).toEqual(CITY_HEADER)
  expect(body).toEqual([
    [1, '浮山办事处', 30, 6, 18, 5, 1, 0, 0.8, 84.6, 0.672, 2, 1, 4],
    [2, '温泉办事处', 6, 1, 3, 1, 0, 1, 0.667, 80.2, 0.55, 0, 2, 0],
    [null, '新区办事处', 0, 0, 0, 0, 0, 0, null, null, null, 0, 0, 0],
    [null, '全市', 36, 7, 21, 6, 1, 1, 0.778, 83.9, 0.652, 2, 3, 4],
  ])
  expect(body).toEqual(expectedCityRows(OVERVIEW))
})

it('shows shares and grid time as percentages and totals with one decimal, keeping the numbers', async () => {
  const workbook = new Workbook()
  await workbook.xlsx.load((await cityWorkbook(OVERVIEW, EXPORTED)) as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('全市概览')
  const first = sheet?.getRow((sheet?.rowCount ?? 0) - 3)
  expect(first?.getCell(9)).toMatchObject({ value: 0.8, numFmt: '0.0%' })
  expect(first?.getCell(10)).toMatchObject({ value: 84.6, numFmt: '0.0' })
  expect(first?.getCell(11)).toMatchObject({ value: 0.672, numFmt: '0.0%' })
})

it('writes the trend on its own sheet: a row per sub-district, the city last, a column per month', async () => {
  const trend = (await sheetsOf(await cityWorkbook(OVERVIEW, EXPORTED)))['近6个月趋势'] ?? []
  expect(trend[0]?.[0]).toBe('近 6 个已结束月份的平均总分（参评人员总分的平均）')
  expect(trend[1]).toEqual(['街道', '2026年1月', '2026年2月', '2026年3月', '2026年4月', '2026年5月', '2026年6月'])
  const cells = (row: number) => Array.from({ length: 7 }, (_, k) => trend[row]?.[k] ?? null)
  expect(cells(2)).toEqual(['浮山办事处', 82.1, 83, 84.4, 85.2, 84.9, 86.3])
  expect(cells(3)).toEqual(['温泉办事处', 79.5, 80, null, 81.2, 80.7, 79.9])
  expect(cells(4)).toEqual(['新区办事处', null, null, null, null, null, null])
  expect(cells(5)).toEqual(['全市', 81.7, 82.5, 84.4, 84.5, 84.2, 85.2])
})

it('marks a running period 暂定, gives the time of a live export and every settings version used', async () => {
  const { snapshotAt: _taken, ...live } = OVERVIEW
  const running: CityOverview = { ...live, kind: 'month', period: '2026-07', provisional: true, settingsVersions: [2, 3] }
  const rows = (await sheetsOf(await cityWorkbook(running, EXPORTED)))['全市概览'] ?? []
  expect(summaryValue(rows, '等次').value).toBe('2026年7月尚未结束，等次和排名为暂定，以期末结果为准')
  expect(summaryValue(rows, '设置版本').value).toBe('2、3')
  expect(summaryValue(rows, '数据时间').value).toBe('2026-07-10 18:37（导出时实时计算）')
})

it('names the file after the period', () => {
  expect(cityFileName(OVERVIEW)).toBe('全市考核概览-2026年上半年.xlsx')
  expect(cityFileName({ ...OVERVIEW, period: '2025' })).toBe('全市考核概览-2025年.xlsx')
})

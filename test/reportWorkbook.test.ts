// The report as a spreadsheet, from a Report built by hand: a year report of two
// workers, one without a year-end review (NO_YEAR_END). Every cell is the Report's number, percentages
// stay ratios formatted as such, the annual parts (the 6) have their columns, and the flags are in words.
import { reportFileName, reportWorkbook } from '@backend/reports/reportWorkbook'
import type { Report } from '@core/reports'
import { sheetValues, summaryValue, workerTable } from './support/reportSheet'
import { Workbook } from 'exceljs'

// 2026-12-06 10:37 UTC is 18:37 in China.
const EXPORTED = new Date('2026-12-06T10:37:00Z')

const REPORT: Report = {
  kind: 'year',
  period: '2025',
  subdistrictId: 'fushan',
  subdistrictName: '浮山办事处',
  communities: [{ id: 'yinquan', name: '银泉社区' }],
  workers: 2,
  avgGridTimeRatio: 0.615,
  gridTimeTarget: 0.5,
  hallSpread: [{ communityId: 'yinquan', communityName: '银泉社区', workers: 2, most: 27, fewest: 26 }],
  dailyShare: 0.6,
  grades: { 优秀: 0, 称职: 1, 基本称职: 1, 不称职: 0, 未评定: 0 },
  rows: [
    {
      workerCode: 'YQ01', name: '刘建华', community: '银泉社区', rank: 1,
      residents: { n: 40, score: 88.4 }, recipients: { n: 12, score: 91.2 }, subdistrict: { score: 86.5 },
      total: 88.6, grade: '称职', flags: [], flagTexts: [], gridTimeRatio: 0.68, hallDays: 27,
      // annual = 0.6 x 88.6 + 0.4 x 90 = 53.16 + 36 = 89.16 -> 89.2
      annual: { yearTotal: 88.6, yearEnd: 90, annual: 89.2 },
    },
    {
      workerCode: 'YQ02', name: '王秀英', community: '银泉社区', rank: 2,
      residents: { n: 3, score: 66 }, recipients: null, subdistrict: { score: 62 },
      total: 64.3, grade: '基本称职', flags: ['FEW_RESIDENTS', 'NO_RECIPIENTS', 'NO_YEAR_END'],
      flagTexts: ['居民评价不足 5 人', '没有服务对象评价', '缺年终考核分'], gridTimeRatio: 0.55, hallDays: 26,
      annual: { yearTotal: 64.3, yearEnd: null, annual: null },
    },
  ],
  settingsVersion: 3,
  provisional: false,
  quotaNote: '优秀不超过参评人数的 20%（本期参评 2 人，最多 0 人），且总分不低于 90 分、没有提示项',
}

it('writes the summary block: names, period, counts and shares of each grade, the quota, the version', async () => {
  const rows = await sheetValues(await reportWorkbook(REPORT, EXPORTED))
  expect(rows[0]?.[0]).toBe('浮山办事处 2025年度考核')
  expect(summaryValue(rows, '社区').value).toBe('全部社区')
  expect(summaryValue(rows, '考核期').value).toBe('2025年（2025）')
  expect(summaryValue(rows, '人数').value).toBe(2)
  expect(summaryValue(rows, '平均在网格时间').value).toBe(0.615)
  // The hall's spread, per community with hall duty: 刘建华 27 days, 王秀英 26.
  expect(summaryValue(rows, '大厅值班（银泉社区）').value).toBe('每人 26–27 天')
  expect(summaryValue(rows, '称职')).toEqual({ value: 1, extra: 0.5 })
  expect(summaryValue(rows, '优秀')).toEqual({ value: 0, extra: 0 })
  expect(summaryValue(rows, '年度考核算法').value).toBe('日常考核（全年三方总分）× 60% + 年终考核 × 40%；缺年终考核分的暂不计算')
  expect(summaryValue(rows, '设置版本').value).toBe(3)
  expect(summaryValue(rows, '数据时间').value).toBe('2026-12-06 18:37（导出时实时计算）')
})

it("gives a snapshot's time in China time, never raw UTC", async () => {
  // Taken 2026-12-31T18:00:00Z = 2027-01-01 02:00 China.
  const rows = await sheetValues(await reportWorkbook({ ...REPORT, snapshotAt: '2026-12-31T18:00:00.000Z' }, EXPORTED))
  expect(summaryValue(rows, '数据时间').value).toBe('2027-01-01 02:00（期末快照）')
})

it('writes one row per worker with the annual parts, an empty cell where the page shows none', async () => {
  const { header, body } = workerTable(await sheetValues(await reportWorkbook(REPORT, EXPORTED)))
  expect(header).toEqual(['排名', '工号', '姓名', '社区', '居民评价人数', '居民得分', '服务对象评价人数', '服务对象得分', '街道评分', '总分', '等次', '在网格时间', '大厅值班天数', '年度三方总分', '年终考核', '年度考核', '说明'])
  expect(body[0]).toEqual([1, 'YQ01', '刘建华', '银泉社区', 40, 88.4, 12, 91.2, 86.5, 88.6, '称职', 0.68, 27, 88.6, 90, 89.2])
  expect(header.map((_, k) => body[1]?.[k] ?? null)).toEqual([2, 'YQ02', '王秀英', '银泉社区', 3, 66, 0, null, 62, 64.3, '基本称职', 0.55, 26, 64.3, null, null, '居民评价不足 5 人；没有服务对象评价；缺年终考核分'])
})

it('shows ratios as percentages and scores with one decimal, keeping the numbers', async () => {
  const workbook = new Workbook()
  await workbook.xlsx.load((await reportWorkbook(REPORT, EXPORTED)) as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const tableRow = sheet?.getRow(sheet.rowCount)
  expect(tableRow?.getCell(12)).toMatchObject({ value: 0.55, numFmt: '0.0%' })
  expect(tableRow?.getCell(10)).toMatchObject({ value: 64.3, numFmt: '0.0' })
})

it('marks a running period: its grades 暂定 in a summary line and in every graded row, a 4-rating party 样本不足', async () => {
  const running: Report = {
    ...REPORT, kind: 'month', period: '2026-12', provisional: true,
    rows: REPORT.rows.map((row, i) => ({ ...row, annual: undefined, recipients: i === 0 ? { n: 4, score: 90 } : row.recipients })),
  }
  const rows = await sheetValues(await reportWorkbook(running, EXPORTED))
  expect(summaryValue(rows, '等次').value).toBe('2026年12月尚未结束，等次为暂定，以期末结果为准')
  const { header, body } = workerTable(rows)
  const at = (name: string) => header.indexOf(name)
  expect(body.map((row) => row[at('等次')])).toEqual(['称职（暂定）', '基本称职（暂定）'])
  // YQ01: 4 recipients is no FEW_RECIPIENTS (the minimum is 3) but still a small sample; YQ02's 3 residents are flagged already.
  expect(body[0]?.[at('说明')]).toBe('服务对象评价样本不足')
  expect(body[1]?.[at('说明')]).toBe('居民评价不足 5 人；没有服务对象评价；缺年终考核分')
})

it('names the file after the report', () => {
  expect(reportFileName(REPORT)).toBe('浮山办事处-2025年度考核.xlsx')
  expect(reportFileName({ ...REPORT, kind: 'halfyear', period: '2026-H1', communityId: 'yinquan', communityName: '银泉社区' })).toBe('浮山办事处银泉社区-2026年上半年考核报告.xlsx')
})

// The city view as an .xlsx: the same CityOverview city.overview answers (src/core/city.ts), so the file
// shows the page's numbers — a summary block, the sub-districts in ranking order with the city's line
// under them, and on a second sheet the trend. Numbers stay numbers (a share 0.8 is the cell value, shown
// as 80.0% by the cell's format), so a clerk can sort them and a test can compare them with the page.
import { Workbook, type Worksheet } from 'exceljs'
import type { CityFigures, CityOverview } from '@core/city'
import { RANKING_RULE } from '@core/cityRanking'
import { chinaMinute } from '@core/fieldSessions'
import { GRADE_ORDER } from '@core/flags'
import { periodLabel } from '@core/periods'
import { PROVISIONAL_WORD } from '@core/provisional'
import { gridTimeRuleText } from '@core/reportSummary'

const CITY_SHEET = '全市概览'
const TREND_SHEET = '近6个月趋势'
const PERCENT = '0.0%'
const SCORE = '0.0'

/** The table's columns, in order, with the number format of each. */
const COLUMNS: ReadonlyArray<{ title: string; format?: string; width: number }> = [
  { title: '排名', width: 6 },
  { title: '街道', width: 16 },
  { title: '参评人数', width: 10 },
  ...GRADE_ORDER.map((grade) => ({ title: grade, width: 9 })),
  { title: '称职及以上占比', format: PERCENT, width: 15 },
  { title: '平均总分', format: SCORE, width: 10 },
  { title: '平均在网格时间', format: PERCENT, width: 15 },
  { title: '逾期差评', width: 10 },
  { title: '待复核申诉', width: 11 },
  { title: '待复核可疑评价', width: 15 },
]

const CITY_COLUMNS: readonly string[] = COLUMNS.map((column) => column.title)

/** A line of the table after its rank and name, cell by cell in COLUMNS' order (null: an empty cell). */
function figureCells(figures: CityFigures): Array<number | null> {
  return [
    figures.workers,
    ...GRADE_ORDER.map((grade) => figures.grades[grade]),
    figures.competentShare,
    figures.avgTotal,
    figures.avgGridTimeRatio,
    figures.overdueCases,
    figures.pendingAppeals,
    figures.openReviews,
  ]
}

/** The table's rows under its header: each sub-district, then the city. */
function cityTableRows(overview: CityOverview): Array<Array<string | number | null>> {
  return [
    ...overview.rows.map((row) => [row.rank, row.subdistrictName, ...figureCells(row)]),
    [null, '全市', ...figureCells(overview.city)],
  ]
}

function cityTitle(overview: CityOverview): string {
  return `全市各街道考核概览 ${periodLabel(overview.period)}`
}

export function cityFileName(overview: CityOverview): string {
  return `全市考核概览-${periodLabel(overview.period)}.xlsx`
}

/** `exportedAt`: when the file is made, the time of numbers computed live. */
export async function cityWorkbook(overview: CityOverview, exportedAt: Date): Promise<Buffer> {
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet(CITY_SHEET)
  sheet.addRow([cityTitle(overview)]).font = { bold: true, size: 14 }
  addSummary(sheet, overview, exportedAt)
  sheet.addRow([])
  const header = sheet.addRow(CITY_COLUMNS)
  header.font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: header.number }]
  for (const cells of cityTableRows(overview)) sheet.addRow(cells)
  sheet.getRow(sheet.rowCount).font = { bold: true }
  COLUMNS.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width
    if (column.format === undefined) return
    for (let r = header.number + 1; r <= sheet.rowCount; r += 1) sheet.getRow(r).getCell(i + 1).numFmt = column.format
  })
  addTrend(workbook.addWorksheet(TREND_SHEET), overview)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The summary block under the title: label in column A, value in B. */
function addSummary(sheet: Worksheet, overview: CityOverview, exportedAt: Date): void {
  const line = (label: string, value: string | number | null, format?: string) => {
    const row = sheet.addRow([label, value])
    row.getCell(1).font = { bold: true }
    if (format !== undefined) row.getCell(2).numFmt = format
  }
  const { city } = overview
  line('考核期', `${periodLabel(overview.period)}（${overview.period}）`)
  line('街道数', city.subdistricts)
  line('参评人数', city.workers)
  line('称职及以上占比', city.competentShare, PERCENT)
  line('平均总分', city.avgTotal, SCORE)
  line('平均在网格时间', city.avgGridTimeRatio, PERCENT)
  if (overview.gridTimeTarget !== null) line('目标', gridTimeRuleText(overview.gridTimeTarget))
  if (overview.provisional) line('等次', `${periodLabel(overview.period)}尚未结束，等次和排名为${PROVISIONAL_WORD}，以期末结果为准`)
  line('排名规则', RANKING_RULE)
  line('待办统计日', `${overview.today}（逾期差评、待复核申诉、待复核可疑评价为当日数量，不随考核期变化）`)
  const versions = overview.settingsVersions
  line('设置版本', versions.length === 1 ? versions[0] : versions.join('、'))
  line('数据时间', overview.snapshotAt === undefined ? `${chinaMinute(exportedAt.toISOString())}（导出时实时计算）` : `${chinaMinute(overview.snapshotAt)}（期末快照）`)
}

/** The trend: one row per sub-district in ranking order, then the city; one column per month. */
function addTrend(sheet: Worksheet, overview: CityOverview): void {
  const { trend } = overview
  sheet.addRow([`近 ${trend.months.length} 个已结束月份的平均总分（参评人员总分的平均）`]).font = { bold: true, size: 14 }
  const header = sheet.addRow(['街道', ...trend.months.map(periodLabel)])
  header.font = { bold: true }
  for (const line of trend.lines) sheet.addRow([line.subdistrictName, ...line.avgTotals])
  sheet.addRow(['全市', ...trend.city]).font = { bold: true }
  sheet.getColumn(1).width = 16
  trend.months.forEach((_, i) => {
    sheet.getColumn(i + 2).width = 12
    for (let r = header.number + 1; r <= sheet.rowCount; r += 1) sheet.getRow(r).getCell(i + 2).numFmt = SCORE
  })
}

// A report as an .xlsx: the same Report object report.get answers (src/core/reports.ts),
// so the file shows the page's numbers — a summary block like the pilot's half-year report, then one row
// per worker in grading order. Numbers stay numbers (a ratio 0.672 is the cell value, shown as 67.2% by
// the cell's format), so a clerk can sort and sum them and a test can compare them with the page.
import { Workbook, type Worksheet } from 'exceljs'
import { chinaMinute } from '@core/fieldSessions'
import { periodLabel } from '@core/periods'
import { gradeShares, gridTimeRuleText, percentText } from '@core/reportSummary'
import { PROVISIONAL_WORD, SMALL_SAMPLE_WORD, gradeWords, isSmallSample } from '@core/provisional'
import type { Report, ReportRow } from '@core/reports'

export const REPORT_SHEET = '考核报表'
const PERCENT = '0.0%'
const SCORE = '0.0'

/** As the page heads it: “2026年10月排名”, “2026年上半年考核报告”, “2025年度考核”. */
function headingOf(kind: Report['kind'], period: string): string {
  if (kind === 'month') return `${periodLabel(period)}排名`
  if (kind === 'halfyear') return `${periodLabel(period)}考核报告`
  return `${period}年度考核`
}

/** The worker table's columns, in order; a year report adds the annual assessment's parts (the 6). */
function reportColumns(kind: Report['kind']): string[] {
  const annual = kind === 'year' ? ['年度三方总分', '年终考核', '年度考核'] : []
  return ['排名', '工号', '姓名', '社区', '居民评价人数', '居民得分', '服务对象评价人数', '服务对象得分', '街道评分', '总分', '等次', '在网格时间', '大厅值班天数', ...annual, '说明']
}

/**
 * The 说明 cell: a party of 1 to 4 ratings is 样本不足 (src/core/provisional.ts) unless its flag says so
 * already (居民评价不足 5 人), then the flags in words.
 */
function notesOf(row: ReportRow): string | null {
  const notes = [
    ...(isSmallSample(row.residents) && !row.flags.includes('FEW_RESIDENTS') ? [`居民评价${SMALL_SAMPLE_WORD}`] : []),
    ...(isSmallSample(row.recipients) && !row.flags.includes('FEW_RECIPIENTS') ? [`服务对象评价${SMALL_SAMPLE_WORD}`] : []),
    ...row.flagTexts,
  ]
  return notes.length === 0 ? null : notes.join('；')
}

/** A worker's row, cell by cell in reportColumns' order (null: an empty cell); a running period's grade is 暂定. */
function reportRowCells(report: Report, row: ReportRow): Array<string | number | null> {
  const annual = report.kind === 'year' ? [row.annual?.yearTotal ?? null, row.annual?.yearEnd ?? null, row.annual?.annual ?? null] : []
  return [
    row.rank,
    row.workerCode,
    row.name,
    row.community,
    row.residents?.n ?? 0,
    row.residents?.score ?? null,
    row.recipients?.n ?? 0,
    row.recipients?.score ?? null,
    row.subdistrict?.score ?? null,
    row.total,
    gradeWords(row.grade, report.provisional),
    row.gridTimeRatio,
    row.hallDays,
    ...annual,
    notesOf(row),
  ]
}

export function reportTitle(report: Report): string {
  const where = report.communityName === undefined ? report.subdistrictName : `${report.subdistrictName}${report.communityName}`
  return `${where} ${headingOf(report.kind, report.period)}`
}

export function reportFileName(report: Report): string {
  return `${reportTitle(report).replace(/\s+/g, '-')}.xlsx`
}

/** `exportedAt`: when the file is made, the time of a report computed live. */
export async function reportWorkbook(report: Report, exportedAt: Date): Promise<Buffer> {
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet(REPORT_SHEET)
  sheet.addRow([reportTitle(report)]).font = { bold: true, size: 14 }
  addSummary(sheet, report, exportedAt)
  sheet.addRow([])
  const columns = reportColumns(report.kind)
  const header = sheet.addRow(columns)
  header.font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: header.number }]
  for (const row of report.rows) sheet.addRow(reportRowCells(report, row).map((cell) => cell ?? null))
  // Formats by column, below the header only: the summary block above keeps its own.
  columns.forEach((name, i) => {
    const format = name === '在网格时间' ? PERCENT : /得分|评分|总分|考核$/.test(name) ? SCORE : undefined
    const width = name === '说明' ? 48 : name === '社区' || name === '姓名' ? 12 : Math.max(8, name.length * 2 + 2)
    sheet.getColumn(i + 1).width = width
    if (format === undefined) return
    for (let r = header.number + 1; r <= sheet.rowCount; r += 1) sheet.getRow(r).getCell(i + 1).numFmt = format
  })
  sheet.getColumn(2).width = Math.max(sheet.getColumn(2).width ?? 0, 14)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The summary block under the title: label in column A, value in B (a grade's share in C). */
function addSummary(sheet: Worksheet, report: Report, exportedAt: Date): void {
  const line = (label: string, value: string | number | null, format?: string, extra?: number, extraFormat?: string) => {
    const row = sheet.addRow([label, value, extra ?? null])
    row.getCell(1).font = { bold: true }
    if (format !== undefined) row.getCell(2).numFmt = format
    if (extraFormat !== undefined) row.getCell(3).numFmt = extraFormat
    return row.number
  }
  line('街道', report.subdistrictName)
  line('社区', report.communityName ?? '全部社区')
  line('考核期', `${periodLabel(report.period)}（${report.period}）`)
  line('人数', report.workers)
  line('平均在网格时间', report.avgGridTimeRatio, PERCENT)
  line('目标', gridTimeRuleText(report.gridTimeTarget))
  // How evenly hall duty spread, per community that has it (the page's 大厅值班 line).
  for (const spread of report.hallSpread) line(`大厅值班（${spread.communityName}）`, `每人 ${spread.fewest}–${spread.most} 天`)
  if (report.provisional) line('等次', `${periodLabel(report.period)}尚未结束，等次为${PROVISIONAL_WORD}，以期末结果为准`)
  for (const { grade, count, share } of gradeShares(report.grades)) line(grade, count, undefined, share, PERCENT)
  line('优秀名额', report.quotaNote)
  if (report.kind === 'year') {
    line('年度考核算法', `日常考核（全年三方总分）× ${percentText(report.dailyShare)} + 年终考核 × ${percentText(1 - report.dailyShare)}；缺年终考核分的暂不计算`)
  }
  line('设置版本', report.settingsVersion)
  line('数据时间', report.snapshotAt === undefined ? `${chinaMinute(exportedAt.toISOString())}（导出时实时计算）` : `${chinaMinute(report.snapshotAt)}（期末快照）`)
}

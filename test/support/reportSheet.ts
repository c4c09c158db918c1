// Reading an exported report (.xlsx) back for the tests, and what its cells must say, worked out here
// from the page's Report (report.get) column by column — not with the exporter's own code.
import { Workbook, type CellValue } from 'exceljs'
import type { Report, ReportRow } from '@core/reports'

/** The cell values of a sheet, row by row (1-based row numbers kept as indexes 0.. of the array). */
export async function sheetValues(bytes: Buffer): Promise<CellValue[][]> {
  const workbook = new Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (sheet === undefined) throw new Error('no sheet')
  const rows: CellValue[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value)
  })
  return rows.map((row) => row ?? [])
}

/** The summary block's value for a label (column A), and its second value (a grade's share, column C). */
export function summaryValue(rows: CellValue[][], label: string): { value: CellValue; extra: CellValue } {
  const row = rows.find((cells) => cells[0] === label)
  if (row === undefined) throw new Error(`no summary row ${label}`)
  return { value: row[1] ?? null, extra: row[2] ?? null }
}

/** The worker table: the header row (starting 排名) and the rows below it. */
export function workerTable(rows: CellValue[][]): { header: CellValue[]; body: CellValue[][] } {
  const at = rows.findIndex((cells) => cells[0] === '排名')
  if (at < 0) throw new Error('no worker table')
  return { header: rows[at] ?? [], body: rows.slice(at + 1) }
}

/** What the page shows for a worker, in the order of the file's columns (an empty cell: null). */
export function expectedCells(kind: Report['kind'], row: ReportRow): CellValue[] {
  const annual = kind === 'year' ? [row.annual?.yearTotal ?? null, row.annual?.yearEnd ?? null, row.annual?.annual ?? null] : []
  return [
    row.rank, row.workerCode, row.name, row.community,
    row.residents?.n ?? 0, row.residents?.score ?? null,
    row.recipients?.n ?? 0, row.recipients?.score ?? null,
    row.subdistrict?.score ?? null, row.total, row.grade, row.gridTimeRatio, row.hallDays,
    ...annual,
    row.flagTexts.length === 0 ? null : row.flagTexts.join('；'),
  ]
}

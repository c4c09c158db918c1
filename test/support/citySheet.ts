// Reading an exported city view (.xlsx) back for the tests, and what its cells must say, worked out here
// from the page's CityOverview (city.overview) field by field — not with the exporter's own code.
import type { CellValue } from 'exceljs'
import type { CityFigures, CityOverview } from '@core/city'
import { Workbook } from 'exceljs'

export const CITY_HEADER = ['排名', '街道', '参评人数', '优秀', '称职', '基本称职', '不称职', '未评定', '称职及以上占比', '平均总分', '平均在网格时间', '逾期差评', '待复核申诉', '待复核可疑评价']

const figures = (f: CityFigures): CellValue[] => [
  f.workers, f.grades.优秀, f.grades.称职, f.grades.基本称职, f.grades.不称职, f.grades.未评定,
  f.competentShare, f.avgTotal, f.avgGridTimeRatio, f.overdueCases, f.pendingAppeals, f.openReviews,
]

/** What the page shows, in the order of the file's columns: each sub-district, then the city's line. */
export function expectedCityRows(overview: CityOverview): CellValue[][] {
  return [...overview.rows.map((row) => [row.rank, row.subdistrictName, ...figures(row)]), [null, '全市', ...figures(overview.city)]]
}

/** The table of the first sheet: the header row (starting 排名) and the rows below it, each as long as the header. */
export function cityTable(rows: CellValue[][]): { header: CellValue[]; body: CellValue[][] } {
  const at = rows.findIndex((cells) => cells[0] === '排名')
  if (at < 0) throw new Error('no sub-district table')
  const header = rows[at] ?? []
  return { header, body: rows.slice(at + 1).map((cells) => header.map((_, k) => cells[k] ?? null)) }
}

/** Every sheet's values, by sheet name. */
export async function sheetsOf(bytes: Buffer): Promise<Record<string, CellValue[][]>> {
  const workbook = new Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheets: Record<string, CellValue[][]> = {}
  for (const sheet of workbook.worksheets) {
    const rows: CellValue[][] = []
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      rows[number - 1] = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value)
    })
    sheets[sheet.name] = rows.map((row) => row ?? [])
  }
  return sheets
}


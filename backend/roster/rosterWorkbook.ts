// The roster as a spreadsheet: the template the bureau downloads — its first sheet's
// row 1 is exactly ROSTER_COLUMNS and nothing else, so a filled copy imports as it is; a second sheet
// explains each column and lists the posts — and the reading of a filled copy into text cells for
// src/core/roster.ts, which checks them.
import { Workbook } from 'exceljs'
import { HOUSEHOLDS_MAX, NAME_MAX, ROSTER_ROWS_MAX, type RosterTable } from '@core/roster'
import { ROSTER_COLUMNS } from '@core/rosterSchemas'
import { type SheetLimits, readFirstSheet } from './sheetReader'

export const ROSTER_SHEET = '花名册'
/** Rows the template's drop-downs and checks cover (a city's 1000+ workers, with room). */
const TEMPLATE_ROWS = 5000

const COLUMN_NOTES: Record<(typeof ROSTER_COLUMNS)[number], string> = {
  街道: '街道办事处的名称，如“浮山办事处”；同名的街道视为同一个',
  社区: '社区的名称，如“银泉社区”；同一街道下同名的社区视为同一个',
  网格: '网格（小区）的名称；同一社区下同名的网格视为同一个',
  户数: `网格的户数，1 到 ${HOUSEHOLDS_MAX} 的整数（一个网格约 300-500 户）；同一网格各行须一致`,
  工号: '工作者的编号，即二维码里的编号：只能用字母、数字、下划线（_）和短横线（-），最多 32 位，不能有空格、汉字和其他符号；每人一个，不可重复。再次导入时按工号更新',
  姓名: `工作者的姓名，最多 ${NAME_MAX} 个字`,
  岗位: '岗位名称，须是下面“岗位目录”中的一项',
}

export async function rosterTemplate(postNames: readonly string[]): Promise<Buffer> {
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = ROSTER_COLUMNS.map((header) => ({ header, width: header === '岗位' ? 18 : header === '工号' ? 14 : 16 }))
  sheet.getRow(1).font = { bold: true }
  // 工号 as text, so a code such as 007 keeps its zeros.
  sheet.getColumn(ROSTER_COLUMNS.indexOf('工号') + 1).numFmt = '@'
  const column = (name: (typeof ROSTER_COLUMNS)[number]) => String.fromCharCode(65 + ROSTER_COLUMNS.indexOf(name))
  for (let row = 2; row <= TEMPLATE_ROWS; row += 1) {
    sheet.getCell(`${column('岗位')}${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${postNames.join(',')}"`],
      showErrorMessage: true,
      error: `岗位须是：${postNames.join('、')}`,
    }
    sheet.getCell(`${column('户数')}${row}`).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [1, HOUSEHOLDS_MAX],
      showErrorMessage: true,
      error: `户数须是 1 到 ${HOUSEHOLDS_MAX} 的整数`,
    }
  }

  const notes = workbook.addWorksheet('填写说明')
  notes.columns = [{ width: 10 }, { width: 90 }]
  notes.addRow(['填写说明']).font = { bold: true, size: 14 }
  notes.addRow(['在“花名册”表中从第 2 行起每行填一名工作者；不要改动第 1 行的列名，也不要增删列。'])
  notes.addRow(['导入时逐行检查，有任何一处错误都不会写入，请按提示的行号和列名改好后再导入。'])
  notes.addRow(['已有的工作者按工号更新；不在新花名册中的工作者不会被删除，导入后会列出，请到社区管理中停用。'])
  notes.addRow([])
  notes.addRow(['列', '说明']).font = { bold: true }
  for (const header of ROSTER_COLUMNS) notes.addRow([header, COLUMN_NOTES[header]])
  notes.addRow([])
  notes.addRow(['岗位目录']).font = { bold: true }
  for (const post of postNames) notes.addRow([post])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * The first sheet as text cells: row 1 the header, then every later row with its Excel row number.
 * A sheet reaching past A1:G10001 (its declared range, or any row or cell it holds) is refused before
 * any row is built: a 6 KB file can declare a million rows of 16,384 columns (sheetReader.ts).
 */
export async function readRosterTable(bytes: Buffer): Promise<RosterTable> {
  const sheet = await readFirstSheet(bytes, ROSTER_SHEET_LIMITS)
  const blank = () => ROSTER_COLUMNS.map(() => '')
  const rows: RosterTable['rows'] = []
  for (let row = 2; row <= sheet.lastRow; row += 1) rows.push({ row, cells: sheet.rows.get(row) ?? blank() })
  return { header: sheet.rows.get(1) ?? blank(), rows }
}

/** The header and at most ROSTER_ROWS_MAX workers, in the template's seven columns A to G. */
export const ROSTER_SHEET_LIMITS: SheetLimits = {
  lastRow: ROSTER_ROWS_MAX + 1,
  lastColumn: ROSTER_COLUMNS.length,
  refusal: (range, declared) =>
    `花名册最多 ${ROSTER_ROWS_MAX} 行、${ROSTER_COLUMNS.length} 列（A 到 ${columnLetter(ROSTER_COLUMNS.length)} 列），` +
    (declared ? `这个文件的表格范围是 ${range}` : `这个文件在 ${range} 还有内容`) +
    '，请删除多余的行列后再导入',
}

function columnLetter(column: number): string {
  return String.fromCharCode(64 + column)
}

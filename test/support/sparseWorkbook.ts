// The sparse workbook: about 6 KB, one cell at XFD2 and one at A1048576, so its first sheet
// declares the range A2:XFD1048576 — a reader that builds every row and column of that range runs out
// of memory. Written with exceljs, as any spreadsheet program could write it.
import { Workbook } from 'exceljs'

export async function sparseWorkbook(): Promise<Buffer> {
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.getCell('XFD2').value = '远处的一格'
  sheet.getCell('A1048576').value = '最后一行'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

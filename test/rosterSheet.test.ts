// Reading a roster file without trusting it (backend/roster/sheetReader.ts, zipEntries.ts):
// a sheet past A1:G10001 — declared or held — is refused before any row is built, a zip part that
// declares or inflates past its cap is refused, and a well-formed roster reads cell by cell as Excel
// shows it (the values the import checks).
import { Workbook } from 'exceljs'
import { ROSTER_SHEET_LIMITS, readRosterTable, rosterTemplate } from '@backend/roster/rosterWorkbook'
import { ENTRY_BYTES_MAX, zipEntries } from '@backend/roster/zipEntries'
import { ROSTER_COLUMNS } from '@core/rosterSchemas'
import { generatedRoster, rosterXlsx } from './support/rosterFile'
import { sparseWorkbook } from './support/sparseWorkbook'

const refusalOf = async (bytes: Buffer): Promise<{ code: string; message: string }> => {
  try {
    await readRosterTable(bytes)
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('the file was read, not refused')
}

async function sheetWith(fill: (sheet: import('exceljs').Worksheet) => void): Promise<Buffer> {
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow([...ROSTER_COLUMNS])
  fill(sheet)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

it('refuses the 6 KB sheet declaring A2:XFD1048576 by its declared range, in well under a second', async () => {
  const bytes = await sparseWorkbook()
  expect(bytes.length).toBeLessThan(10 * 1024)
  const started = Date.now()
  expect(await refusalOf(bytes)).toMatchObject({
    code: 'INVALID_INPUT',
    message: '花名册最多 10000 行、7 列（A 到 G 列），这个文件的表格范围是 A2:XFD1048576，请删除多余的行列后再导入',
  })
  // Building its rows took minutes and gigabytes; reading one tag takes milliseconds (wide margin).
  expect(Date.now() - started).toBeLessThan(1000)
})

it('refuses a cell in column H and a row 10,002 even when the sheet declares no range', async () => {
  const stripDimension = async (bytes: Buffer) => {
    // exceljs always writes <dimension>; the same sheet without it, as a hand-made file could be.
    const JSZip = (await import('jszip')).default
    const zip = await JSZip.loadAsync(bytes)
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string')
    zip.file('xl/worksheets/sheet1.xml', xml.replace(/<dimension[^>]*\/>/, ''))
    return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  }
  const wide = await stripDimension(await sheetWith((sheet) => sheet.getCell('H3').value = '备注'))
  expect((await refusalOf(wide)).message).toBe('花名册最多 10000 行、7 列（A 到 G 列），这个文件在 H3 还有内容，请删除多余的行列后再导入')
  const long = await stripDimension(await sheetWith((sheet) => sheet.getCell('A10002').value = 'x'))
  expect((await refusalOf(long)).message).toContain('这个文件在 A10002 还有内容')
  // 10,001 rows (the header and 10,000 workers) is the limit, not past it.
  const atLimit = await sheetWith((sheet) => sheet.getCell('G10001').value = 'x')
  const table = await readRosterTable(atLimit)
  expect(table.rows).toHaveLength(10000)
  expect(table.rows[9999]).toEqual({ row: 10001, cells: ['', '', '', '', '', '', 'x'] })
  expect(ROSTER_SHEET_LIMITS).toMatchObject({ lastRow: 10001, lastColumn: 7 })
})

it('refuses a part that declares more than 32 MB, and one that inflates past what it declared', async () => {
  const bytes = await rosterXlsx(generatedRoster(50))
  const sheet = zipEntries(bytes).find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!
  const centralOffset = centralRecordOf(bytes, 'xl/worksheets/sheet1.xml')
  const declaringMore = Buffer.from(bytes)
  declaringMore.writeUInt32LE(ENTRY_BYTES_MAX + 1, centralOffset + 24)
  expect((await refusalOf(declaringMore)).message).toContain('解压后过大')
  // A lying header: it says 100 bytes, the stream holds thousands; reading stops at byte 100.
  expect(sheet.uncompressedSize).toBeGreaterThan(1000)
  const lying = Buffer.from(bytes)
  lying.writeUInt32LE(100, centralOffset + 24)
  expect((await refusalOf(lying)).message).toContain('解压后过大')
})

it('refuses what is not a zip, as before', async () => {
  expect(await refusalOf(Buffer.from('街道,社区\n'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('不是 .xlsx 表格') })
})

it('reads each cell as Excel shows it: shared and inline text, numbers as written, formula results, rich text, booleans', async () => {
  const bytes = await sheetWith((sheet) => {
    sheet.addRow(['浮山办事处', '银泉社区', '1号网格', 320, '007', '王 小明', '专职社区工作者'])
    const row = sheet.addRow(['浮山办事处', { richText: [{ text: '青龙' }, { text: '社区', font: { bold: true } }] }, '2号网格', { formula: '300+20', result: 320 }, 'A-1', true, 12.5])
    row.commit()
  })
  const table = await readRosterTable(bytes)
  expect(table.header).toEqual([...ROSTER_COLUMNS])
  expect(table.rows).toEqual([
    { row: 2, cells: ['浮山办事处', '银泉社区', '1号网格', '320', '007', '王 小明', '专职社区工作者'] },
    { row: 3, cells: ['浮山办事处', '青龙社区', '2号网格', '320', 'A-1', 'true', '12.5'] },
  ])
})

it('reads the template itself (drop-downs on 5000 rows) as its header and no worker, and a 1000-worker roster in full', async () => {
  const template = await readRosterTable(await rosterTemplate(['正职', '副职']))
  expect(template.header).toEqual([...ROSTER_COLUMNS])
  expect(template.rows.every((row) => row.cells.every((cell) => cell === ''))).toBe(true)
  const roster = generatedRoster(1000)
  const table = await readRosterTable(await rosterXlsx(roster))
  expect(table.rows).toHaveLength(1000)
  expect(table.rows[536]).toEqual({ row: 538, cells: ['第3街道办事处', '第11社区', '8号网格', '459', 'R0537', '黄工作者537', '专职社区工作者'] })
})

/** The offset of the central-directory record of `name` (its sizes at +20 and +24). */
function centralRecordOf(bytes: Buffer, name: string): number {
  for (let at = bytes.length - 46; at >= 0; at -= 1) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) continue
    const length = bytes.readUInt16LE(at + 28)
    if (bytes.toString('utf8', at + 46, at + 46 + length) === name) return at
  }
  throw new Error(`${name} is not in the zip`)
}

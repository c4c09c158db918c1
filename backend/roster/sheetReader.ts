// The first sheet of an .xlsx as text cells, read within bounds before anything is built: the sheet's
// declared range (<dimension>) and every row and cell it holds must lie within lastRow × lastColumn, or
// the file is refused at the first one past it. Only the parts needed are inflated (zipEntries.ts) and
// scanned as they stream (xmlScanner.ts): the workbook and its relationships, the sheet, then only the
// shared strings the kept cells use. A cell reads as Excel shows its value: text, a number as written
// (320, not 320.0), a formula by its cached result, rich text joined, TRUE/FALSE as true/false.
import path from 'node:path'
import { ApiError } from '@core/errors'
import { XmlScanner, type XmlHandlers } from './xmlScanner'
import { type ZipEntry, findEntry, readEntryText, zipEntries } from './zipEntries'

export interface SheetLimits {
  lastRow: number
  lastColumn: number
  /** The refusal of a sheet reaching `range` (its declared range, or the first cell found past the limits). */
  refusal(range: string, declared: boolean): string
}

export interface SheetCells {
  /** The row number of every row the sheet holds, in order, with its first lastColumn cells as text. */
  rows: Map<number, string[]>
  /** The highest row number the sheet holds (0 when none). */
  lastRow: number
}

const NOT_XLSX = '这个文件不是 .xlsx 表格，请用下载的模板填写后另存为 .xlsx 再上传'
const NO_SHEET = '表格里没有工作表，请用下载的模板填写'
const ROWS_OUT_OF_ORDER = '表格的行顺序不对，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入'

interface RawCell {
  type: string
  value: string
}

export async function readFirstSheet(bytes: Buffer, limits: SheetLimits): Promise<SheetCells> {
  const entries = zipEntries(bytes)
  const workbookPath = (await relationshipTarget(bytes, entries, '_rels/.rels', '', (type) => type.endsWith('/officeDocument'))) ?? 'xl/workbook.xml'
  const sheetId = await firstSheetId(bytes, entryOf(entries, workbookPath, NOT_XLSX))
  const relsPath = path.posix.join(path.posix.dirname(workbookPath), '_rels', `${path.posix.basename(workbookPath)}.rels`)
  const base = path.posix.dirname(workbookPath)
  const sheetPath = await relationshipTarget(bytes, entries, relsPath, base, (_type, id) => id === sheetId)
  if (sheetPath === undefined) throw new ApiError('INVALID_INPUT', NO_SHEET)
  const raw = await readCells(bytes, entryOf(entries, sheetPath, NO_SHEET), limits)
  const needed = new Set<number>()
  for (const cells of raw.rows.values()) for (const cell of cells) if (cell?.type === 's') needed.add(Number(cell.value))
  const stringsPath = needed.size === 0 ? undefined : await relationshipTarget(bytes, entries, relsPath, base, (type) => type.endsWith('/sharedStrings'))
  const strings = stringsPath === undefined ? new Map<number, string>() : await readSharedStrings(bytes, findEntry(entries, stringsPath), needed)
  const rows = new Map<number, string[]>()
  for (const [row, cells] of raw.rows) rows.set(row, Array.from({ length: limits.lastColumn }, (_, i) => textOf(cells[i], strings)))
  return { rows, lastRow: raw.lastRow }
}

function entryOf(entries: readonly ZipEntry[], name: string, missing: string): ZipEntry {
  const entry = findEntry(entries, name)
  if (entry === undefined) throw new ApiError('INVALID_INPUT', missing)
  return entry
}

/** Scans an entry's XML to its end, or until `handlers` have what they need ('stop'). */
async function scan(bytes: Buffer, entry: ZipEntry, handlers: XmlHandlers, done: () => boolean = () => false): Promise<void> {
  const scanner = new XmlScanner(handlers)
  await readEntryText(bytes, entry, (text) => {
    scanner.write(text)
    return done() ? 'stop' : undefined
  })
}

/** The target of the first relationship `matches` in the .rels part, resolved against `base`; undefined when none. */
async function relationshipTarget(bytes: Buffer, entries: readonly ZipEntry[], relsPath: string, base: string, matches: (type: string, id: string) => boolean): Promise<string | undefined> {
  const entry = findEntry(entries, relsPath)
  if (entry === undefined) return undefined
  let target: string | undefined
  await scan(bytes, entry, {
    open(name, attributes) {
      if (target !== undefined || name !== 'Relationship') return
      if (attributes.TargetMode === 'External' || attributes.Target === undefined) return
      if (matches(attributes.Type ?? '', attributes.Id ?? '')) target = attributes.Target
    },
    close() {},
    text() {},
  }, () => target !== undefined)
  if (target === undefined) return undefined
  return target.startsWith('/') ? path.posix.normalize(target.slice(1)) : path.posix.normalize(path.posix.join(base, target))
}

/** The relationship id of the workbook's first sheet (the `r:id` of its first <sheet>). */
async function firstSheetId(bytes: Buffer, workbook: ZipEntry): Promise<string> {
  let id: string | undefined
  await scan(bytes, workbook, {
    open(name, attributes) {
      if (id !== undefined || name !== 'sheet') return
      const key = Object.keys(attributes).find((attribute) => attribute.includes(':') && attribute.endsWith(':id'))
      id = key === undefined ? '' : attributes[key] ?? ''
    },
    close() {},
    text() {},
  }, () => id !== undefined)
  if (id === undefined || id === '') throw new ApiError('INVALID_INPUT', NO_SHEET)
  return id
}

/** `XFD1048576` → column 16384, row 1048576; a reference without a row has row 0. */
export function cellPosition(reference: string): { column: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]{0,7})$/.exec(reference.trim())
  if (match === null) return null
  const column = [...(match[1] ?? '').toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0)
  return { column, row: match[2] === '' ? 0 : Number(match[2]) }
}

/** The sheet's cells within the limits, as written; refused at its declared range or the first cell past them. */
async function readCells(bytes: Buffer, sheet: ZipEntry, limits: SheetLimits): Promise<{ rows: Map<number, Array<RawCell | undefined>>; lastRow: number }> {
  const rows = new Map<number, Array<RawCell | undefined>>()
  let lastRow = 0
  let column = 0
  let cells: Array<RawCell | undefined> = []
  let cell: RawCell | null = null
  // Where text counts: a cell's <v>, or the <t> of an inline string outside its phonetic runs (<rPh>).
  let inValue = false
  let inInline = false
  let inText = false
  let inPhonetic = false
  const refuse = (range: string, declared: boolean) => {
    throw new ApiError('INVALID_INPUT', limits.refusal(range, declared))
  }
  await scan(bytes, sheet, {
    open(name, attributes) {
      if (name === 'dimension') {
        const ref = attributes.ref ?? ''
        const corners = ref.split(':').map(cellPosition)
        const tooFar = corners.some((corner) => corner !== null && (corner.column > limits.lastColumn || corner.row > limits.lastRow))
        if (tooFar) refuse(ref, true)
      } else if (name === 'row') {
        const declared = Number(attributes.r ?? lastRow + 1)
        if (!Number.isInteger(declared) || declared <= lastRow) throw new ApiError('INVALID_INPUT', ROWS_OUT_OF_ORDER)
        if (declared > limits.lastRow) refuse(`A${declared}`, false)
        lastRow = declared
        column = 0
        cells = []
        rows.set(lastRow, cells)
      } else if (name === 'c') {
        const position = attributes.r === undefined ? null : cellPosition(attributes.r)
        column = position === null ? column + 1 : position.column
        if (column > limits.lastColumn) refuse(attributes.r ?? `第 ${lastRow} 行第 ${column} 列`, false)
        cell = { type: attributes.t ?? 'n', value: '' }
      } else if (name === 'v') inValue = true
      else if (name === 'is') inInline = true
      else if (name === 'rPh') inPhonetic = true
      else if (name === 't') inText = true
    },
    close(name) {
      if (name === 'c' && cell !== null) {
        cells[column - 1] = cell
        cell = null
      } else if (name === 'v') inValue = false
      else if (name === 'is') inInline = false
      else if (name === 'rPh') inPhonetic = false
      else if (name === 't') inText = false
    },
    text(text) {
      if (cell !== null && (inValue || (inInline && inText && !inPhonetic))) cell.value += text
    },
  })
  return { rows, lastRow }
}

/** The shared strings the kept cells use, by index; the scan stops once it has passed the last one. */
async function readSharedStrings(bytes: Buffer, entry: ZipEntry | undefined, needed: ReadonlySet<number>): Promise<Map<number, string>> {
  const strings = new Map<number, string>()
  if (entry === undefined) return strings
  const last = Math.max(...needed)
  let index = -1
  let current = ''
  let inText = false
  let inPhonetic = false
  await scan(bytes, entry, {
    open(name) {
      if (name === 'si') {
        index += 1
        current = ''
      } else if (name === 'rPh') inPhonetic = true
      else if (name === 't') inText = true
    },
    close(name) {
      if (name === 'si' && needed.has(index)) strings.set(index, current)
      else if (name === 'rPh') inPhonetic = false
      else if (name === 't') inText = false
    },
    text(text) {
      if (inText && !inPhonetic && needed.has(index)) current += text
    },
  }, () => index > last)
  return strings
}

/** What a cell shows, as text (see the head of this file). */
function textOf(cell: RawCell | undefined, strings: ReadonlyMap<number, string>): string {
  if (cell === undefined || (cell.value === '' && cell.type !== 'inlineStr')) return ''
  switch (cell.type) {
    case 's':
      return strings.get(Number(cell.value)) ?? ''
    case 'inlineStr':
    case 'str':
      return cell.value
    case 'b':
      return cell.value.trim() === '1' ? 'true' : 'false'
    case 'e':
      return ''
    case 'd':
      return cell.value.slice(0, 10)
    default: {
      const number = Number(cell.value)
      return Number.isFinite(number) ? String(number) : cell.value
    }
  }
}

// Reading a roster: the bureau's spreadsheet, one worker per row, checked row by row
// before anything is written (all or nothing). Pure: cells in, entries and errors out; the file is read
// by the function `files` (exceljs), the plan against the stored organisation is rosterPlan.ts.
import { cleanText, orgNameKey } from './cleanText'
import { WORKER_CODE_PATTERN } from './payloadFields'
import { ROSTER_COLUMNS, type RosterColumn, type RosterError } from './rosterSchemas'

/** A grid worker now serves 300-500 households instead of 1000 (DESIGN section 2); 5000 catches a typo. */
export const HOUSEHOLDS_MAX = 5000
export const NAME_MAX = 20
export const UNIT_NAME_MAX = 30
/** Errors an answer carries: enough to fix a file by, small enough for one reply (a few hundred KB at most). */
export const ROSTER_ERRORS_SHOWN = 1000
/** Far above a city's 1000+ workers; a sheet past it is not a roster. */
export const ROSTER_ROWS_MAX = 10000

/** One worker of the roster, as the file says (names, not ids). */
export interface RosterEntry {
  /** The spreadsheet's row number (the header is row 1). */
  row: number
  subdistrict: string
  community: string
  grid: string
  households: number
  workerCode: string
  name: string
  post: string
}

/** A sheet as text: the header row's cells, then each later row with its number. */
export interface RosterTable {
  header: string[]
  rows: { row: number; cells: string[] }[]
}

export interface ParsedRoster {
  entries: RosterEntry[]
  errors: RosterError[]
}

const COLUMN_LIST = ROSTER_COLUMNS.join('、')

/** Every row checked; an error names its row (as Excel numbers it) and its column. */
export function parseRoster(table: RosterTable, postNames: readonly string[]): ParsedRoster {
  const header = table.header.map((cell) => cell.trim())
  while (header.length > ROSTER_COLUMNS.length && header[header.length - 1] === '') header.pop()
  if (header.length !== ROSTER_COLUMNS.length || header.some((cell, i) => cell !== ROSTER_COLUMNS[i])) {
    return { entries: [], errors: [{ row: 1, column: null, message: `第一行应依次是 ${COLUMN_LIST} 这 ${ROSTER_COLUMNS.length} 列，请使用下载的模板` }] }
  }
  const filled = table.rows.filter((r) => r.cells.some((cell) => cleanText(cell) !== ''))
  if (filled.length === 0) return { entries: [], errors: [{ row: 2, column: null, message: '花名册里还没有工作者，请从第 2 行起每行填一名工作者' }] }
  if (filled.length > ROSTER_ROWS_MAX) {
    return { entries: [], errors: [{ row: ROSTER_ROWS_MAX + 2, column: null, message: `一次最多导入 ${ROSTER_ROWS_MAX} 名工作者` }] }
  }
  const errors: RosterError[] = []
  const entries: RosterEntry[] = []
  const firstRowOfCode = new Map<string, number>()
  const householdsOfGrid = new Map<string, { row: number; households: number }>()
  for (const { row, cells } of filled) {
    const before = errors.length
    // Cleaned as every name the contract accepts: no invisible characters (trust rule 7).
    const cell = (column: RosterColumn) => cleanText(cells[ROSTER_COLUMNS.indexOf(column)] ?? '')
    const fail = (column: RosterColumn, message: string) => errors.push({ row, column, message })
    const subdistrict = unitName(cell('街道'), '街道', fail)
    const community = unitName(cell('社区'), '社区', fail)
    const grid = unitName(cell('网格'), '网格', fail)
    const households = householdsOf(cell('户数'), fail)
    const workerCode = cell('工号')
    if (workerCode === '') fail('工号', '请填写工号')
    else if (!WORKER_CODE_PATTERN.test(workerCode)) fail('工号', `工号“${clip(workerCode)}”不能用：只能用字母、数字、下划线（_）和短横线（-），最多 32 位`)
    else if (firstRowOfCode.has(workerCode)) fail('工号', `工号 ${workerCode} 与第 ${firstRowOfCode.get(workerCode)} 行重复`)
    else firstRowOfCode.set(workerCode, row)
    const name = cell('姓名')
    if (name === '') fail('姓名', '请填写姓名')
    else if ([...name].length > NAME_MAX) fail('姓名', `姓名最多 ${NAME_MAX} 个字`)
    const post = cell('岗位')
    if (post === '') fail('岗位', `请填写岗位：${postNames.join('、')}`)
    else if (!postNames.includes(post)) fail('岗位', `岗位“${clip(post)}”不在岗位目录中，应为：${postNames.join('、')}`)
    if (subdistrict !== null && community !== null && grid !== null && households !== null) {
      const key = JSON.stringify([subdistrict, community, grid].map(orgNameKey))
      const first = householdsOfGrid.get(key)
      if (first === undefined) householdsOfGrid.set(key, { row, households })
      else if (first.households !== households) fail('户数', `网格“${grid}”在第 ${first.row} 行的户数是 ${first.households}，这里是 ${households}：同一网格的户数应一致`)
    }
    if (errors.length === before && subdistrict !== null && community !== null && grid !== null && households !== null) {
      entries.push({ row, subdistrict, community, grid, households, workerCode, name, post })
    }
  }
  return { entries: errors.length === 0 ? entries : [], errors }
}

function unitName(text: string, column: '街道' | '社区' | '网格', fail: (column: RosterColumn, message: string) => void): string | null {
  if (text === '') {
    fail(column, `请填写${column}名称`)
    return null
  }
  if ([...text].length > UNIT_NAME_MAX) {
    fail(column, `${column}名称最多 ${UNIT_NAME_MAX} 个字`)
    return null
  }
  return text
}

function householdsOf(text: string, fail: (column: RosterColumn, message: string) => void): number | null {
  const households = /^\d+$/.test(text) ? Number(text) : NaN
  if (Number.isInteger(households) && households >= 1 && households <= HOUSEHOLDS_MAX) return households
  const given = text === '' ? '这里是空的' : `这里是“${clip(text)}”`
  fail('户数', `户数应为 1 到 ${HOUSEHOLDS_MAX} 的整数（一个网格约 300-500 户），${given}`)
  return null
}

/** A cell quoted back in a message, cut short so one long cell cannot flood the list. */
function clip(text: string): string {
  const chars = [...text]
  return chars.length <= 20 ? text : `${chars.slice(0, 20).join('')}…`
}

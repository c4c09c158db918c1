// The roster's rules, row by row: every error names its row as Excel numbers it
// (the header is row 1) and its column; a roster with any error yields no entries at all.
import { parseRoster, type RosterTable } from './roster'
import { ROSTER_COLUMNS } from './rosterSchemas'

const POSTS = ['正职', '副职', '委员', '专职社区工作者']
const HEADER = [...ROSTER_COLUMNS]
const GOOD = ['浮山办事处', '银泉社区', '银泉花园', '320', 'YQ01', '张敏', '正职']

/** Rows from row 2 on, as in the sheet. */
const table = (...rows: string[][]): RosterTable => ({ header: HEADER, rows: rows.map((cells, i) => ({ row: i + 2, cells })) })
const withCell = (column: string, value: string, base = GOOD) => base.map((cell, i) => (HEADER[i] === column ? value : cell))

it('reads a good row into an entry with its row number and the households as a number', () => {
  expect(parseRoster(table(GOOD), POSTS)).toEqual({
    entries: [{ row: 2, subdistrict: '浮山办事处', community: '银泉社区', grid: '银泉花园', households: 320, workerCode: 'YQ01', name: '张敏', post: '正职' }],
    errors: [],
  })
})

it('refuses a header that is not exactly the template, naming row 1', () => {
  const swapped = { header: ['街道', '社区', '网格', '户数', '姓名', '工号', '岗位'], rows: [{ row: 2, cells: GOOD }] }
  const result = parseRoster(swapped, POSTS)
  expect(result.entries).toEqual([])
  expect(result.errors).toEqual([{ row: 1, column: null, message: expect.stringContaining('街道、社区、网格、户数、工号、姓名、岗位') }])
})

it('accepts trailing empty header cells and skips empty rows (Excel keeps formatted blanks)', () => {
  const result = parseRoster({ header: [...HEADER, '', ''], rows: [{ row: 2, cells: GOOD }, { row: 3, cells: ['', ' ', ''] }, { row: 4, cells: withCell('工号', 'YQ02') }] }, POSTS)
  expect(result.errors).toEqual([])
  expect(result.entries.map((e) => e.row)).toEqual([2, 4])
})

it.each([
  ['abc', '“abc”'],
  ['0', '“0”'],
  ['5001', '“5001”'],
  ['320.5', '“320.5”'],
  ['', '空的'],
])('refuses 户数 %p: a whole number 1..5000', (households, quoted) => {
  const { errors, entries } = parseRoster(table(GOOD, withCell('户数', households, withCell('工号', 'YQ02'))), POSTS)
  expect(entries).toEqual([])
  expect(errors).toEqual([{ row: 3, column: '户数', message: expect.stringContaining(quoted) }])
})

it('accepts 户数 1 and 5000, the ends of the range', () => {
  const rows = [withCell('户数', '1'), withCell('户数', '5000', withCell('网格', '青龙小区', withCell('工号', 'YQ02')))]
  expect(parseRoster(table(...rows), POSTS).entries.map((e) => e.households)).toEqual([1, 5000])
})

it('refuses a 工号 that cannot be a QR scene or a document id: spaces, Chinese, 33 characters', () => {
  const rows = [withCell('工号', 'YQ 01'), withCell('工号', '银泉01'), withCell('工号', 'A'.repeat(33)), withCell('工号', 'A'.repeat(32))]
  const { errors } = parseRoster(table(...rows), POSTS)
  expect(errors.map((e) => [e.row, e.column])).toEqual([[2, '工号'], [3, '工号'], [4, '工号']])
})

it('keeps a 工号 to letters, digits, _ and -: a scene allows / # . but a document id must not hold them', () => {
  const rows = [withCell('工号', 'YQ/01'), withCell('工号', 'YQ#02'), withCell('工号', 'YQ.03'), withCell('工号', 'yq_04-b'), withCell('工号', 'QL05')]
  const { errors } = parseRoster(table(...rows), POSTS)
  expect(errors).toEqual([
    { row: 2, column: '工号', message: '工号“YQ/01”不能用：只能用字母、数字、下划线（_）和短横线（-），最多 32 位' },
    { row: 3, column: '工号', message: '工号“YQ#02”不能用：只能用字母、数字、下划线（_）和短横线（-），最多 32 位' },
    { row: 4, column: '工号', message: '工号“YQ.03”不能用：只能用字母、数字、下划线（_）和短横线（-），最多 32 位' },
  ])
})

it('names the first row when a 工号 comes twice, on the second row', () => {
  const rows = [GOOD, withCell('工号', 'YQ02'), withCell('姓名', '李华')]
  expect(parseRoster(table(...rows), POSTS).errors).toEqual([{ row: 4, column: '工号', message: '工号 YQ01 与第 2 行重复' }])
})

it('refuses one grid given two household counts, naming the first row and both counts', () => {
  const rows = [GOOD, withCell('户数', '300', withCell('工号', 'YQ02'))]
  expect(parseRoster(table(...rows), POSTS).errors).toEqual([{ row: 3, column: '户数', message: expect.stringMatching(/第 2 行的户数是 320，这里是 300/) }])
})

it('lets grids of the same name in different communities have their own counts', () => {
  const rows = [GOOD, withCell('户数', '300', withCell('社区', '青龙社区', withCell('工号', 'QL01')))]
  expect(parseRoster(table(...rows), POSTS).errors).toEqual([])
})

it('refuses a post outside the catalogue, listing the posts', () => {
  expect(parseRoster(table(withCell('岗位', '网格员')), POSTS).errors).toEqual([
    { row: 2, column: '岗位', message: '岗位“网格员”不在岗位目录中，应为：正职、副职、委员、专职社区工作者' },
  ])
})

it('refuses empty names and a name over 20 characters', () => {
  const rows = [withCell('街道', ''), withCell('社区', '', withCell('工号', 'A2')), withCell('网格', '', withCell('工号', 'A3')), withCell('姓名', '', withCell('工号', 'A4')), withCell('姓名', '名'.repeat(21), withCell('工号', 'A5'))]
  expect(parseRoster(table(...rows), POSTS).errors.map((e) => [e.row, e.column])).toEqual([[2, '街道'], [3, '社区'], [4, '网格'], [5, '姓名'], [6, '姓名']])
})

it('lists every bad row, several errors of one row each with its column, and yields no entries', () => {
  const rows = [GOOD, ['浮山办事处', '', '银泉花园', 'abc', 'YQ02', '', '正职'], withCell('工号', 'YQ03')]
  const result = parseRoster(table(...rows), POSTS)
  expect(result.errors.map((e) => [e.row, e.column])).toEqual([[3, '社区'], [3, '户数'], [3, '姓名']])
  expect(result.entries).toEqual([])
})

it('refuses a roster without any worker, naming row 2', () => {
  expect(parseRoster(table(), POSTS).errors).toEqual([{ row: 2, column: null, message: expect.stringContaining('没有工作者') }])
})

// org.template and org.import through dispatch over SQLite with the demo organisation (36 workers):
// a 1000-worker roster imports in one call, a bad row names its row and column and writes nothing,
// the same file again changes nothing, only the bureau may import.
import { Workbook } from 'exceljs'
import { setUpEnvironment } from '@backend/setup/setup'
import { seedDemo } from '@backend/demo/seed'
import type { ActionName } from '@core/contract'
import type { RosterImportResult } from '@core/rosterSchemas'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { dataOf } from './support/apiHarness'
import { callerOn } from './support/demoCaller'
import { excelRowOf, generatedRoster, memoryFiles, rosterXlsx } from './support/rosterFile'
import { testSecrets } from './support/secrets'

const NOW = new Date('2026-07-10T02:00:00Z')
const BUREAU = 'dev-bureau'
let store: SqliteStore
let files: ReturnType<typeof memoryFiles>
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  await setUpEnvironment(store, NOW, { demo: seedDemo }, testSecrets)
  files = memoryFiles()
})
afterEach(() => store.close())

const call = (action: ActionName, payload: unknown, openid: string | null) => callerOn(store, { now: NOW, files }).call(action, payload, openid)
const importFile = async (bytes: Buffer, openid: string | null = BUREAU, dryRun?: boolean) =>
  call('org.import', { fileId: files.put(bytes), ...(dryRun === undefined ? {} : { dryRun }) }, openid)
/** Everything the roster can touch: units, posts, workers, and the identities bound to them. */
const dump = async () => ({ org: await store.roster.readOrganisation(), principals: await store.listPrincipals() })

describe('a roster of 1000 workers', () => {
  const roster = generatedRoster(1000)

  it('imports in one call: 1000 created in 4 sub-districts, 20 communities and 200 grids; the 36 demo workers listed as missing', async () => {
    const result = dataOf<RosterImportResult>(await importFile(await rosterXlsx(roster)))
    expect(result).toMatchObject({ created: 1000, updated: 0, errors: [], units: { subdistricts: 4, communities: 20, grids: 200 } })
    expect(result.missing).toHaveLength(36)
    expect(result.missing[0]).toEqual({ workerCode: 'GH01', name: expect.any(String), community: '淦河社区' })
    const org = await store.roster.readOrganisation()
    expect(org.workers).toHaveLength(1036)
    // R0537 (index 536) is in grid 536/5 = 107, the 8th of community 107/10 = 10 (第11社区) of sub-district 10/5 = 2 (第3); 300 + 107*37 % 200 = 359 households.
    const worker = org.workers.find((w) => w.code === 'R0537')
    const grid = org.grids.find((g) => g.id === worker?.gridId)
    expect(grid).toMatchObject({ name: '8号网格', households: 300 + ((107 * 37) % 200) })
    expect(org.communities.find((c) => c.id === worker?.communityId)?.name).toBe('第11社区')
    expect(org.subdistricts.find((s) => s.id === worker?.subdistrictId)?.name).toBe('第3街道办事处')
  })

  it('changes nothing when the same file is imported again: created 0, updated 0, the store as before', async () => {
    const bytes = await rosterXlsx(roster)
    dataOf(await importFile(bytes))
    const before = await dump()
    expect(dataOf<RosterImportResult>(await importFile(bytes))).toMatchObject({ created: 0, updated: 0, units: { subdistricts: 0, communities: 0, grids: 0 }, errors: [] })
    expect(await dump()).toEqual(before)
  })

  it('names row 537 and column 户数 when its households are “abc”, and writes nothing', async () => {
    const spoiled = roster.map((row, i) => (excelRowOf(i) === 537 ? { ...row, households: 'abc' } : row))
    const before = await dump()
    const result = dataOf<RosterImportResult>(await importFile(await rosterXlsx(spoiled)))
    expect(result.errors).toEqual([{ row: 537, column: '户数', message: expect.stringContaining('“abc”') }])
    expect(result).toMatchObject({ created: 0, updated: 0 })
    expect(await dump()).toEqual(before)
  })

  it('names row 5 and column 工号 when its code is “R/0004”, and writes nothing', async () => {
    const spoiled = roster.map((row, i) => (excelRowOf(i) === 5 ? { ...row, workerCode: 'R/0004' } : row))
    const before = await dump()
    const result = dataOf<RosterImportResult>(await importFile(await rosterXlsx(spoiled)))
    expect(result.errors).toEqual([{ row: 5, column: '工号', message: '工号“R/0004”不能用：只能用字母、数字、下划线（_）和短横线（-），最多 32 位' }])
    expect(result).toMatchObject({ created: 0, updated: 0 })
    expect(await dump()).toEqual(before)
  })

  it('only checks and counts on dryRun', async () => {
    const before = await dump()
    expect(dataOf<RosterImportResult>(await importFile(await rosterXlsx(roster), BUREAU, true))).toMatchObject({ created: 1000, updated: 0, errors: [] })
    expect(await dump()).toEqual(before)
  })
})

it('moves a stored 工号 to another sub-district as an update, and the identity bound to it moves along', async () => {
  const bytes = await rosterXlsx([{ subdistrict: '温泉办事处', community: '淦河社区', grid: '新网格', households: 400, workerCode: 'YQ01', name: '张敏（调入）', post: '正职' }])
  const result = dataOf<RosterImportResult>(await importFile(bytes))
  expect(result).toMatchObject({ created: 0, updated: 1, units: { subdistricts: 0, communities: 0, grids: 1 } })
  expect(result.missing).toHaveLength(35)
  const moved = await store.getWorker('YQ01')
  const wenquan = (await store.listSubdistricts()).find((s) => s.name === '温泉办事处')
  expect(moved).toMatchObject({ name: '张敏（调入）', subdistrictId: wenquan?.id })
  const bound = (await store.listPrincipals()).find((p) => p.workerCode === 'YQ01')
  expect(bound).toMatchObject({ role: 'worker', name: '张敏（调入）', subdistrictId: wenquan?.id, communityId: moved?.communityId })
})

it.each([
  ['a resident', 'o-some-resident', 'FORBIDDEN'],
  ['sub-district staff', 'dev-subdistrict-fushan', 'FORBIDDEN'],
  ['a community admin', 'dev-community-yinquan', 'FORBIDDEN'],
  ['anonymous', null, 'UNAUTHENTICATED'],
])('refuses %s (%s) both actions, writing nothing', async (_who, openid, code) => {
  const before = await dump()
  expect(await importFile(await rosterXlsx(generatedRoster(5)), openid)).toMatchObject({ ok: false, code })
  expect(await call('org.template', {}, openid)).toMatchObject({ ok: false, code })
  expect(await dump()).toEqual(before)
  expect(files.written.size).toBe(0)
})

it('says so when the upload is not a spreadsheet, or not there', async () => {
  expect(await importFile(Buffer.from('not a zip'))).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('.xlsx') })
  expect(await call('org.import', { fileId: 'upload-missing' }, BUREAU)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

describe('the template', () => {
  const templateOf = async () => {
    const { url } = dataOf<{ url: string }>(await call('org.template', {}, BUREAU))
    const workbook = new Workbook()
    await workbook.xlsx.load(files.written.get(url)?.bytes as unknown as ArrayBuffer)
    return { url, workbook }
  }

  it('has exactly the seven column headers in row 1 of its first sheet, and the posts on its second', async () => {
    const { url, workbook } = await templateOf()
    expect(decodeURIComponent(url)).toMatch(/花名册模板\.xlsx$/)
    const first = workbook.worksheets[0]
    expect(first?.getRow(1).values).toEqual([undefined, '街道', '社区', '网格', '户数', '工号', '姓名', '岗位'])
    expect(first?.actualRowCount).toBe(1)
    const notes = workbook.worksheets[1]
    const texts = notes?.getColumn(1).values.filter((v) => typeof v === 'string')
    expect(texts).toEqual(expect.arrayContaining(['正职', '副职', '委员', '专职社区工作者', '户数', '工号']))
  })

  it('imports once filled in, as it is', async () => {
    const { workbook } = await templateOf()
    workbook.worksheets[0]?.addRow(['浮山办事处', '银泉社区', '银泉花园', 320, 'NEW01', '赵新', '委员'])
    const result = dataOf<RosterImportResult>(await importFile(Buffer.from(await workbook.xlsx.writeBuffer())))
    expect(result).toMatchObject({ created: 1, errors: [] })
  })
})

it('answers at most 1000 errors and says how many there are in all', async () => {
  // 1200 rows, each with an empty 姓名 and a 岗位 outside the catalogue: 2400 errors, rows 2..1201.
  const rows = generatedRoster(1200).map((row) => ({ ...row, name: '', post: '网格员' }))
  const result = dataOf<RosterImportResult>(await importFile(await rosterXlsx(rows)))
  expect(result.errorCount).toBe(2400)
  expect(result.errors).toHaveLength(1000)
  expect(result.errors[999]).toMatchObject({ row: 501, column: '岗位' })
})

// 花名册导入 in the weapp build (staff/roster/index), rendered by WeChat's compiler over
// the demo: the template is downloaded and opened with WeChat's menu (to forward it to a PC); a roster
// picked from a chat is uploaded to cloud storage and checked at once — a bad row listed by row and
// column with nothing written; a good one counted, imported, and its workers then stored. Other staff
// get a notice. Run `npm run build:weapp` first.
import { Workbook } from 'exceljs'
import { generatedRoster, rosterXlsx } from '../support/rosterFile'
import { createWorld, type WeappWorld } from './harness'

const BUREAU = { openid: 'dev-bureau' }
const SUBDISTRICT = { openid: 'dev-subdistrict-fushan' }

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

it('downloads the template by its file ID (wx.cloud.downloadFile, no domain list) and opens it as an .xlsx with the menu, its row 1 the seven headers', async () => {
  const page = await world.openPage('staff/roster/index', {}, BUREAU)
  await page.waitForText('1. 下载模板')
  await page.tap('下载模板')
  await page.waitForText(/模板已打开/)
  const [call] = world.callsOf('org.template')
  expect(call).toMatchObject({ reply: { ok: true, data: { fileId: expect.stringMatching(/^cloud:\/\//) } } })
  expect(world.chatFiles.cloudDownloads).toEqual([(call?.reply as { data: { fileId: string } }).data.fileId])
  expect(world.chatFiles.urlDownloads).toEqual([])
  const [opened] = world.chatFiles.opened
  expect(opened).toMatchObject({ fileType: 'xlsx', showMenu: true })
  const workbook = new Workbook()
  await workbook.xlsx.load(opened?.bytes as unknown as ArrayBuffer)
  expect(workbook.worksheets[0]?.getRow(1).values).toEqual([undefined, '街道', '社区', '网格', '户数', '工号', '姓名', '岗位'])
})

it('lists a bad row by row and column and writes nothing; then imports a good roster', async () => {
  const roster = generatedRoster(12)
  world.chatFiles.next = { name: '花名册.xlsx', bytes: await rosterXlsx(roster.map((row, i) => (i === 4 ? { ...row, households: 'abc' } : row))) }
  const page = await world.openPage('staff/roster/index', {}, BUREAU)
  await page.waitForText('选择文件')
  await page.tap('选择文件')
  await page.waitForText('发现 1 处错误，没有导入任何数据')
  expect(page.textsOf('.roster-error__where')).toEqual(['第 6 行 · 户数'])
  expect(world.chatFiles.uploads).toHaveLength(1)
  // Uploaded to the path the back end answered: the clerk's own folder, which org.import reads from.
  expect(world.callsOf('org.uploadPath')[0]).toMatchObject({ reply: { ok: true, data: { cloudPath: world.chatFiles.uploads[0] } } })
  expect(world.chatFiles.uploads[0]).toMatch(/^rosters\/[0-9a-f]{32}\/\d{8}-[0-9a-f]{16}\.xlsx$/)
  expect(world.callsOf('org.import')[0]).toMatchObject({ payload: { dryRun: true } })
  expect(await world.store.getWorker('R0001')).toBeNull()

  world.chatFiles.next = { name: '花名册-改好.xlsx', bytes: await rosterXlsx(roster) }
  await page.tap('换一个文件')
  await page.waitForText('检查通过，可以导入')
  await page.waitForText('新增工作者 12 名')
  expect(await world.store.getWorker('R0001')).toBeNull()
  await page.tap('导入')
  await page.waitForText('导入完成')
  expect(world.callsOf('org.import')).toHaveLength(3)
  expect(world.callsOf('org.import')[2]?.payload).toEqual({ fileId: expect.stringMatching(/^cloud:\/\//) })
  expect(await world.store.getWorker('R0012')).toMatchObject({ name: roster[11]?.name })
  expect(page.has('36 名工作者不在新花名册中')).toBe(true)
})

it('keeps the page as it was when the clerk closes the chat without picking', async () => {
  const page = await world.openPage('staff/roster/index', {}, BUREAU)
  await page.waitForText('选择文件')
  await page.tap('选择文件')
  await world.settled(page)
  expect(world.callsOf('org.import')).toEqual([])
  expect(page.has('选择文件')).toBe(true)
})

it('tells sub-district staff the bureau imports the roster, offering nothing to pick', async () => {
  const page = await world.openPage('staff/roster/index', {}, SUBDISTRICT)
  await page.waitForText('花名册由市民政局统一导入')
  expect(page.has('选择文件')).toBe(false)
})

// The scoring sheet in the weapp build (staff/sheet/index), rendered by WeChat's compiler
// over the demo (浮山: 30 workers): a new sheet of this month with every worker an empty row; typing
// 38.5, 36, 18.7 shows the running total 93.2, the status 草稿 · 已评 1 / 30 人, and 保存草稿 stores
// version 1; 45 in a 40-point item is marked beside its box and left out of the save, the other boxes
// kept; 提交 stays closed until all 30 are scored, then asks to confirm in place and locks; 修改 asks
// for a reason and the history shows the change. The bureau reads only.
// Run `npm run build:weapp` first.
import { monthOf, periodLabel } from '@core/periods'
import { createWorld, type WeappWorld } from './harness'

const STAFF = { openid: 'dev-subdistrict-fushan' } // 浮山办事处 王科长
const BUREAU = { openid: 'dev-bureau' }
// This month: the demo's closed months have their submitted sheets (backend/demo/seedSheets.ts).
const THIS_MONTH = monthOf(new Date())

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

/** Every worker but the first scored 35 + 35 + 17.5 = 87.5, through the api as the clerk would. */
async function scoreTheOthers(version: number): Promise<void> {
  const workers = await world.store.listWorkers('fushan')
  const rows = workers.slice(1).map((w) => ({ workerCode: w.code, points: [35, 35, 17.5] }))
  const reply = await world.backend.call({ action: 'sheet.save', payload: { kind: 'period', period: THIS_MONTH, version, rows } }, STAFF.openid)
  expect(reply.ok).toBe(true)
}

it('shows a new sheet of 30 empty rows, totals a row as typed and saves it as a draft', async () => {
  const page = await world.openPage('staff/sheet/index', { kind: 'period', period: THIS_MONTH }, STAFF)
  await page.waitForText(`浮山办事处 · ${periodLabel(THIS_MONTH)}街道评分`)
  await page.waitForText('尚未填写 · 已评 0 / 30 人')
  expect(page.textsOf('.sheet-table__criterion')).toEqual(['履职尽责', '工作实绩', '纪律作风'])
  await page.waitFor(() => page.all('.sheet-table__input').length === 90, '90 boxes: 30 workers x 3 criteria')

  await page.input({ selector: '.sheet-table__input', index: 0 }, '38.5')
  await page.input({ selector: '.sheet-table__input', index: 1 }, '36')
  await page.input({ selector: '.sheet-table__input', index: 2 }, '18.7')
  await page.waitFor(() => page.textsOf('.sheet-table__total')[1] === '93.2', 'the first worker’s total 93.2')
  // Typed, not saved yet: a draft already, the count and the words agree.
  await page.waitForText('草稿 · 已评 1 / 30 人')
  expect(page.has('尚未填写 · 已评 1 / 30 人')).toBe(false)
  await page.waitForText(/有改动还没有保存/)
  await page.tap('保存草稿')
  await page.waitForText('草稿已保存')
  await page.waitFor(() => page.textsOf('.sheet-status__title')[0] === '草稿 · 已评 1 / 30 人', 'the status 草稿')
  const stored = await world.store.sheets.getSheet('fushan', 'period', THIS_MONTH)
  expect(stored).toMatchObject({ status: 'draft', version: 1 })
  expect(stored?.rows[0].points).toEqual([38.5, 36, 18.7])
})

it('marks 45 in a 40-point item beside its box, saves the other boxes and says which one was not saved', async () => {
  const page = await world.openPage('staff/sheet/index', { kind: 'period', period: THIS_MONTH }, STAFF)
  await page.waitForText('尚未填写 · 已评 0 / 30 人')
  await page.input({ selector: '.sheet-table__input', index: 0 }, '45')
  await page.input({ selector: '.sheet-table__input', index: 1 }, '36')
  await page.input({ selector: '.sheet-table__input', index: 2 }, '18.7')
  await page.waitFor(() => page.textsOf('.sheet-table__problem').join() === '超过满分 40', 'the mark beside the box')
  expect(page.all('.sheet-table__input--bad')).toHaveLength(1)
  await page.tap('保存草稿')
  const [name] = page.textsOf('.sheet-table__name')
  await page.waitForText('有 1 格没有保存，其余已保存为草稿')
  expect(page.textsOf('.sheet-refused__line')).toEqual([`${name}的“履职尽责”填了 45，超过满分 40，没有保存`])
  expect((await world.store.sheets.getSheet('fushan', 'period', THIS_MONTH))?.rows[0].points).toEqual([null, 36, 18.7])
  // After the reload the box still reads 45 with its mark, to be put right; the others as stored.
  await page.waitForText('草稿 · 已评 0 / 30 人')
  expect(await page.attr({ selector: '.sheet-table__input', index: 0 }, 'value')).toBe('45')
  expect(page.textsOf('.sheet-table__problem')).toEqual(['超过满分 40'])

  await page.input({ selector: '.sheet-table__input', index: 0 }, '38.5')
  await page.waitFor(() => page.all('.sheet-table__problem').length === 0, 'the mark gone once it fits')
  await page.waitForText('草稿 · 已评 1 / 30 人')
})

it('keeps 提交 closed while workers are unscored, saying how many are left', async () => {
  const page = await world.openPage('staff/sheet/index', { kind: 'period', period: THIS_MONTH }, STAFF)
  await page.waitForText('还有 30 人没有评完，全部评完后才能提交')
  await page.input({ selector: '.sheet-table__input', index: 0 }, '38.5')
  await page.input({ selector: '.sheet-table__input', index: 1 }, '36')
  await page.input({ selector: '.sheet-table__input', index: 2 }, '18.7')
  await page.waitForText('还有 29 人没有评完，全部评完后才能提交')
  await page.tap('提交')
  await world.settled(page)
  expect(page.has('提交后将锁定，修改需要填写理由。确定提交吗？')).toBe(false)
  expect(world.callsOf('sheet.submit')).toEqual([])
})

it('submits after confirming in place, locks, and changes with a reason that the history shows', async () => {
  const first = await world.openPage('staff/sheet/index', { kind: 'period', period: THIS_MONTH }, STAFF)
  await first.waitForText('尚未填写 · 已评 0 / 30 人')
  await scoreTheOthers(0)
  first.close()
  const page = await world.openPage('staff/sheet/index', { kind: 'period', period: THIS_MONTH }, STAFF)
  await page.waitForText('草稿 · 已评 29 / 30 人')
  await page.input({ selector: '.sheet-table__input', index: 0 }, '38.5')
  await page.input({ selector: '.sheet-table__input', index: 1 }, '36')
  await page.input({ selector: '.sheet-table__input', index: 2 }, '18.7')
  await page.waitForNoText(/没有评完/)
  await page.tap('提交')
  await page.waitForText('提交后将锁定，修改需要填写理由。确定提交吗？')
  expect(world.callsOf('sheet.submit')).toEqual([])
  await page.tap('确认提交')
  await page.waitForText('评分表已提交')
  await page.waitFor(() => page.all('.sheet-table__input').length === 0, 'the boxes locked')
  expect(page.textsOf('.sheet-status__title')).toEqual(['已提交'])
  expect((await world.store.listSubdistrictScores('fushan', [THIS_MONTH])).length).toBe(30)

  await page.tap('修改')
  await page.waitFor(() => page.all('.sheet-table__input').length === 90, 'the boxes open again')
  await page.input({ selector: '.sheet-table__input', index: 2 }, '19.7')
  await page.input({ selector: '.sheet-reason' }, '复核考勤记录后更正纪律作风得分')
  await page.tap('保存修改')
  await page.waitForText('修改已保存，并记入修改记录')
  await page.waitForText('已提交，已修改 1 次')
  await page.waitForText('理由：复核考勤记录后更正纪律作风得分')
  expect(page.textsOf('.sheet-table__total')[1]).toBe('94.2')
})

it('lets the bureau read the sheet of 浮山 without boxes or buttons', async () => {
  await world.backend.call({ action: 'sheet.save', payload: { kind: 'period', period: THIS_MONTH, version: 0, rows: [] } }, STAFF.openid)
  const page = await world.openPage('staff/sheet/index', { kind: 'period', period: THIS_MONTH }, BUREAU)
  await page.waitForText('市民政局可查看各街道的评分表，由街道工作人员填写和提交。')
  await world.settled(page)
  expect(page.all('.sheet-table__input')).toHaveLength(0)
  expect(page.findByText('保存草稿')).toEqual([])
  expect(page.findByText('提交')).toEqual([])
})

it('switches to the year-end review of this year, a sheet of its own', async () => {
  const year = monthOf(new Date()).slice(0, 4)
  const page = await world.openPage('staff/sheet/index', {}, STAFF)
  await page.waitForText(/浮山办事处 · \d{4}年\d{1,2}月街道评分/)
  await page.tap('年终评议')
  await page.waitForText(`浮山办事处 · ${year}年年终评议`)
  // The month's sheet said 尚未填写 too: wait for the year-end review's own answer before reading the status.
  await page.waitFor(() => world.callsOf('sheet.get').length === 2, 'the year-end review loaded')
  await page.waitForText('尚未填写 · 已评 0 / 30 人')
  expect(world.callsOf('sheet.get').map((call) => (call.payload as { kind: string }).kind)).toEqual(['period', 'yearEnd'])
})

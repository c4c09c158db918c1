// The bureau's scoring settings in the weapp build (staff/settings/index), rendered by
// WeChat's compiler over the demo: the settings in force in six groups (the scoring sheet’s criteria the sixth) with their version; a daily share
// of 0.5 is refused with the message beside 日常考核占比, the page scrolled to it, and nothing saved; 0.7 saves version 2, and the
// page then says so. Other staff get a notice. Run `npm run build:weapp` first.
import { DEFAULT_SETTINGS } from '@core/settings'
import { createWorld, type WeappWorld } from './harness'

const BUREAU = { openid: 'dev-bureau' } // 市民政局 陈处长
const SUBDISTRICT = { openid: 'dev-subdistrict-fushan' }
/** Input boxes in page order: 3 weights, 5 level points, then 评定规则 (优秀最低分, 优秀比例上限, 居民, 服务对象, 先验权重, 日常考核占比, …). */
const DAILY_SHARE = 13
/** After 评定规则 (7) and 网格时间 (2): the group 防刷、差评整改与申诉, its first box 每人每分钟最多提交. */
const RATE_PER_MINUTE = 17

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())


/** 保存, then the confirmation: the change in words and the reason a city-wide change needs. */
async function saveWithReason(page: Awaited<ReturnType<WeappWorld['openPage']>>, change: string, reason = '按省里要求调整考核设置'): Promise<void> {
  await page.tap('保存')
  await page.waitForText('确认修改考核设置')
  expect(page.has(`· ${change}`)).toBe(true)
  await page.input({ selector: '.settings-confirm__note', index: 0 }, reason)
  await page.tap('确认保存，全市生效')
}

it('shows the seven groups and version 1 with the defaults', async () => {
  const page = await world.openPage('staff/settings/index', {}, BUREAU)
  await page.waitForText('当前第 1 版（系统初始设置）')
  expect(page.textsOf('.settings-group__title')).toEqual(['三方权重', '等级分值', '评定规则', '网格时间', '节假日与调休', '防刷、差评整改与申诉', '评分表评分项'])
  expect(page.all('.settings-input')).toHaveLength(23)
  // The limits' group: 10, 30, 30 visits a day, 1, 15, 10 by default, each with its line of explanation.
  for (const [i, value] of ['10', '30', '30', '1', '15', '10'].entries()) expect(await page.attr({ selector: '.settings-input', index: RATE_PER_MINUTE + i }, 'value')).toBe(value)
  await page.waitForText('同一人一分钟内最多提交几次评价，超过要等一分钟，默认 10')
  await page.waitForText('一位工作者一天内最多登记几次服务，超过要等到第二天，默认 30')
  expect(await page.attr({ selector: '.settings-input', index: 0 }, 'value')).toBe('0.4')
  expect(await page.attr({ selector: '.settings-input', index: DAILY_SHARE }, 'value')).toBe('0.6')
})

it('refuses a daily share of 0.5 beside its field and scrolls to it, saving nothing; 0.7 saves version 2', async () => {
  // Where WeChat is asked to scroll, and whether the message was on the page by then.
  const scrolls: Array<{ selector?: string; offsetTop?: number; shown: number }> = []
  const wx = (globalThis as unknown as { wx: Record<string, (options: { selector?: string; offsetTop?: number }) => void> }).wx
  const pageScrollTo = wx.pageScrollTo
  wx.pageScrollTo = (options) => {
    scrolls.push({ selector: options.selector, offsetTop: options.offsetTop, shown: page.all('.settings-error').length })
    pageScrollTo(options)
  }
  const page = await world.openPage('staff/settings/index', {}, BUREAU)
  await page.waitForText('当前第 1 版（系统初始设置）')
  await page.input({ selector: '.settings-input', index: DAILY_SHARE }, '0.5')
  await saveWithReason(page, '日常考核占比：0.6 → 0.5')
  await page.waitForText('没有保存')
  expect(page.textsOf('.settings-error')).toEqual(['日常考核占比必须在 0.6 到 1 之间（日常考核至少占年度考核的 60%）'])
  await page.waitFor(() => scrolls.length === 2, 'a scroll to the confirmation and one to the red message')
  // To the confirmation 保存 opened and, refused, to the red message (on the page by then). Taro's nextTick
  // waits up to 100 ms for a render, so on a busy machine the first may land after the second; by then the
  // confirmation is closed and WeChat has nothing to scroll to, so the page stays at the message.
  expect(scrolls.map(({ selector, offsetTop }) => ({ selector, offsetTop })).sort((a, b) => String(a.selector).localeCompare(String(b.selector)))).toEqual([
    { selector: '.settings-confirm', offsetTop: -120 },
    { selector: '.settings-error', offsetTop: -120 },
  ])
  expect(scrolls.find((scroll) => scroll.selector === '.settings-error')?.shown).toBe(1)
  wx.pageScrollTo = pageScrollTo
  expect(world.callsOf('settings.save')[0]).toMatchObject({ reply: { ok: false, code: 'INVALID_INPUT', field: 'dailyShare' } })
  expect(await world.store.settings.history()).toEqual([])

  await page.input({ selector: '.settings-input', index: DAILY_SHARE }, '0.7')
  await page.waitFor(() => page.all('.settings-error').length === 0, 'the error cleared on typing')
  await saveWithReason(page, '日常考核占比：0.6 → 0.7')
  await page.waitForText('已保存为第 2 版')
  await page.waitForText(/当前第 2 版，.* 由 市民政局 陈处长 保存/)
  expect(await world.store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, dailyShare: 0.7 })
})

it('refuses 0 submits a minute beside its box, saving nothing; 5 saves version 2 with the others unchanged', async () => {
  const page = await world.openPage('staff/settings/index', {}, BUREAU)
  await page.waitForText('当前第 1 版（系统初始设置）')
  await page.input({ selector: '.settings-input', index: RATE_PER_MINUTE }, '0')
  await saveWithReason(page, '每人每分钟最多提交：10 → 0')
  await page.waitForText('没有保存')
  expect(page.textsOf('.settings-error')).toEqual(['每人每分钟最多提交必须是 1 到 1000 之间的整数'])
  expect(await world.store.settings.history()).toEqual([])

  await page.input({ selector: '.settings-input', index: RATE_PER_MINUTE }, '5')
  await saveWithReason(page, '每人每分钟最多提交：10 → 5')
  await page.waitForText('已保存为第 2 版')
  // The page reads the saved version again; answered before the next test's world takes the calls.
  await page.waitForText(/当前第 2 版，/)
  expect(await world.store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, rateLimitPerMinute: 5 })
})

it('tells sub-district staff the bureau keeps the settings, without reading them', async () => {
  const page = await world.openPage('staff/settings/index', {}, SUBDISTRICT)
  await page.waitForText('考核设置由市民政局统一维护')
  expect(world.callsOf('settings.get')).toEqual([])
  expect(page.all('.settings-input')).toHaveLength(0)
})

it('edits the scoring sheet’s criteria: 40 + 50 = 90 is refused beside them, 50 + 50 saves', async () => {
  const page = await world.openPage('staff/settings/index', {}, BUREAU)
  await page.waitForText('当前第 1 版（系统初始设置）')
  expect(page.all('.settings-criterion__name')).toHaveLength(3)
  await page.tap({ selector: '.settings-criterion__remove', index: 2 }) // 纪律作风 20
  await page.waitFor(() => page.all('.settings-criterion__name').length === 2, 'two criteria left')
  await page.input({ selector: '.settings-criterion__weight', index: 1 }, '50')
  await page.waitForText('合计 90 分（须为 100）')
  await saveWithReason(page, '改动了：评分表评分项')
  await page.waitForText('评分表评分项：各评分项分值之和应为 100，现在是 90')
  expect(await world.store.settings.history()).toEqual([])

  await page.input({ selector: '.settings-criterion__weight', index: 0 }, '50')
  await page.waitForText('合计 100 分（须为 100）')
  await saveWithReason(page, '改动了：评分表评分项')
  await page.waitForText('已保存为第 2 版')
  await page.waitForText(/当前第 2 版，/)
  expect((await world.store.getSettings())?.sheetCriteria).toEqual([{ name: '履职尽责', weight: 50 }, { name: '工作实绩', weight: 50 }])
})

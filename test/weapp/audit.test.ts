// The bureau's audit log in the weapp build (staff/audit/index), rendered by WeChat's
// compiler over the demo: newest first, who by name and role (never an openid), the action in Chinese, the
// reason and what changed; the action chips filter; 加载更多 reads the next page; other staff get a notice
// and no call. Run `npm run build:weapp` first.
import { DEFAULT_SETTINGS } from '@core/settings'
import { createWorld, type WeappWorld } from './harness'

const BUREAU = { openid: 'dev-bureau' } // 市民政局 陈处长
const SUBDISTRICT = { openid: 'dev-subdistrict-fushan' }
const STAFF = { openid: 'dev-subdistrict-fushan', role: 'subdistrict' as const, name: '浮山办事处 王科长' }

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

/** `n` sheet changes of 浮山, a minute apart from 2026-06-01 10:00 China time, reasons 更正 1 … 更正 n. */
async function sheetChanges(n: number): Promise<void> {
  for (let i = 1; i <= n; i += 1) {
    await world.store.audit.append({
      at: new Date(Date.parse('2026-06-01T02:00:00.000Z') + i * 60_000).toISOString(),
      by: STAFF,
      action: 'sheet.change',
      subdistrictId: 'fushan',
      target: 'sheet:period:2026-05',
      reason: `更正 ${i}`,
      details: { kind: 'period', period: '2026-05', version: i + 1, changes: [{ workerCode: 'YQ01', from: [30, 30, 20], to: [35, 30, 20] }] },
    })
  }
}

it('shows a settings change the bureau just saved, newest first, with who, what and what changed', async () => {
  await sheetChanges(1)
  expect(await world.backend.call({ action: 'settings.save', payload: { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, rateLimitPerDay: 40 } } }, BUREAU.openid)).toMatchObject({ ok: true })
  const page = await world.openPage('staff/audit/index', {}, BUREAU)
  await page.waitForText('每人每天最多提交：30 → 40')
  expect(page.textsOf('.audit-entry__action')).toEqual(['修改考核设置', '修改已提交的评分表'])
  expect(page.textsOf('.audit-entry__meta')).toEqual(['市民政局 陈处长', '对象：考核设置第 2 版', '浮山办事处 王科长（街道工作人员） · 浮山办事处', '对象：评分表 2026年5月'])
  expect(page.textsOf('.audit-entry__reason')).toEqual(['理由：按省里要求调整', '理由：更正 1'])
  expect(page.textsOf('.audit-entry__line')).toEqual(['每人每天最多提交：30 → 40', '刘建华（YQ01）：80 分 → 85 分'])
  expect(page.text()).not.toContain('dev-bureau')
  expect(page.has('已经是最早的记录了')).toBe(true)
})

it('filters by action with a chip: 修改考核设置 leaves the one settings change', async () => {
  await sheetChanges(2)
  await world.backend.call({ action: 'settings.save', payload: { reason: '按省里要求调整', settings: DEFAULT_SETTINGS } }, BUREAU.openid)
  const page = await world.openPage('staff/audit/index', {}, BUREAU)
  await page.waitFor(() => page.all('.audit-entry').length === 3, 'three entries')
  await page.tap({ selector: '.audit-chip', index: 1 }) // 全部, 修改考核设置, 提交评分表, 修改已提交的评分表, …
  await page.waitFor(() => page.all('.audit-entry').length === 1, 'one entry left')
  expect(page.textsOf('.audit-entry__action')).toEqual(['修改考核设置'])
  expect(world.callsOf('audit.list').at(-1)).toMatchObject({ payload: { action: 'settings.save' } })
  expect(page.textsOf('.audit-chip--on')).toEqual(['修改考核设置'])
  await page.tap({ selector: '.audit-chip', index: 3 })
  await page.waitFor(() => page.all('.audit-entry').length === 2, 'the two sheet changes')
})

it('reads 25 entries as 20, then 5 more on 加载更多, oldest last', async () => {
  await sheetChanges(25)
  const page = await world.openPage('staff/audit/index', {}, BUREAU)
  await page.waitFor(() => page.all('.audit-entry').length === 20, 'the first page of 20')
  expect(page.textsOf('.audit-entry__reason')[0]).toBe('理由：更正 25')
  await page.tap('加载更多')
  await page.waitFor(() => page.all('.audit-entry').length === 25, 'all 25')
  expect(page.textsOf('.audit-entry__reason').at(-1)).toBe('理由：更正 1')
  await page.waitForText('已经是最早的记录了')
  expect(page.has('加载更多')).toBe(false)
})

it('says what fills the log when it is empty', async () => {
  const page = await world.openPage('staff/audit/index', {}, BUREAU)
  await page.waitForText('还没有操作记录')
  expect(page.has(/修改考核设置、提交或修改评分表/)).toBe(true)
})

it('tells sub-district staff the log is the bureau’s, without reading it', async () => {
  const page = await world.openPage('staff/audit/index', {}, SUBDISTRICT)
  await page.waitForText('操作记录只对市民政局开放')
  await world.settled(page)
  expect(world.callsOf('audit.list')).toEqual([])
})

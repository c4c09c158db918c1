// The staff home in the weapp build, rendered by WeChat's compiler over the demo: sub-district staff see
// what waits for them first — each queue with the count workbench.get gives, late cases in words — and
// this month's sheet, then the tools; a tap on a queue opens its page. Run `npm run build:weapp` first.
import type { ResultOf } from '@core/contract'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

const LABELS = { cases: '差评待回访整改', appeals: '申诉待复核', reviews: '可疑评价待复核', comments: '留言待审核' } as const

it('opens on what waits for 浮山’s staff, with the counts the server gives, and a queue opens its page', async () => {
  const expected = dataOf<ResultOf<'workbench.get'>>(await world.backend.call({ action: 'workbench.get', payload: {} }, 'dev-subdistrict-fushan'))
  const home = await world.openPage('pages/index/index', {}, { openid: 'dev-subdistrict-fushan' })
  await home.waitForText('待处理')
  await home.waitForText('本月街道评分')
  for (const item of expected.waiting) {
    expect(home.has(LABELS[item.queue])).toBe(true)
    expect(home.has(item.count === 0 ? '暂无' : `${item.count} 条`)).toBe(true)
    if (item.overdue > 0) expect(home.has(`（逾期 ${item.overdue} 条）`)).toBe(true)
  }
  const sheet = expected.sheet
  expect(sheet).toBeDefined()
  if (sheet !== undefined && sheet.status !== 'submitted') expect(home.has(`已评 ${sheet.complete} / ${sheet.workers} 人`)).toBe(true)
  // Then the tools, and the resident's part after them.
  for (const tool of ['查看评价结果', '考核报表', '录入街道评分', '组织架构']) expect(home.has(tool)).toBe(true)
  expect(home.has('给社区工作者评个分')).toBe(true)
  await home.tap('申诉待复核')
  await home.waitFor(() => world.navigations.length === 1, 'a navigation')
  expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/staff/appeals/index' }])
})

it('shows a resident no workbench', async () => {
  const home = await world.openPage('pages/index/index', {}, { openid: 'dev-resident-2' })
  await home.waitForText('给社区工作者评个分')
  await world.settled(home)
  expect(home.has('待处理')).toBe(false)
  expect(world.callsOf('workbench.get')).toEqual([])
})

it("offers the community's admin and the sub-district's staff 大厅值班表, which opens the rota page", async () => {
  for (const openid of ['dev-community-yinquan', 'dev-subdistrict-fushan']) {
    const home = await world.openPage('pages/index/index', {}, { openid })
    await home.waitForText('大厅值班表')
    await home.tap('大厅值班表')
    home.close()
  }
  expect(world.navigations).toEqual([
    { kind: 'navigateTo', url: '/staff/hall/index' },
    { kind: 'navigateTo', url: '/staff/hall/index' },
  ])
})

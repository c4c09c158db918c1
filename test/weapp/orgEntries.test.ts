// Where organisation management meets the rest of the weapp build, rendered by WeChat's
// compiler over the demo organisation: the home page offers 组织架构 to the bureau and to sub-district
// staff and 网格与工作者 to a community admin, neither to a resident; the rating page of a worker the
// community deactivated says so before any level is offered; a used staff invite names who makes a new
// one. Run `npm run build:weapp` first.
import { dataOf } from '../support/apiHarness'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

const homeEntries: Array<[string, string, boolean, boolean]> = [
  // who, openid, 组织架构, 网格与工作者
  ['the bureau', 'dev-bureau', true, false],
  ['浮山办事处 staff', 'dev-subdistrict-fushan', true, false],
  ["银泉社区's admin", 'dev-community-yinquan', false, true],
  ['a resident', RESIDENT_OPENID, false, false],
]
it.each(homeEntries)('offers %s the entries it may use on the home page', async (_who, openid, org, community) => {
  const home = await world.openPage('pages/index/index', {}, { openid })
  await world.settled(home)
  expect(world.callsOf('session.me')).toEqual([expect.objectContaining({ openid, reply: expect.objectContaining({ ok: true }) })])
  expect(home.findByText('组织架构')).toHaveLength(org ? 1 : 0)
  expect(home.findByText('网格与工作者')).toHaveLength(community ? 1 : 0)
  if (org) {
    await home.tap('组织架构')
    await home.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/staff/org/index' }])
  }
  if (community) {
    await home.tap('网格与工作者')
    await home.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/staff/community/index' }])
  }
})

it('tells a resident who scans a deactivated worker that they cannot be rated, and offers no level', async () => {
  dataOf(await world.backend.call({ action: 'worker.update', payload: { workerCode: 'YQ01', postId: 'zhengzhi', gridId: 'yinquan-g1', active: false } }, 'dev-community-yinquan'))
  const page = await world.openPage('pages/rate/index', { scene: 'YQ01' }, { openid: RESIDENT_OPENID })
  await page.waitForText('这位工作者已不在岗，暂时不能评价。')
  expect(page.has('银泉社区的刘建华已不在这个岗位上，以前的评价都会保留。')).toBe(true)
  for (const level of ['非常满意', '非常不满意', '提交评价']) expect(page.has(level)).toBe(false)
  await page.tap('回到首页')
  expect(world.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }])
  expect(world.callsOf('rating.submit')).toEqual([])
})

it('tells whoever opens a used invite for sub-district staff to ask the bureau, not a community admin', async () => {
  const { inviteCode } = dataOf<{ inviteCode: string }>(
    await world.backend.call({ action: 'org.invite', payload: { role: 'subdistrict', subdistrictId: 'wenquan', name: '王芳' } }, 'dev-bureau'),
  )
  dataOf(await world.backend.call({ action: 'invite.accept', payload: { inviteCode } }, 'weapp-wangfang'))
  const page = await world.openPage('worker/invite/index', { scene: inviteCode }, { openid: 'weapp-someone-else' })
  await page.waitForText('这个邀请码已经被使用过了')
  expect(page.has('每个邀请码只能用一次。请向市民政局要一个新的邀请码。')).toBe(true)
  expect(page.has('社区管理员')).toBe(false)
  expect(page.has('确认绑定')).toBe(false)
})

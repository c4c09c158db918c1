// The bureau's post catalogue in the weapp build (staff/posts/index; the 4 of 3456), rendered by
// WeChat's compiler over the demo organisation: the four posts with their duty counts; a post's duties
// changed, removed and added, saved through post.save, and the card of a worker holding it shows them;
// a bad line is named and nothing is saved; only the bureau edits. Run `npm run build:weapp` first.
import { FOUR_POSTS } from '@backend/catalog/fourPosts'
import type { WorkerCard } from '@core/types'
import { dataOf } from '../support/apiHarness'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

const BUREAU = { openid: 'dev-bureau' } // 市民政局 陈处长
const WEIYUAN = FOUR_POSTS[2] // 委员: 3 duties

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

async function cardOf(workerCode: string): Promise<WorkerCard> {
  return dataOf<WorkerCard>(await world.backend.call({ action: 'worker.card', payload: { workerCode } }, null))
}

it('lists the four posts in rank order with how many duties each has', async () => {
  const page = await world.openPage('staff/posts/index', {}, BUREAU)
  await page.waitForText('共 4 个岗位')
  expect(page.textsOf('.post-row__name')).toEqual(['正职', '副职', '委员', '专职社区工作者', '＋ 新增岗位'])
  expect(page.textsOf('.post-row__count')).toEqual(['4 项职责', '3 项职责', '3 项职责', '5 项职责'])
})

it("changes, removes and adds duties of 委员, saves them, and a 委员's card shows the new duty", async () => {
  expect(WEIYUAN.name).toBe('委员')
  expect((await cardOf('YQ04')).duties).toEqual(WEIYUAN.duties) // 张丽, 委员
  const page = await world.openPage('staff/posts/index', {}, BUREAU)
  await page.tap('委员')
  await page.waitFor(() => page.all('.post-row__duty-input').length === 3, 'the 3 duty lines of 委员')
  expect(await page.attr({ selector: '.post-row__duty-input', index: 0 }, 'value')).toBe(WEIYUAN.duties[0])

  await page.input({ selector: '.post-row__duty-input', index: 1 }, '组织志愿服务，每月至少一次社区活动')
  await page.tap({ selector: '.post-row__remove', index: 2 })
  await page.waitFor(() => page.all('.post-row__duty-input').length === 2, 'a line removed')
  await page.tap('＋ 添加一条职责')
  await page.waitFor(() => page.all('.post-row__duty-input').length === 3, 'a line added')
  await page.input({ selector: '.post-row__duty-input', index: 2 }, '牵头整治楼道堆物')
  await page.tap('保存')
  await page.waitForText('已保存')

  const duties = [WEIYUAN.duties[0], '组织志愿服务，每月至少一次社区活动', '牵头整治楼道堆物']
  expect(world.callsOf('post.save')).toEqual([expect.objectContaining({ payload: { post: { postId: 'weiyuan', name: '委员', duties } }, reply: { ok: true, data: { postId: 'weiyuan' } } })])
  expect(await world.store.getPost('weiyuan')).toEqual({ id: 'weiyuan', name: '委员', duties })
  expect((await cardOf('YQ04')).duties).toEqual(duties)
  await page.waitFor(() => page.textsOf('.post-row__count')[2] === '3 项职责', 'the list read again')
})

it('names an empty line and saves nothing', async () => {
  const page = await world.openPage('staff/posts/index', {}, BUREAU)
  await page.tap('正职')
  await page.tap('＋ 添加一条职责')
  await page.waitFor(() => page.all('.post-row__duty-input').length === 5, 'a fifth, empty line')
  await page.tap('保存')
  await page.waitForText('第 5 条职责是空的，请填写或删去这一条')
  expect(page.has('没有保存')).toBe(true)
  expect(await world.store.getPost('zhengzhi')).toEqual(FOUR_POSTS[0])
})

it('adds a new post after the four', async () => {
  const page = await world.openPage('staff/posts/index', {}, BUREAU)
  await page.tap('＋ 新增岗位')
  await page.input({ selector: '.post-row__name-input' }, '网格长')
  await page.input({ selector: '.post-row__duty-input' }, '统筹网格内的服务和走访')
  await page.tap('保存')
  await page.waitForText('共 5 个岗位')
  expect(page.textsOf('.post-row__name')).toEqual(['正职', '副职', '委员', '专职社区工作者', '网格长', '＋ 新增岗位'])
  const saved = world.callsOf('post.save')[0]?.reply
  expect(saved).toEqual({ ok: true, data: { postId: expect.stringMatching(/^post-/) } })
})

it('tells a resident the posts are kept by the bureau, and reads nothing', async () => {
  const page = await world.openPage('staff/posts/index', {}, { openid: RESIDENT_OPENID })
  await page.waitForText('四岗职责由市民政局统一维护')
  await world.settled(page)
  expect(world.callsOf('post.list')).toEqual([])
  expect(page.all('.post-row')).toHaveLength(0)
})

it('is offered on the home page to the bureau, and to no other staff', async () => {
  const home = await world.openPage('pages/index/index', {}, BUREAU)
  await home.waitForText('市民政局 陈处长')
  await home.tap('编辑四岗职责')
  await home.waitFor(() => world.navigations.length === 1, 'a navigation')
  expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/staff/posts/index' }])
  const staff = await world.openPage('pages/index/index', {}, { openid: 'dev-subdistrict-fushan' })
  await staff.waitForText('浮山办事处 王科长')
  await world.settled(staff)
  expect(staff.has('编辑四岗职责')).toBe(false)
})

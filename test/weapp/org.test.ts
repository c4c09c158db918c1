// 组织架构 (staff/org/index) and 网格与工作者 (staff/community/index) in the weapp build, rendered
// by WeChat's compiler over the demo organisation: the bureau sees both offices with their communities
// and head counts and creates a community; sub-district staff see theirs and invite an admin; a
// community admin sees 银泉's 6 grids and 18 workers, and deactivates one after confirming in place.
// Run `npm run build:weapp` first.
import { createWorld, type WeappWorld } from './harness'

const BUREAU = { openid: 'dev-bureau' }
const FUSHAN_STAFF = { openid: 'dev-subdistrict-fushan' }
const YINQUAN_ADMIN = { openid: 'dev-community-yinquan' }

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

it('shows the bureau both offices, 银泉 with 18 workers, and creates 青山社区 in 温泉办事处', async () => {
  const page = await world.openPage('staff/org/index', {}, BUREAU)
  await page.waitForText('温泉办事处')
  expect(page.textsOf('.org-panel__name')).toEqual(['浮山办事处', '温泉办事处'])
  expect(page.textsOf('.org-row__name')).toEqual(['青龙社区', '银泉社区', '淦河社区'])
  expect(page.textsOf('.org-row__meta')).toEqual(['工作者 12 名', '工作者 18 名', '工作者 6 名'])
  await page.tap(page.findByText('＋ 新增社区')[1])
  await page.input({ selector: '.org-editor__input' }, '青山社区')
  await page.tap('保存')
  await page.waitFor(() => page.textsOf('.org-row__name').includes('青山社区'), 'the new community listed')
  expect(world.callsOf('org.community.save')).toEqual([expect.objectContaining({ payload: { subdistrictId: 'wenquan', name: '青山社区' }, reply: expect.objectContaining({ ok: true }) })])
})

it("shows 浮山's staff their own office only, and makes an invite for 青龙社区's admin", async () => {
  const page = await world.openPage('staff/org/index', {}, FUSHAN_STAFF)
  await page.waitForText('银泉社区')
  expect(page.textsOf('.org-panel__name')).toEqual(['浮山办事处'])
  expect(page.has('新增街道')).toBe(false)
  await page.tap(page.findByText('邀请社区管理员')[0])
  await page.input({ selector: '.org-editor__input' }, '李书记')
  await page.tap('生成邀请码')
  await page.waitForText('邀请码 I')
  expect(world.callsOf('org.invite')).toEqual([expect.objectContaining({ payload: { role: 'community', communityId: 'qinglong', name: '李书记' } })])
})

it("shows 银泉's admin 6 grids and 18 workers, and deactivates 刘建华 only after confirming", async () => {
  const page = await world.openPage('staff/community/index', {}, YINQUAN_ADMIN)
  await page.waitForText('工作者（18 名，在岗 18 名）')
  expect(page.textsOf('.org-panel__name')[0]).toBe('网格（6 个）')
  await page.tap(page.findByText('停用')[0])
  await page.waitForText('确认停用')
  expect(world.callsOf('worker.update')).toEqual([])
  await page.tap('确认停用')
  await page.waitForText('工作者（18 名，在岗 17 名）')
  expect(world.callsOf('worker.update')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ workerCode: 'YQ01', active: false }) })])
  expect((await world.store.getWorker('YQ01'))?.active).toBe(false)
})

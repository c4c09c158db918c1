// A fresh environment in the weapp build: the first administrator (BUREAU_OPENIDS) opens the home page,
// is offered 初始化, sets the environment up with the demo, and gets the staff entries — from replies of
// the real handlers (session.me, admin.setup) over a store that starts empty.
import { DEMO_SUBDISTRICT_ID } from '@backend/demo/seed'
import { createWorld, type WeappWorld } from './harness'

const ADMIN = 'o-first-admin'
let world: WeappWorld
beforeEach(async () => {
  world = await createWorld({ seed: 'empty', bureauOpenids: new Set([ADMIN]) })
})
afterEach(() => world.close())

it('offers the first administrator 初始化 and sets the environment up with the demo', async () => {
  const home = await world.openPage('pages/index/index', {}, { openid: ADMIN })
  await home.waitForText('系统尚未初始化')
  expect(home.has('查看评价结果')).toBe(false)
  await home.tap('初始化并载入演示数据')
  await home.waitForText('查看评价结果')
  await home.waitForNoText('系统尚未初始化')
  expect(world.callsOf('admin.setup')).toEqual([
    expect.objectContaining({ openid: ADMIN, payload: { demo: true }, reply: { ok: true, data: { created: [], demoLoaded: true } } }),
  ])
  expect(await world.store.listWorkers(DEMO_SUBDISTRICT_ID)).toHaveLength(30)
})

it('shows a resident of a fresh environment no 初始化', async () => {
  const home = await world.openPage('pages/index/index', {}, { openid: 'o-resident' })
  await home.waitForText('给社区工作者评个分')
  await world.settled(home)
  expect(home.has('系统尚未初始化')).toBe(false)
})

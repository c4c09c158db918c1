// No conflict of interest (DESIGN section 6 rule 11) in the weapp build, rendered by WeChat's
// compiler over the demo organisation: a community admin who rates a worker, and a worker who rates a
// colleague of their own community (YQ = 银泉), are told why not on the page, and nothing is saved.
// Run `npm run build:weapp` first.
import { createWorld, type WeappWorld } from './harness'

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

const refusals: Array<[string, string, string]> = [
  ['银泉社区’s admin', 'dev-community-yinquan', '工作人员不能参与居民评价，以免影响评价的公正。'],
  ['a worker of 银泉社区 (YQ02)', 'dev-worker-YQ02', '不能评价本社区的同事，以免影响评价的公正。'],
]
it.each(refusals)('tells %s why they may not rate YQ01, and saves nothing', async (_who, openid, reason) => {
  const page = await world.openPage('pages/rate/index', { scene: 'YQ01' }, { openid })
  await page.waitForText('非常满意')
  await page.tap('满意')
  await page.tap('提交评价')
  await page.waitForText('您不能参与这次评价')
  expect(page.has(reason)).toBe(true)
  expect(page.has('评价已提交，谢谢您')).toBe(false)
  const [call] = world.callsOf('rating.submit')
  expect(call).toEqual(expect.objectContaining({ openid, reply: { ok: false, code: 'FORBIDDEN', message: reason } }))
})

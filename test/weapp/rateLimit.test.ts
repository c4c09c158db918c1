// Rate limits on the rating page in the weapp build, rendered by WeChat's compiler over
// the demo: with 每人每分钟最多提交 saved as 1, a resident's second rating within the minute is refused on the
// page with the server's words — how many, and when to try again — and nothing is saved. Run
// `npm run build:weapp` first.
import { residentRatingId } from '@backend/store/ids'
import { monthOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

// The per-minute limit counts a China-time calendar minute: two submits either side of a minute's end
// would both pass. The handlers' clock stands in the middle of the minute the test starts in.
let world: WeappWorld
beforeEach(async () => {
  const midMinute = new Date()
  midMinute.setUTCSeconds(30, 0)
  world = await createWorld({ now: () => midMinute })
})
afterEach(() => world.close())

it('tells a resident past 1 submit a minute to try again in a minute, and saves nothing', async () => {
  await world.store.saveSettings({ ...DEFAULT_SETTINGS, rateLimitPerMinute: 1 })
  expect(await world.backend.call({ action: 'rating.submit', payload: { workerCode: 'YQ02', level: 5, idempotencyKey: 'weapp-limit-0001' } }, RESIDENT_OPENID)).toMatchObject({ ok: true })
  const page = await world.openPage('pages/rate/index', { scene: 'YQ01' }, { openid: RESIDENT_OPENID })
  await page.waitForText('非常满意')
  await page.tap('满意')
  await page.tap('提交评价')
  await page.waitForText('提交得太频繁了，评价没有提交')
  expect(page.has('提交太频繁了：每分钟最多 1 次，请 1 分钟后再试')).toBe(true)
  expect(page.has('评价已提交，谢谢您')).toBe(false)
  expect(world.callsOf('rating.submit').at(-1)).toMatchObject({ reply: { ok: false, code: 'RATE_LIMITED' } })
  expect(await world.store.getResidentRating(residentRatingId(RESIDENT_OPENID, 'YQ01', monthOf(new Date())))).toBeNull()
})

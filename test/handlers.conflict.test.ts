// No conflict of interest (DESIGN section 6, rule 11): staff — community admins, sub-district staff, the
// bureau, also a first administrator listed in BUREAU_OPENIDS — give no resident rating and no recipient
// feedback, and a worker rates no worker of their own community; each refusal is 403 and says why in
// Chinese, and stores nothing. A worker of another community may (the demo seed: YQ = 银泉, QL = 青龙).
import type { ActionName } from '@core/contract'
import { storeHash } from './support/authorizationCalls'
import { demoCaller, type TestCaller } from './support/demoCaller'

const NOW = new Date('2026-07-10T02:00:00.000Z')
const FIRST_ADMIN = 'o-first-admin'
const STAFF_RATING = { ok: false, code: 'FORBIDDEN', message: '工作人员不能参与居民评价，以免影响评价的公正。' }
const STAFF_FEEDBACK = { ok: false, code: 'FORBIDDEN', message: '工作人员不能参与服务评价，以免影响评价的公正。' }
const COLLEAGUE = { ok: false, code: 'FORBIDDEN', message: '不能评价本社区的同事，以免影响评价的公正。' }

let demo: TestCaller
let visitCode: string
beforeAll(async () => {
  demo = await demoCaller({ now: NOW, bureauOpenids: new Set([FIRST_ADMIN]) })
  // 银泉's YQ04 logs a visit today: the visit whose feedback the cases below try to give.
  const logged = await call('visit.log', { type: '关爱走访' }, 'dev-worker-YQ04')
  if (!logged.ok) throw new Error(JSON.stringify(logged))
  visitCode = (logged.data as { visitCode: string }).visitCode
})
afterAll(() => demo.close())

let keys = 0
const call = (action: ActionName, payload: Record<string, unknown>, openid: string | null) =>
  demo.call(action, { ...payload, ...(action.endsWith('.submit') ? { idempotencyKey: `conflict-${++keys}` } : {}) }, openid)

const STAFF = ['dev-community-yinquan', 'dev-community-ganhe', 'dev-subdistrict-fushan', 'dev-subdistrict-wenquan', 'dev-bureau', FIRST_ADMIN]

it.each(STAFF)('refuses a rating of YQ04 by %s with 403 and why, and stores nothing', async (openid) => {
  const before = storeHash(demo.store)
  expect(await call('rating.submit', { workerCode: 'YQ04', level: 5 }, openid)).toEqual(STAFF_RATING)
  expect(storeHash(demo.store)).toBe(before)
})

it.each(STAFF)('refuses feedback on YQ04’s visit by %s with 403 and why, and stores nothing', async (openid) => {
  const before = storeHash(demo.store)
  expect(await call('feedback.submit', { visitCode, level: 5 }, openid)).toEqual(STAFF_FEEDBACK)
  expect(storeHash(demo.store)).toBe(before)
})

it('refuses a worker rating a colleague of their own community (YQ01 on YQ04), rating or feedback, and stores nothing', async () => {
  const before = storeHash(demo.store)
  expect(await call('rating.submit', { workerCode: 'YQ04', level: 5 }, 'dev-worker-YQ01')).toEqual(COLLEAGUE)
  expect(await call('feedback.submit', { visitCode, level: 5 }, 'dev-worker-YQ01')).toEqual(COLLEAGUE)
  expect(storeHash(demo.store)).toBe(before)
  // Their own work is SELF_RATING, as before.
  expect(await call('rating.submit', { workerCode: 'YQ04', level: 5 }, 'dev-worker-YQ04')).toMatchObject({ ok: false, code: 'SELF_RATING' })
})

it('lets a worker of another community (青龙’s QL01) and a resident rate YQ04 and give feedback on the visit', async () => {
  expect(await call('rating.submit', { workerCode: 'YQ04', level: 4 }, 'dev-worker-QL01')).toMatchObject({ ok: true, data: { period: '2026-07' } })
  expect(await call('rating.submit', { workerCode: 'YQ04', level: 5 }, 'dev-resident-1')).toMatchObject({ ok: true, data: { period: '2026-07' } })
  expect(await call('feedback.submit', { visitCode, level: 4 }, 'dev-worker-QL01')).toEqual({ ok: true, data: { feedbackId: visitCode, period: '2026-07' } })
})

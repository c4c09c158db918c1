// visit.log: at most `visitsPerDay` visits a China day per worker (default 30, a setting); beyond, 429
// RATE_LIMITED saying the limit and to come back tomorrow, and nothing is stored. The day is China's:
// it turns at 16:00 UTC. Through dispatch on a real SqliteStore; smallOrg: X (张敏) is bound to workerX.
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { ApiError } from '@core/errors'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createHarness, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { OPENID, X } from './support/smallOrg'

const MORNING = new Date('2026-03-15T00:30:00Z') // 08:30 China time, 15 March
let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(MORNING))
})
afterEach(() => api.close())

/** Drawing a real QR code takes a while and is not what is tested here: a stand-in image. */
const instantImages = { imageFor: async () => 'data:image/png;base64,AA==' }
const log = () => dispatch({ action: 'visit.log', payload: { type: '关爱走访' } }, envWith(instantImages), apiHandlers)
const envWith = (codeImages: typeof instantImages) => ({ openid: OPENID.workerX, store: api.store, now: api.now, moderation: api.moderation, codeImages, secrets: api.secrets })
const visitsOf = () => api.store.visits.listVisits(X, '2000-01-01', '2100-01-01')
const minutesLater = (minutes: number) => new Date(MORNING.getTime() + minutes * 60_000)

it('takes 30 visits in a day — even 30 in one minute — and refuses the 31st with 429, storing nothing', async () => {
  for (let i = 0; i < 30; i += 1) expect(await log()).toMatchObject({ ok: true })
  const before = storeHash(api.store)
  expect(await log()).toEqual({ ok: false, code: 'RATE_LIMITED', message: '今天登记的服务已达上限（每天 30 次），请明天再登记' })
  expect(storeHash(api.store)).toBe(before)
  expect(await visitsOf()).toHaveLength(30)
})

it('counts the China day: 23:59 on the 15th is still the 15th, 00:00 on the 16th starts again', async () => {
  await api.store.saveSettings({ ...DEFAULT_SETTINGS, visitsPerDay: 2 })
  expect(await log()).toMatchObject({ ok: true })
  api.now = minutesLater(15 * 60) // 23:30 China time
  expect(await log()).toMatchObject({ ok: true })
  api.now = new Date('2026-03-15T15:59:00Z') // 23:59 China time
  expect(await log()).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: '今天登记的服务已达上限（每天 2 次），请明天再登记' })
  api.now = new Date('2026-03-15T16:00:00Z') // 00:00 China time, 16 March
  expect(await log()).toMatchObject({ ok: true })
  expect(await visitsOf()).toHaveLength(3)
})

it('is per worker and apart from the raters’ limits: the worker may still rate after their visits are used up', async () => {
  await api.store.saveSettings({ ...DEFAULT_SETTINGS, visitsPerDay: 1 })
  expect(await log()).toMatchObject({ ok: true })
  expect(await log()).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  // 张敏 rates 王芳 (W101, another sub-district): their own rater counter, untouched by visits
  expect(await api.call({ action: 'rating.submit', payload: { workerCode: 'W101', level: 4, idempotencyKey: 'visit-limit-rate-01' } }, OPENID.workerX)).toMatchObject({ ok: true })
})

it('gives the count back when the visit is not stored (the code could not be made)', async () => {
  await api.store.saveSettings({ ...DEFAULT_SETTINGS, visitsPerDay: 1 })
  const failing = { imageFor: () => Promise.reject(new ApiError('INTERNAL', '今天生成小程序码的次数已达上限，请明天再试。')) }
  const before = storeHash(api.store)
  expect(await dispatch({ action: 'visit.log', payload: { type: '关爱走访' } }, envWith(failing), apiHandlers)).toMatchObject({ ok: false, code: 'INTERNAL' })
  expect(storeHash(api.store)).toBe(before)
  expect(await log()).toMatchObject({ ok: true })
})

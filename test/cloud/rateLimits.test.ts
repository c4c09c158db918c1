// Rate limits on CloudBase as it behaves: the built function on the real wx-server-sdk,
// several instances sharing one emulated database. The counters live in the database, so the limit holds
// across instances: 15 submits of one rater at once over 3 instances -> exactly 10 (rateLimitPerMinute)
// succeed and 5 get 429. Each rater's counter is read with their principal by the door's role lookup, so
// on a warm instance a take is ONE request in every case (backend/limits/cloudbase.ts). The local side:
// test/handlers.rateLimits.test.ts.
import { chinaDateOf } from '@core/periods'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { limitCounterId } from '@backend/limits/cloudbase'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, restoreEnvironment, timerEvent } from '../cloudbase/realSdk'
import { setUpCloud, startInstances } from '../support/cloudEnv'
import { YEAR_BUREAU, YEAR_STAFF, yearOrg } from '../support/cloudYear'

const RATER = 'o-neighbour-busy'
/** One worker per submit of the 15 at once: each rating that goes through is a document of its own. */
const WORKERS = Array.from({ length: 15 }, (_, i) => `Y${String(i + 1).padStart(4, '0')}`)

let emulator: CloudbaseEmulator
let store: CloudStore
let instances: CloudFunctionInstance[]
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(yearOrg(WORKERS.length), { latency: () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3))) }))
  instances = startInstances(emulator, 3)
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

const submit = (i: number) => ({ action: 'rating.submit', payload: { workerCode: WORKERS[i % WORKERS.length], level: 4, idempotencyKey: `busy-key-${String(i).padStart(4, '0')}` } })

/** The submits below run on the real clock: start early in a minute, so all of them fall in one. */
async function earlyInAMinute(): Promise<void> {
  const second = new Date().getUTCSeconds()
  if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000))
}

it('lets exactly 10 of 15 concurrent submits of one rater over 3 instances through; 5 get 429 and store nothing', async () => {
  await earlyInAMinute()
  const replies = (await Promise.all(Array.from({ length: 15 }, (_, i) => instances[i % 3].invoke(submit(i), { openid: RATER })))) as Array<{ ok: boolean; code?: string; message?: string }>
  expect(replies.filter((reply) => reply.ok)).toHaveLength(10)
  expect(replies.filter((reply) => !reply.ok)).toEqual(Array.from({ length: 5 }, () => ({ ok: false, code: 'RATE_LIMITED', message: '提交太频繁了：每分钟最多 10 次，请 1 分钟后再试' })))
  expect(await store.limits.get(RATER, chinaDateOf(new Date()))).toMatchObject({ count: 10, minuteCount: 10 })
  // A refused submit stores nothing: the 10 that went through rated 10 workers.
  expect(emulator.documents('resident_ratings')).toHaveLength(10)
  expect(emulator.unsupported).toEqual([])
})

/** The principals and settings requests `instance` made: the door's lookup, the take, the limits. */
const takeRequests = (instance: string) =>
  emulator.requests.filter((r) => r.instance === instance && (r.collection === 'principals' || r.collection === 'settings')).map((r) => `${r.api} ${r.collection}`)
const LOOKUP = 'database.getDocument principals' // the door's role lookup, the rater's counter in the same request
const limits = async () => ({ perMinute: 10, perDay: 30 })
const counterOf = (rater: string) => emulator.document('principals', limitCounterId(rater))

/**
 * A warm instance: it has read the keys (once for its life) and the limits (kept 60 s) — what a cold one
 * reads once is not a take's cost.
 */
async function warmInstance(): Promise<CloudFunctionInstance> {
  const [api] = instances
  for (const i of [90, 91]) expect(await api.invoke(submit(i), { openid: 'o-warm-up' })).toMatchObject({ ok: true })
  emulator.resetRequests()
  return api
}

it('takes each submit on a warm instance with ONE request beside the role lookup, and no settings read', async () => {
  await earlyInAMinute()
  const api = await warmInstance()
  const now = new Date()
  const today = chinaDateOf(now)
  const thisMinute = now.toISOString().slice(0, 16)
  // A brand-new rater: one `add`.
  expect(await api.invoke(submit(0), { openid: RATER })).toMatchObject({ ok: true })
  expect(takeRequests('api-1')).toEqual([LOOKUP, 'database.insertDocument principals'])
  emulator.resetRequests()
  // Their second in the same minute: one conditional `_.inc`, no read.
  expect(await api.invoke(submit(1), { openid: RATER })).toMatchObject({ ok: true })
  expect(takeRequests('api-1')).toEqual([LOOKUP, 'database.modifyDocument principals'])
  expect(counterOf(RATER)).toMatchObject({ day: today, count: 2, minute: thisMinute, minuteCount: 2 })
  // The first of a new minute (the rater last counted a minute ago): one reset of the minute's count.
  const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString().slice(0, 16)
  await store.limits.take('o-last-minute', { day: today, minute: aMinuteAgo }, limits)
  emulator.resetRequests()
  expect(await api.invoke(submit(2), { openid: 'o-last-minute' })).toMatchObject({ ok: true })
  expect(takeRequests('api-1')).toEqual([LOOKUP, 'database.modifyDocument principals'])
  expect(counterOf('o-last-minute')).toMatchObject({ day: today, count: 2, minute: thisMinute, minuteCount: 1 })
  // The first of a new day (the rater's counter is of an earlier day): one reset of the whole counter.
  await store.limits.take('o-yesterday', { day: '2020-01-01', minute: '2020-01-01T01:00' }, limits)
  emulator.resetRequests()
  expect(await api.invoke(submit(3), { openid: 'o-yesterday' })).toMatchObject({ ok: true })
  expect(takeRequests('api-1')).toEqual([LOOKUP, 'database.modifyDocument principals'])
  expect(counterOf('o-yesterday')).toMatchObject({ day: today, count: 1, minute: thisMinute, minuteCount: 1 })
  // The 11th in a minute is refused from the counter the lookup read: no write at all.
  for (let i = 4; i < 12; i += 1) expect(await api.invoke(submit(i), { openid: RATER })).toMatchObject({ ok: true })
  emulator.resetRequests()
  expect(await api.invoke(submit(12), { openid: RATER })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(takeRequests('api-1')).toEqual([LOOKUP])
  expect(counterOf(RATER)).toMatchObject({ count: 10, minuteCount: 10 })
})

it('counts exactly once when another instance moved the counter after the lookup: the write misses, one read, one write', async () => {
  await earlyInAMinute()
  const api = await warmInstance()
  const today = chinaDateOf(new Date())
  await store.limits.take(RATER, { day: '2020-01-01', minute: '2020-01-01T01:00' }, limits)
  // Right before api-1's take (its lookup saw the counter of 2020), another instance counts the rater's first of today.
  let moved = false
  emulator.setLatency(async (r) => {
    if (moved || r.instance !== 'api-1' || r.collection !== 'principals' || r.api !== 'database.modifyDocument') return
    moved = true
    expect(await store.limits.take(RATER, { day: today, minute: new Date().toISOString().slice(0, 16) }, limits)).toMatchObject({ allowed: true })
  })
  expect(await api.invoke(submit(0), { openid: RATER })).toMatchObject({ ok: true })
  expect(takeRequests('api-1')).toEqual([LOOKUP, 'database.modifyDocument principals', 'database.getDocument principals', 'database.modifyDocument principals'])
  expect(counterOf(RATER)).toMatchObject({ day: today, count: 2, minuteCount: 2 })
})

it('keeps the counters out of listPrincipals', async () => {
  await store.limits.take(RATER, { day: chinaDateOf(new Date()), minute: new Date().toISOString().slice(0, 16) }, limits)
  expect(counterOf(RATER)).not.toBeNull()
  expect((await store.listPrincipals()).map((p) => p.openid).sort()).toEqual([YEAR_BUREAU, YEAR_STAFF].sort())
})

it("removes past days' counters on the hourly timer and keeps today's", async () => {
  const today = chinaDateOf(new Date())
  await store.limits.take('o-yesterday', { day: '2020-01-01', minute: '2020-01-01T01:00' }, limits)
  await store.limits.take('o-today', { day: today, minute: new Date().toISOString().slice(0, 16) }, limits)
  const reply = await instances[0].invoke(timerEvent('hourly', new Date()), {})
  expect(reply).toMatchObject({ ok: true, data: { rateLimitCountersRemoved: 1 } })
  expect(counterOf('o-yesterday')).toBeNull()
  expect(counterOf('o-today')).toMatchObject({ day: today, count: 1 })
  // The principals themselves stay.
  expect(emulator.documents('principals').filter((doc) => !doc._id.startsWith('limit-')).map((doc) => doc._id).sort()).toEqual([YEAR_BUREAU, YEAR_STAFF].sort())
})

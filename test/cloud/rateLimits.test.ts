// Rate limits on CloudBase as it behaves: the built function on the real wx-server-sdk,
// several instances sharing one emulated database. The counters live in the database, so the limit holds
// across instances: 15 submits of one rater at once over 3 instances -> exactly 10 (rateLimitPerMinute)
// succeed and 5 get 429. The local side: test/handlers.rateLimits.test.ts.
import { chinaDateOf } from '@core/periods'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { limitCounterId } from '@backend/limits/cloudbase'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, restoreEnvironment, timerEvent } from '../cloudbase/realSdk'
import { setUpCloud, startInstances } from '../support/cloudEnv'
import { yearOrg } from '../support/cloudYear'

const RATER = 'o-neighbour-busy'
const WORKERS = ['Y0001', 'Y0002', 'Y0003']

let emulator: CloudbaseEmulator
let store: CloudStore
let instances: CloudFunctionInstance[]
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(yearOrg(3), { latency: () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3))) }))
  instances = startInstances(emulator, 3)
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

const submit = (i: number) => ({ action: 'rating.submit', payload: { workerCode: WORKERS[i % 3], level: 4, idempotencyKey: `busy-key-${String(i).padStart(4, '0')}` } })

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
  // A refused submit released its idempotency claim: only the 10 that went through hold a record.
  expect(emulator.documents('idempotency')).toHaveLength(10)
  expect(emulator.unsupported).toEqual([])
})

it("counts a rater's first submit of the day with ONE request and no settings read; later ones read them once a minute", async () => {
  await earlyInAMinute()
  const [api] = instances
  emulator.resetRequests()
  expect(await api.invoke(submit(0), { openid: RATER })).toMatchObject({ ok: true })
  const requestsOf = (collection: string) => emulator.requests.filter((r) => r.collection === collection).map((r) => r.api)
  expect(requestsOf('rate_limits')).toEqual(['database.insertDocument'])
  expect(requestsOf('settings')).toEqual([])
  emulator.resetRequests()
  // The second: the taken add, the limits read (once; the instance keeps them 60 s), one conditional update.
  expect(await api.invoke(submit(1), { openid: RATER })).toMatchObject({ ok: true })
  expect(requestsOf('settings')).toEqual(['database.getDocument'])
  expect(requestsOf('rate_limits')).toEqual(['database.insertDocument', 'database.modifyDocument'])
  emulator.resetRequests()
  expect(await api.invoke(submit(2), { openid: RATER })).toMatchObject({ ok: true })
  expect(requestsOf('settings')).toEqual([])
  expect(requestsOf('rate_limits')).toEqual(['database.insertDocument', 'database.modifyDocument'])
  expect(emulator.documents('rate_limits')).toEqual([expect.objectContaining({ _id: limitCounterId(RATER, chinaDateOf(new Date())), count: 3, minuteCount: 3 })])
})

it("removes past days' counters on the hourly timer and keeps today's", async () => {
  const today = chinaDateOf(new Date())
  const limits = async () => ({ perMinute: 10, perDay: 30 })
  await store.limits.take('o-yesterday', { day: '2020-01-01', minute: '2020-01-01T01:00' }, limits)
  await store.limits.take('o-today', { day: today, minute: new Date().toISOString().slice(0, 16) }, limits)
  const reply = await instances[0].invoke(timerEvent('hourly', new Date()), {})
  expect(reply).toMatchObject({ ok: true, data: { rateLimitCountersRemoved: 1 } })
  expect(emulator.documents('rate_limits')).toEqual([expect.objectContaining({ _id: limitCounterId('o-today', today), count: 1 })])
})

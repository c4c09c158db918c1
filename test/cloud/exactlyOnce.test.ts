// Exactly-once submits on CloudBase as it behaves (trust rule 4): the built function on
// the real wx-server-sdk, spread over 10 simulated instances (each one invocation at a time, so up to 10
// run at once), over the emulator with requests answering after 0-2 ms. The local side:
// test/exactlyOnce.test.ts.
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { idempotencyKeyOf, ratingRefId, residentRatingId } from '@backend/store/ids'
import { monthOf, periodsOfMonth } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, createSdkDatabase, restoreEnvironment } from '../cloudbase/realSdk'
import { recountFromRecords, setUpCloud, startInstances, storedTallies } from '../support/cloudEnv'
import { YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import { TEST_SECRETS } from '../support/secrets'

const WORKER = 'Y0001'
const RATER = 'o-neighbour-once'
const month = monthOf(new Date())
const ratingId = residentRatingId(RATER, WORKER, month)
/** What rating.submit answers: the keyed id (ids.ts ratingRefId), not the document's. */
const answeredId = ratingRefId({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey)

let emulator: CloudbaseEmulator
let instances: CloudFunctionInstance[]
beforeEach(async () => {
  let store: CloudStore
  // 10-12 ms a request: the low end of CLOUD_LATENCY, since 200 submits of one record take turns here
  // (about 2 000 requests); at 10-20 ms the suite took 5 s longer for the same interleaving.
  ;({ emulator, store } = await setUpCloud(yearOrg(3), { latency: { minMs: 10, maxMs: 12 } }))
  // One rater submits 200 times at once here: the rate limits (10 a minute) are not what is tested.
  await store.saveSettings({ ...DEFAULT_SETTINGS, rateLimitPerMinute: 1000, rateLimitPerDay: 10000 })
  instances = startInstances(emulator, 10, { RECOUNT_SETTLE_SECONDS: '0' })
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

const submit = (key: string, level = 4) => ({ action: 'rating.submit', payload: { workerCode: WORKER, level, idempotencyKey: key } })
/** 200 invocations at once, spread round-robin over the instances. */
const atOnce = (eventOf: (i: number) => unknown) => Promise.all(Array.from({ length: 200 }, (_, i) => instances[i % instances.length].invoke(eventOf(i), { openid: RATER })))

/** One level-4 rating of the worker this month: one count on level 4 for the month, its half-year and its year. */
async function expectOneFourEqualToTheRecount(): Promise<void> {
  const recount = new Map([...recountFromRecords(emulator)].filter(([key]) => key.startsWith(`${WORKER}|`)))
  expect([...recount.values()].map((tally) => tally.residents)).toEqual([[0, 0, 0, 1, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 0]])
  const store = new CloudStore(createSdkDatabase(emulator, 'checker'))
  expect(await storedTallies(store, YEAR_SUBDISTRICT, periodsOfMonth(month))).toEqual(recount)
}

it('leaves one rating when one rater submits 200 times at once with 200 keys; tallies equal the recount', async () => {
  const replies = (await atOnce((i) => submit(`concurrent-key-${i}`))) as Array<{ ok: boolean; data?: { replaced: boolean } }>
  expect(replies.filter((reply) => reply.ok)).toHaveLength(200)
  expect(replies.filter((reply) => reply.data?.replaced === false)).toHaveLength(1)
  expect(emulator.documents('resident_ratings')).toEqual([expect.objectContaining({ _id: ratingId, level: 4 })])
  await expectOneFourEqualToTheRecount()
  expect(emulator.unsupported).toEqual([])
})

it('gives 200 retries of one tap (one key), run at once, the identical first result; the rating is written once', async () => {
  const replies = await atOnce(() => submit('one-tap-key-0001'))
  const first = { ok: true, data: { ratingId: answeredId, period: month, replaced: false } }
  expect(replies.every((reply) => JSON.stringify(reply) === JSON.stringify(first))).toBe(true)
  expect(emulator.documents('resident_ratings')).toEqual([expect.objectContaining({ _id: ratingId, level: 4, version: 1 })])
  // The rating is the claim: its receipt names the key (hashed with the rater and action) and the payload; no idempotency document.
  const receipt = { key: idempotencyKeyOf(RATER, 'rating.submit', 'one-tap-key-0001'), replaced: false, payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/) }
  expect(emulator.documents('resident_ratings')).toEqual([expect.objectContaining({ receipt })])
  expect(emulator.documents('idempotency')).toEqual([])
  await expectOneFourEqualToTheRecount()
})

it('answers a retry after the instance died before its reply with the first result, changing nothing', async () => {
  // api-1 stores the rating and its tally, then dies as it removes the pending mark: no reply.
  const stop = emulator.killWhen((r) => r.instance === 'api-1' && r.api === 'database.modifyDocument' && r.collection === 'resident_ratings', { timing: 'before' })
  void instances[0].invoke(submit('lost-record-0001'), { openid: RATER })
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => emulator.isDead('api-1') && (clearInterval(poll), resolve()), 5)
  })
  stop()
  expect(emulator.documents('resident_ratings')).toEqual([expect.objectContaining({ pending: true })])
  const before = JSON.stringify(emulator.documents('resident_ratings'))
  // The person taps again; the key sent with another level is another submit: refused (422), nothing rebuilt for it.
  const retries = await Promise.all([instances[1].invoke(submit('lost-record-0001', 1), { openid: RATER }), instances[2].invoke(submit('lost-record-0001'), { openid: RATER })])
  expect(retries).toEqual([
    { ok: false, code: 'IDEMPOTENCY_MISMATCH', message: '请求编号已用于另一次提交，请刷新后重试' },
    { ok: true, data: { ratingId: answeredId, period: month, replaced: false } },
  ])
  expect(JSON.stringify(emulator.documents('resident_ratings'))).toBe(before)
  await expectOneFourEqualToTheRecount()
})

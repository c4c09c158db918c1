// A feedback leaves its pending mark for the timer: its tally change names it, and the hourly run settles
// what the tallies name in a batch, without a recount. What no tally names (the instance died before the
// tally change) or what changed since (excluded while pending) is recounted, and either way the tallies
// end equal to a recount of the stored feedback. The built function on the real wx-server-sdk.
import type { VisitRecord } from '@backend/visits/store'
import { monthOf, periodsOfMonth } from '@core/periods'
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { tallyId } from '@backend/store/ids'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, createSdkDatabase, loadCloudFunction, restoreEnvironment, timerEvent } from '../cloudbase/realSdk'
import { recountFromRecords, setUpCloud, startInstances, storedTallies } from '../support/cloudEnv'
import { YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'

const month = monthOf(new Date())
let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(yearOrg(3)))
  ;[api] = startInstances(emulator, 1, { RECOUNT_SETTLE_SECONDS: '0' })
  for (const code of ['VsettleAAAA00001', 'VsettleAAAA00002', 'VsettleAAAA00003']) await store.visits.putVisit(visitOf(code))
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

function visitOf(visitCode: string): VisitRecord {
  return { visitCode, workerCode: 'Y0001', subdistrictId: YEAR_SUBDISTRICT, communityId: `${YEAR_SUBDISTRICT}-c1`, type: '帮办代办', place: '', note: '', at: new Date(Date.now() - 10 * 60_000).toISOString() }
}

const give = (visitCode: string, level: number, openid: string, on = api) =>
  on.invoke({ action: 'feedback.submit', payload: { visitCode, level, idempotencyKey: `settle-${visitCode}` } }, { openid })
const runTimer = () => api.invoke(timerEvent('repairTallies', new Date()), {}) as Promise<{ ok: boolean; data: Record<string, unknown> }>
const tally = () => emulator.document('tallies', tallyId('Y0001', month.slice(0, 4))) as unknown as { tallied?: Record<string, true> }

async function expectTalliesEqualTheRecount(): Promise<void> {
  const recount = new Map([...recountFromRecords(emulator)].filter(([key]) => key.startsWith('Y0001|')))
  const checker = new CloudStore(createSdkDatabase(emulator, 'checker'))
  const stored = await storedTallies(checker, YEAR_SUBDISTRICT, periodsOfMonth(month))
  expect(stored.get(`Y0001|${month}`)?.recipients).toEqual(recount.get(`Y0001|${month}`)?.recipients)
  expect(stored.get(`Y0001|${month}`)?.recipientGroups ?? {}).toEqual(recount.get(`Y0001|${month}`)?.recipientGroups ?? {})
}

it('keeps a feedback pending and named by its tally until the timer settles it, with no recount', async () => {
  expect(await give('VsettleAAAA00001', 4, 'o-person-1')).toMatchObject({ ok: true })
  expect(await give('VsettleAAAA00002', 3, 'o-person-2')).toMatchObject({ ok: true })
  expect(emulator.document('feedback', 'VsettleAAAA00001')).toMatchObject({ pending: true, version: 1 })
  expect(tally().tallied).toEqual({ VsettleAAAA00001: true, VsettleAAAA00002: true })
  emulator.resetRequests()
  expect(await runTimer()).toMatchObject({ ok: true, data: { repaired: 0, deferred: 0 } })
  expect(emulator.documents('feedback').filter((f) => f.pending === true)).toEqual([])
  expect(tally().tallied ?? {}).toEqual({})
  // One batch update settled both (no per-feedback request, no recount transaction).
  const feedbackWrites = emulator.requests.filter((r) => r.collection === 'feedback' && r.api === 'database.modifyDocument')
  expect(feedbackWrites).toHaveLength(1)
  expect(emulator.requests.filter((r) => r.transactionId !== undefined)).toEqual([])
  await expectTalliesEqualTheRecount()
})

it('recounts a feedback no tally names: its instance died before the tally change', async () => {
  const stop = emulator.killWhen((r) => r.instance === 'api-1' && r.api === 'database.modifyDocument' && r.collection === 'tallies', { timing: 'before' })
  void give('VsettleAAAA00001', 1, 'o-person-1')
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => emulator.isDead('api-1') && (clearInterval(poll), resolve()), 5)
  })
  stop()
  restoreEnvironment()
  api = loadCloudFunction(emulator, { instanceId: 'api-next', env: { RECOUNT_SETTLE_SECONDS: '0' } })
  expect(tally()?.tallied?.VsettleAAAA00001).toBeUndefined()
  expect(await runTimer()).toMatchObject({ ok: true, data: { repaired: 1, deferred: 0 } })
  expect(emulator.document('feedback', 'VsettleAAAA00001')).not.toHaveProperty('pending')
  await expectTalliesEqualTheRecount()
})

it('recounts a feedback excluded while still pending, and drops its name from the tally', async () => {
  expect(await give('VsettleAAAA00001', 1, 'o-person-1')).toMatchObject({ ok: true })
  expect(await give('VsettleAAAA00003', 5, 'o-person-1')).toMatchObject({ ok: true })
  const excluded = await store.reviews.excludeRating({ kind: 'recipient', id: 'VsettleAAAA00001' }, { via: 'review', reason: '同一人集中评价', by: YEAR_STAFF, at: new Date().toISOString() })
  expect(excluded).toBe(true)
  expect(await runTimer()).toMatchObject({ ok: true, data: { repaired: 1, deferred: 0 } })
  expect(emulator.documents('feedback').filter((f) => f.pending === true)).toEqual([])
  expect(tally().tallied ?? {}).toEqual({})
  await expectTalliesEqualTheRecount()
})

// The hourly timer on CloudBase as it behaves (docs/cloudbase-limits.md): the built function on the real
// wx-server-sdk over the emulator, at 10-20 ms a request. A recount whose transaction outlives its 30 s
// (DATABASE_TRANSACTION_FAIL) is deferred and the other parts run; a part that fails is logged and named,
// and the others run; an instance killed inside the recount's transaction holds the tally for 30 s, the
// ratings meanwhile succeed or fail cleanly, and the next run leaves every tally equal to a recount.
import { runInThisContext } from 'node:vm'
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { monthOf, periodsOfMonth } from '@core/periods'
import type { Envelope } from '@core/errors'
import { ManualClock } from '../cloudbase/clock'
import { type CloudbaseEmulator, TRANSACTION_LIFETIME_MS } from '../cloudbase/emulator'
import { platformErrors } from '../cloudbase/errors'
import { type CloudFunctionInstance, createSdkDatabase, loadCloudFunction, restoreEnvironment, timerEvent } from '../cloudbase/realSdk'
import { settledWithin } from '../cloudbase/testing'
import { CLOUD_LATENCY, recountFromRecords, setUpCloud, storedTallies } from '../support/cloudEnv'
import { YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'

const WORKER = 'Y0001'
const month = monthOf(new Date())
const SETTLED = { RECOUNT_SETTLE_SECONDS: '0' }

let emulator: CloudbaseEmulator
let clock: ManualClock
/** When set, a transaction's commit reaches the database after the transaction's 30 s. */
let lateCommits = false
beforeEach(async () => {
  clock = new ManualClock(Date.now())
  lateCommits = false
  ;({ emulator } = await setUpCloud(yearOrg(3), {
    clock,
    latency: async (request) => {
      if (lateCommits && request.api === 'database.commitTransaction') clock.advance(TRANSACTION_LIFETIME_MS)
      await new Promise((resolve) => setTimeout(resolve, CLOUD_LATENCY.minMs + Math.random() * (CLOUD_LATENCY.maxMs - CLOUD_LATENCY.minMs)))
    },
  }))
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

const instance = (id: string, timeoutMs?: number): CloudFunctionInstance =>
  loadCloudFunction(emulator, { instanceId: id, env: SETTLED, ...(timeoutMs === undefined ? {} : { timeoutMs }) })
const rate = (api: CloudFunctionInstance, rater: string, level: number) =>
  api.invoke({ action: 'rating.submit', payload: { workerCode: WORKER, level, idempotencyKey: `key-${rater}` } }, { openid: rater })
const runTimer = (api: CloudFunctionInstance) => api.invoke(timerEvent('repairTallies', new Date()), {}) as Promise<Envelope<Record<string, unknown>>>

/** A rater whose instance dies after storing the rating and before moving the tally: left pending. */
async function leavePendingRating(rater: string): Promise<void> {
  const stop = emulator.killWhen((r) => r.instance === `dying-${rater}` && r.collection === 'tallies')
  expect(await settledWithin(rate(instance(`dying-${rater}`), rater, 5), 500)).toBe(false)
  stop()
}

async function expectTalliesEqualTheRecount(): Promise<void> {
  const store = new CloudStore(createSdkDatabase(emulator, 'checker'))
  const recount = new Map([...recountFromRecords(emulator)].filter(([key]) => key.startsWith(`${WORKER}|`)))
  expect(await storedTallies(store, YEAR_SUBDISTRICT, periodsOfMonth(month))).toEqual(recount)
  expect(emulator.documents('resident_ratings').filter((doc) => doc.pending !== undefined)).toEqual([])
}

it('defers a month whose recount transaction the database forgot after 30 s, runs the other parts, and repairs it next hour', async () => {
  await leavePendingRating('o-late')
  lateCommits = true
  const first = await runTimer(instance('timer-1'))
  // DATABASE_TRANSACTION_FAIL at the commit: deferred, not an aborted job; the later parts ran.
  expect(first).toMatchObject({ ok: true, data: { repaired: 0, deferred: 1, rateLimitCountersRemoved: 0, phonesErased: 0 } })
  expect(first.ok && first.data.failed).toBeUndefined()
  lateCommits = false
  expect(await runTimer(instance('timer-2'))).toMatchObject({ ok: true, data: { repaired: 1, deferred: 0 } })
  await expectTalliesEqualTheRecount()
})

it('logs a part that fails and names it, and still runs every other part', async () => {
  await leavePendingRating('o-part')
  emulator.failWhen((r) => r.collection === 'principals' && r.api === 'database.removeDocument', () => platformErrors.requestFailed('the rate-limit counters are unavailable'))
  // The function's console is the process's own (its modules load outside jest's sandbox).
  const processConsole = runInThisContext('console') as Console
  const logged: unknown[][] = []
  const original = processConsole.error
  processConsole.error = (...args: unknown[]) => void logged.push(args)
  let reply: Envelope<Record<string, unknown>>
  try {
    reply = await runTimer(instance('timer-parts'))
  } finally {
    processConsole.error = original
  }
  expect(reply).toMatchObject({ ok: true, data: { repaired: 1, deferred: 0, failed: ['rateLimitCounters'], phonesErased: 0 } })
  expect(reply.ok && 'rateLimitCountersRemoved' in reply.data).toBe(false)
  expect(logged.map(([message]) => message)).toEqual(['[api] timer part rateLimitCounters failed; the other parts ran'])
  await expectTalliesEqualTheRecount()
})

it('survives an instance killed inside the recount transaction: ratings meanwhile succeed or fail cleanly, the next run repairs', async () => {
  await leavePendingRating('o-before')
  // The timer's instance dies right after its transaction wrote the tally: the tally stays locked.
  emulator.killWhen((r) => r.instance === 'timer-killed' && r.transactionId !== undefined && r.collection === 'tallies' && r.api === 'database.modifyDocument', { timing: 'after' })
  expect(await settledWithin(runTimer(instance('timer-killed')), 1000)).toBe(false)
  expect(emulator.openTransactions()).toEqual([{ id: expect.any(String), instance: 'timer-killed' }])

  // Two neighbours rate meanwhile: their tally `_.inc` waits for the lock, as MongoDB makes it wait.
  const hurried = rate(instance('api-hurried', 1500), 'o-hurried', 2)
  const patient = rate(instance('api-patient'), 'o-patient', 4)
  // One instance reaches its function timeout first: killed, its rater told nothing went through.
  await expect(hurried).rejects.toThrow('Task timed out after 1.5 seconds')
  expect(await settledWithin(patient, 10)).toBe(false)
  // The abandoned transaction's 30 s end: its write is dropped, the lock freed, the waiting writes land.
  clock.advance(TRANSACTION_LIFETIME_MS)
  expect(await patient).toMatchObject({ ok: true, data: { replaced: false } })
  expect(emulator.openTransactions()).toEqual([])
  restoreEnvironment()

  // The next hour: everything left pending (the writer that died, the invocation that timed out) recounted.
  expect(await runTimer(instance('timer-next'))).toMatchObject({ ok: true, data: { repaired: 1, deferred: 0 } })
  await expectTalliesEqualTheRecount()
  const raters = emulator.documents('resident_ratings').map((doc) => doc.openid).sort()
  expect(raters).toEqual(['o-before', 'o-hurried', 'o-patient'])
})

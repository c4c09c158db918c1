// Many neighbours rate their grid worker at once, on CloudBase as it behaves (DESIGN section 7): the built
// function on the real wx-server-sdk, spread over 8 simulated instances (each one invocation at a time,
// each with its own warm caches), over the emulator (a conflicting write in a transaction fails at once,
// requests interleave). Every rater gets ok, and the evaluation equals a recount of the stored ratings.
// Then instances die between two writes: nothing acknowledged is lost, and after the timer trigger has
// run once every tally equals the recount.
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { monthOf, periodsOfMonth } from '@core/periods'
import type { Envelope } from '@core/errors'
import type { EvaluationRow } from '@core/types'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, createSdkDatabase, restoreEnvironment, timerEvent } from '../cloudbase/realSdk'
import { CLOUD_LATENCY, recountFromRecords, setUpCloud, startInstances, storedTallies } from '../support/cloudEnv'
import { YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'

const WORKER = 'Y0001'
const RATERS = 50
const month = monthOf(new Date())

let emulator: CloudbaseEmulator
let instances: CloudFunctionInstance[]
beforeEach(async () => {
  // Each request answers after 10-20 ms, so the invocations' requests interleave as on a real network.
  ;({ emulator } = await setUpCloud(yearOrg(3), { latency: CLOUD_LATENCY }))
  instances = startInstances(emulator, 8, { RECOUNT_SETTLE_SECONDS: '0' })
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

/** Rater i rates level (i mod 5) + 1: ten raters on each level. */
const ratingOf = (i: number) => ({ action: 'rating.submit', payload: { workerCode: WORKER, level: (i % 5) + 1, idempotencyKey: `key-rater-${i}` } })

/** Everyone at once, spread round-robin over the instances (each queues its own invocations). */
function rateAtOnce(raters: number[]): Array<Promise<unknown>> {
  return raters.map((i) => instances[i % instances.length].invoke(ratingOf(i), { openid: `o-neighbour-${i}` }))
}

async function evaluationRow(): Promise<EvaluationRow> {
  const reply = (await instances[0].invoke({ action: 'evaluation.get', payload: { period: month } }, { openid: YEAR_STAFF })) as Envelope<{ rows: EvaluationRow[] }>
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`)
  const row = reply.data.rows.find((r) => r.workerCode === WORKER)
  if (row === undefined) throw new Error('no row')
  return row
}

/** Polls (5 ms apart, at most 10 s) until the condition holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error('condition not met within 10 s')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function expectTalliesEqualTheRecount(): Promise<void> {
  const store = new CloudStore(createSdkDatabase(emulator, 'checker'))
  const recount = new Map([...recountFromRecords(emulator)].filter(([key]) => key.startsWith(`${WORKER}|`)))
  expect(await storedTallies(store, YEAR_SUBDISTRICT, periodsOfMonth(month))).toEqual(recount)
}

it('gives all 50 neighbours rating one worker at once ok, and an evaluation equal to the recount', async () => {
  const replies = await Promise.all(rateAtOnce(Array.from({ length: RATERS }, (_, i) => i)))
  expect(replies.filter((reply) => (reply as Envelope<unknown>).ok)).toHaveLength(RATERS)
  expect(emulator.documents('resident_ratings')).toHaveLength(RATERS)
  // Recounted by hand: 10 ratings on each level, points 10 x (0 + 20 + 60 + 80 + 100) = 2600, n = 50,
  // pooled mean C = 52 (nobody else rated this month), score = (2600 + 5 x 52) / 55 = 52; the only party.
  expect(await evaluationRow()).toMatchObject({ residents: { n: 50, score: 52 }, recipients: null, subdistrict: null, total: 52, grade: '不称职' })
  await expectTalliesEqualTheRecount()
  expect(emulator.unsupported).toEqual([])
})

it('loses no acknowledged rating when instances die between two writes, and the trigger restores every tally', async () => {
  // One instance dies after storing a rating and before moving the tally; another after moving the tally
  // and before settling the rating. Their raters get no reply; everyone else goes on.
  const deaths = [
    emulator.killWhen((r) => r.instance === 'api-3' && r.api === 'database.modifyDocument' && r.collection === 'tallies', { timing: 'before' }),
    emulator.killWhen((r) => r.instance === 'api-6' && r.api === 'database.modifyDocument' && r.collection === 'resident_ratings', { timing: 'before' }),
  ]
  const replies = new Map<number, unknown>()
  rateAtOnce(Array.from({ length: RATERS }, (_, i) => i)).forEach((reply, i) => void reply.then((r) => replies.set(i, r)))
  // Every rater has an answer, or sits on an instance that died (whose invocations never settle).
  await until(() => Array.from({ length: RATERS }, (_, i) => i).every((i) => replies.has(i) || emulator.isDead(instances[i % instances.length].instanceId)))
  deaths.forEach((stop) => stop())
  const acknowledged = [...replies].filter(([, reply]) => (reply as Envelope<unknown>).ok)
  expect(emulator.isDead('api-3') && emulator.isDead('api-6')).toBe(true)
  // Instances 3 and 6 took raters 2, 10, ..., 42 and 5, 13, ..., 45 (six each): raters 2 and 5 died
  // mid-write, the other ten never ran. 50 - 12 = 38 acknowledged, each of them stored.
  expect(acknowledged.length).toBe(38)
  const stored = new Set(emulator.documents('resident_ratings').map((doc) => String(doc.openid)))
  for (const [i] of acknowledged) expect(stored.has(`o-neighbour-${i}`)).toBe(true)
  // Raters 2 and 5 are stored too (step 1 ran), still marked pending; rater 5's tally moved, rater 2's did not.
  expect(stored.size).toBe(40)
  const store = new CloudStore(createSdkDatabase(emulator, 'checker'))
  const [monthTally] = await store.listTallies(YEAR_SUBDISTRICT, [month])
  expect(monthTally.residents.reduce((a, b) => a + b, 0)).toBe(39)

  const survivors = instances.filter((instance) => !emulator.isDead(instance.instanceId))
  const trigger = (await survivors[0].invoke(timerEvent('repairTallies', new Date()), {})) as Envelope<{ repaired: number; deferred: number }>
  expect(trigger).toMatchObject({ ok: true, data: { repaired: 1, deferred: 0 } })
  await expectTalliesEqualTheRecount()
  expect(emulator.documents('resident_ratings').filter((doc) => doc.pending !== undefined)).toEqual([])

  // The raters who got no reply try again on a live instance (same key): ok, and still one rating each.
  const retried = await Promise.all([2, 5].map((i) => survivors[i % survivors.length].invoke(ratingOf(i), { openid: `o-neighbour-${i}` })))
  expect(retried).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })])
  await expectTalliesEqualTheRecount()
})

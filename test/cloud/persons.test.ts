// One person counts once in the 服务对象 party, on CloudBase as it behaves: the built function on the real
// wx-server-sdk over the emulator, several instances at once. A person's feedbacks on one worker in a
// month take turns on their own levels document (cloudRecipients.ts), never on the tally; an instance
// dying between the feedback and that document leaves the feedback pending, and the timer trigger's
// recount counts the month by person again, the documents included.
import { monthOf } from '@core/periods'
import type { Envelope } from '@core/errors'
import type { EvaluationRow } from '@core/types'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { VisitRecord } from '@backend/visits/store'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, restoreEnvironment, timerEvent } from '../cloudbase/realSdk'
import { CLOUD_LATENCY, recountFromRecords, setUpCloud, startInstances, storedTallies } from '../support/cloudEnv'
import { YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'

const WORKER = 'Y0001'
const PERSON = 'o-person-regular'
const month = monthOf(new Date())

let emulator: CloudbaseEmulator
let store: CloudStore
let instances: CloudFunctionInstance[]
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(yearOrg(2), { latency: CLOUD_LATENCY }))
  instances = startInstances(emulator, 4, { RECOUNT_SETTLE_SECONDS: '0' })
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

let visits = 0
/** A visit of the worker ten minutes ago, as visit.log stores it. */
async function visit(): Promise<string> {
  visits += 1
  const visitCode = `Vpersons${String(visits).padStart(8, '0')}`
  const record: VisitRecord = {
    visitCode, workerCode: WORKER, subdistrictId: YEAR_SUBDISTRICT, communityId: `${YEAR_SUBDISTRICT}-c1`,
    type: '关爱走访', place: '', note: '', at: new Date(Date.now() - 10 * 60_000).toISOString(),
  }
  await store.visits.putVisit(record)
  return visitCode
}

const give = (instance: CloudFunctionInstance, visitCode: string, level: number) =>
  instance.invoke({ action: 'feedback.submit', payload: { visitCode, level, idempotencyKey: `persons-${visitCode}` } }, { openid: PERSON }) as Promise<Envelope<unknown>>

const monthTallies = async () => storedTallies(store, YEAR_SUBDISTRICT, [month])
const recounted = () => new Map([...recountFromRecords(emulator)].filter(([key]) => key.endsWith(`|${month}`)))
const personDocs = () => emulator.documents('recipient_months').map((doc) => ({ openid: doc.openid, workerCode: doc.workerCode, month: doc.month, levels: doc.levels }))

it('counts six feedbacks of one person, given at once on four instances, as one person: n 1, mean (500 + 0) / 6', async () => {
  const codes = await Promise.all([5, 5, 5, 5, 5, 1].map(async (level) => [await visit(), level] as const))
  const replies = await Promise.all(codes.map(([code, level], i) => give(instances[i % instances.length], code, level)))
  expect(replies.filter((reply) => reply.ok)).toHaveLength(6)
  expect((await monthTallies()).get(`${WORKER}|${month}`)).toMatchObject({ recipients: [0, 0, 0, 0, 0], recipientGroups: { 6: [1, 0, 0, 0, 5] } })
  expect(await monthTallies()).toEqual(recounted())
  expect(personDocs()).toEqual([{ openid: PERSON, workerCode: WORKER, month, levels: { n1: 1, n2: 0, n3: 0, n4: 0, n5: 5 } }])
  // The only feedback of the sub-district: C = 250/3, S = (250/3 + 5 x 250/3) / 6 = 250/3 → 83.3.
  const reply = (await instances[0].invoke({ action: 'evaluation.get', payload: { period: month } }, { openid: YEAR_STAFF })) as Envelope<{ rows: EvaluationRow[] }>
  expect(reply.ok && reply.data.rows.find((row) => row.workerCode === WORKER)?.recipients).toEqual({ n: 1, score: 83.3 })
})

it('recounts by person after an instance died between the feedback and the person’s document', async () => {
  expect(await give(instances[0], await visit(), 4)).toMatchObject({ ok: true })
  // The person's second feedback: its instance dies after storing it, before changing their document.
  const stop = emulator.killWhen((r) => r.instance === 'api-2' && r.collection === 'recipient_months', { timing: 'before' })
  void give(instances[1], await visit(), 2)
  for (let waited = 0; !emulator.isDead('api-2'); waited += 5) {
    if (waited > 10_000) throw new Error('api-2 did not die')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  stop()
  // Stored, pending, and in no tally yet: the person still counts with their 4 alone. (The first is
  // pending too, until the timer: its tally names it, settleTallied.ts.)
  expect(emulator.documents('feedback').filter((doc) => doc.pending === true)).toHaveLength(2)
  expect((await monthTallies()).get(`${WORKER}|${month}`)).toMatchObject({ recipients: [0, 0, 0, 1, 0] })

  const trigger = (await instances[2].invoke(timerEvent('repairTallies', new Date()), {})) as Envelope<{ repaired: number; deferred: number }>
  expect(trigger).toMatchObject({ ok: true, data: { repaired: 1, deferred: 0 } })
  // The person counts once, with both levels: group 2 = [0, 1, 0, 1, 0]; their document says so too.
  expect((await monthTallies()).get(`${WORKER}|${month}`)).toMatchObject({ recipients: [0, 0, 0, 0, 0], recipientGroups: { 2: [0, 1, 0, 1, 0] } })
  expect(personDocs()).toEqual([{ openid: PERSON, workerCode: WORKER, month, levels: { n1: 0, n2: 1, n3: 0, n4: 1, n5: 0 } }])
  expect(emulator.documents('feedback').filter((doc) => doc.pending !== undefined)).toEqual([])

  // A third feedback after the repair moves the person from the group of 2 to the group of 3.
  expect(await give(instances[3], await visit(), 5)).toMatchObject({ ok: true })
  expect((await monthTallies()).get(`${WORKER}|${month}`)).toMatchObject({ recipientGroups: { 3: [0, 1, 0, 1, 1] } })
  expect(await monthTallies()).toEqual(recounted())
})

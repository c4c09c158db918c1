// Grid time on CloudBase as it behaves (DESIGN section 7): the BUILT function on the real wx-server-sdk
// over the emulator. Two taps on two instances open one session; a rejected end stores nothing; an
// instance dying between logging a session and clearing the worker's state loses nothing and logs
// nothing twice; a past month's grid time comes out as worked by hand, from a bounded handful of reads.
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { Envelope } from '@core/errors'
import type { ResultOf } from '@core/contract'
import { addMonths, monthOf } from '@core/periods'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, restoreEnvironment } from '../cloudbase/realSdk'
import { setUpCloud, startInstances } from '../support/cloudEnv'
import { FUSHAN, OPENID, X, smallOrg } from '../support/smallOrg'
import { rating } from '../storeContract'
import { withKey } from '../support/keys'

let emulator: CloudbaseEmulator
let store: CloudStore
let instances: CloudFunctionInstance[]
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(smallOrg()))
  instances = startInstances(emulator, 2)
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

const call = (i: number, action: string, payload: unknown, openid: string = OPENID.workerX) =>
  instances[i].invoke({ action, payload }, { openid }) as Promise<Envelope<unknown>>
const fieldDocs = () => ({ states: emulator.documents('field_states'), sessions: emulator.documents('field_sessions') })

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error('condition not met within 10 s')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

it('opens one session for two taps on two instances at once, refuses a future end storing nothing, and logs the end', async () => {
  const replies = await Promise.all([call(0, 'field.start', { grid: '银泉花园' }), call(1, 'field.start', { grid: '银泉花园' })])
  expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
  expect(replies.filter((reply) => !reply.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })])
  const { sessionId } = (replies.find((reply) => reply.ok) as { data: ResultOf<'field.start'> }).data
  expect(emulator.documents('field_states')).toEqual([expect.objectContaining({ workerCode: X, open: expect.objectContaining({ sessionId, grid: '银泉花园' }) })])

  const before = fieldDocs()
  expect(await call(1, 'field.end', { endedAt: new Date(Date.now() + 3_600_000).toISOString() })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(fieldDocs()).toEqual(before)

  expect(await call(1, 'field.end', {})).toEqual({ ok: true, data: { sessionId, minutes: expect.any(Number) } })
  const [logged] = emulator.documents('field_sessions')
  expect(logged).toMatchObject({ _id: sessionId, workerCode: X, subdistrictId: FUSHAN, month: monthOf(new Date()) })
  expect(emulator.documents('field_states')[0].open).toBeUndefined()
  expect(emulator.unsupported).toEqual([])
})

it('loses nothing and logs nothing twice when an instance dies between logging a session and clearing the state', async () => {
  const { sessionId } = ((await call(0, 'field.start', {})) as { data: ResultOf<'field.start'> }).data
  const stop = emulator.killWhen((r) => r.instance === 'api-1' && r.collection === 'field_states' && r.api !== 'database.getDocument', { timing: 'before' })
  void call(0, 'field.end', {}) // never answers: its instance dies
  await until(() => emulator.isDead('api-1'))
  stop()
  // the session is logged, the state still shows it open
  expect(emulator.documents('field_sessions').map((doc) => doc._id)).toEqual([sessionId])
  expect(emulator.documents('field_states')[0].open).toMatchObject({ sessionId })

  // the worker taps 结束下沉 again (another instance): the logged session stands, the state is cleared
  const loggedEnd = emulator.documents('field_sessions')[0].endedAt
  expect(await call(1, 'field.end', {})).toMatchObject({ ok: true, data: { sessionId } })
  expect(emulator.documents('field_sessions')).toEqual([expect.objectContaining({ _id: sessionId, endedAt: loggedEnd })])
  expect(emulator.documents('field_states')[0].open).toBeUndefined()
  expect(await call(1, 'field.start', {})).toMatchObject({ ok: true })
})

it("gives a past month's grid time as worked out by hand, reading one worker's month only", async () => {
  // September 2026, no holidays set: 22 weekdays (Tu 1 … We 30) × 480 = 10560 working minutes.
  // S1 Mo 7th 08:30–14:30 China (00:30–06:30 UTC), 360 min, a visit at 10:00 inside: corroborated
  // S2 Tu 8th 09:00–11:00, 120 min, a resident rating at 10:15 inside: corroborated
  // S3 We 9th 15:00–16:00, 60 min, nothing inside: not corroborated
  const session = async (id: string, start: string, end: string) => {
    await store.fieldTime.startSession({ sessionId: id, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', grid: '', startedAt: start })
    await store.fieldTime.endSession(X, id, end)
  }
  await session('s1', '2026-09-07T00:30:00.000Z', '2026-09-07T06:30:00.000Z')
  await session('s2', '2026-09-08T01:00:00.000Z', '2026-09-08T03:00:00.000Z')
  await session('s3', '2026-09-09T07:00:00.000Z', '2026-09-09T08:00:00.000Z')
  await store.visits.putVisit({ visitCode: 'V-cloud-00000001', workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', type: '帮办代办', place: '', note: '', at: '2026-09-07T02:00:00.000Z' })
  await store.submitResidentRating({ ...rating('o-neighbour', X, '2026-09', 4), subdistrictId: FUSHAN, submittedAt: '2026-09-08T02:15:00.000Z' })
  emulator.resetRequests()

  // 360 + 120 + 60 = 540 logged; 360 + 120 = 480 corroborated
  const expected = { period: '2026-09', fieldMinutes: 540, corroboratedMinutes: 480, workingDays: 22, workingMinutes: 10560, ratio: 540 / 10560, corroboratedRatio: 480 / 10560, target: 0.5, meetsTarget: false, hallDays: 0 }
  expect(await call(0, 'gridtime.get', { period: '2026-09' })).toEqual({ ok: true, data: expected })
  expect(emulator.requests.map((r) => `${r.api} ${r.collection}`).sort()).toEqual([
    'database.getDocument principals', // who is calling
    'database.getDocument workers', // their worker record
    'database.getDocument settings', // working days, minutes per day, target
    'database.getDocument field_sessions', // a query: their sessions of Aug–Sep (one page)
    'database.getDocument visits', // a query: their visits since 12 h before September
    'database.getDocument resident_ratings', // a query: their ratings of Aug–Oct (one page)
    'database.getDocument hall_rotas', // their community's year of rotas: days at the hall (none here)
  ].sort())
  expect(await call(1, 'gridtime.get', { period: '2026-09', workerCode: X }, OPENID.fushanStaff)).toEqual({ ok: true, data: expected })
  expect(await call(1, 'gridtime.get', { period: '2026-09', workerCode: X }, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(emulator.unsupported).toEqual([])
})

it("gives a worker their own results of a closed month with the n >= 5 rule, and of this month only when it is published, on the built function", async () => {
  const thisMonth = monthOf(new Date())
  const lastMonth = addMonths(thisMonth, -1)
  for (const [i, level] of ([5, 4, 4, 5, 3] as const).entries()) {
    await store.submitResidentRating({ ...rating(`o-neighbour-${i}`, X, lastMonth, level), subdistrictId: FUSHAN })
  }
  const reply = await call(0, 'worker.results', { period: lastMonth })
  // X alone was rated: points 100 + 80 + 80 + 100 + 60 = 420, n 5, C = 84; (420 + 5 × 84) / 10 = 84
  // Residents only: the total is R, 称职 (no recipients, no D: flagged, so no 优秀); no field time logged.
  expect(reply).toEqual({
    ok: true,
    data: { period: lastMonth, published: true, residents: { shown: true, n: 5, score: 84 }, recipients: { shown: false }, subdistrict: null, overall: { shown: true, total: 84, grade: '称职' }, gridTimeRatio: 0, hallDays: 0 },
  })
  // This month's ratings show nothing while it runs (trust rule 5): only the day it is published.
  for (const [i, level] of [5, 4, 4, 5, 3].entries()) await call(i % 2, 'rating.submit', withKey({ workerCode: X, level }), `o-neighbour-${i}`)
  expect(await call(1, 'worker.results', { period: thisMonth })).toEqual({ ok: true, data: { period: thisMonth, published: false, publishedOn: `${addMonths(thisMonth, 1)}-01` } })
})

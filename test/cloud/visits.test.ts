// 一次一评 on CloudBase, through the BUILT function's exports.main on the real wx-server-sdk over the
// emulator: a worker logs a visit and gets its feedback code; the person served reads the visit's
// card and rates it; the feedback document, the worker's tally and the evaluation say so; the worker's list
// shows it rated; a second feedback and the worker's own are refused and change nothing; a worker taken out
// of post collects no feedback (their visits still open are marked, read with the visit) until back.
import { INACTIVE_WORKER_MESSAGE } from '@core/org'
import { monthOf } from '@core/periods'
import type { EvaluationRow } from '@core/types'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction } from '../cloudbase/realSdk'
import { recountFromRecords, setUpCloud, storedTallies } from '../support/cloudEnv'
import { YEAR_BUREAU, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { withKey } from '../support/keys'

const WORKER = 'o-worker-Y0001'
const ADMIN = 'o-admin-c1'
const RECIPIENT = 'o-recipient-1'
const PNG = Buffer.from('89504e470d0a1a0a', 'hex')

let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  org.principals.push({ openid: ADMIN, role: 'community', name: '社区1 管理员', communityId: `${YEAR_SUBDISTRICT}-c1`, subdistrictId: YEAR_SUBDISTRICT })
  ;({ emulator, store } = await setUpCloud(org))
  api = loadCloudFunction(emulator, { instanceId: 'api-1', openapi: { wxacode: { getUnlimited: () => ({ errCode: 0, contentType: 'image/jpeg', buffer: PNG }) } } })
})
afterEach(() => emulator.dispose())

/** The function's envelope; `data` typed by the test that reads it. */
interface Reply<T = unknown> {
  ok: boolean
  data: T
  code?: string
}
const call = <T = unknown>(action: string, payload: unknown, openid: string) => api.invoke({ action, payload }, { openid }) as Promise<Reply<T>>

it('logs a visit, and the person served rates it once: the feedback, the tally and the evaluation count it', async () => {
  const month = monthOf(new Date())
  const logged = await call<{ visitCode: string }>('visit.log', { type: '关爱走访', place: '一网格2栋', note: '独居老人，血压正常' }, WORKER)
  expect(logged).toEqual({ ok: true, data: { visitCode: expect.stringMatching(/^V[0-9A-Za-z]{15}$/), image: expect.stringMatching(/^cloud:\/\//) } })
  const { visitCode } = logged.data

  expect(await call('visit.card', { visitCode }, RECIPIENT)).toEqual({
    ok: true,
    data: { workerCode: 'Y0001', workerName: '工作者1', type: '关爱走访', at: expect.any(String), feedbackUntil: expect.any(String), feedbackOpen: true, closedBecause: null, ownVisit: false },
  })
  expect(await call('feedback.submit', withKey({ visitCode, level: 4, comment: '量了血压，很耐心' }), RECIPIENT)).toEqual({ ok: true, data: { feedbackId: visitCode, period: month } })

  expect(emulator.documents('feedback')).toEqual([
    expect.objectContaining({ _id: visitCode, openid: RECIPIENT, workerCode: 'Y0001', month, level: 4, comment: '量了血压，很耐心', commentStatus: 'pass', version: 1 }),
  ])
  // Its tally moved and names it; the timer removes its pending mark (settleTallied.ts).
  expect(emulator.documents('feedback')[0].pending).toBe(true)
  const tallies = await storedTallies(store, YEAR_SUBDISTRICT, [month])
  expect(tallies.get(`Y0001|${month}`)?.recipients).toEqual([0, 0, 0, 1, 0])
  expect(tallies).toEqual(new Map([...recountFromRecords(emulator)].filter(([key]) => key.endsWith(`|${month}`))))
  // The only feedback of the sub-district: C = 80, S = (80 + 5 x 80) / (1 + 5) = 80.
  const evaluation = await call<{ rows: EvaluationRow[] }>('evaluation.get', { period: month, subdistrictId: YEAR_SUBDISTRICT }, YEAR_BUREAU)
  expect(evaluation.data.rows.find((row) => row.workerCode === 'Y0001')?.recipients).toEqual({ n: 1, score: 80 })

  // The worker sees only that its window is open by time: never that it was rated, who nor how.
  const listed = await call('visit.list', {}, WORKER)
  expect(listed.data).toEqual([expect.objectContaining({ visitCode, note: '独居老人，血压正常', feedback: { open: true } })])
  expect(JSON.stringify(listed)).not.toContain(RECIPIENT)
})

it('refuses a second feedback (409) and the worker’s own (403), and changes nothing', async () => {
  const { visitCode } = (await call<{ visitCode: string }>('visit.log', { type: '矛盾调解' }, WORKER)).data
  expect(await call('feedback.submit', withKey({ visitCode, level: 5 }), WORKER)).toMatchObject({ ok: false, code: 'SELF_RATING' })
  expect(await call('feedback.submit', withKey({ visitCode, level: 5 }), RECIPIENT)).toMatchObject({ ok: true })
  const before = { feedback: emulator.documents('feedback'), tallies: emulator.documents('tallies') }
  expect(await call('feedback.submit', withKey({ visitCode, level: 1 }), 'o-recipient-2')).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect({ feedback: emulator.documents('feedback'), tallies: emulator.documents('tallies') }).toEqual(before)
  expect(await call('visit.card', { visitCode }, 'o-recipient-2')).toMatchObject({ ok: true, data: { feedbackOpen: false, closedBecause: 'rated' } })
})

describe('feedback on a visit of a worker out of post', () => {
  const DAY = 24 * 60 * 60 * 1000
  const setInPost = (active: boolean) => call('worker.update', { workerCode: 'Y0001', postId: 'zhuanzhi', gridId: `${YEAR_SUBDISTRICT}-c1-g1`, active }, ADMIN)
  const marks = () => new Map(emulator.documents('visits').map((doc) => [doc._id, doc.workerOutOfPost]))
  /** A visit of Y0001 logged `daysAgo` days before now (as visit.log would have stored it then). */
  async function visitDaysAgo(visitCode: string, daysAgo: number): Promise<void> {
    const at = new Date(Date.now() - daysAgo * DAY).toISOString()
    await store.visits.putVisit({ visitCode, workerCode: 'Y0001', subdistrictId: YEAR_SUBDISTRICT, communityId: `${YEAR_SUBDISTRICT}-c1`, type: '关爱走访', place: '', note: '', at })
  }

  it('is refused with the message, storing and counting nothing, until the worker is back in post', async () => {
    const { visitCode } = (await call<{ visitCode: string }>('visit.log', { type: '关爱走访' }, WORKER)).data
    expect(await setInPost(false)).toMatchObject({ ok: true })
    expect(marks().get(visitCode)).toBe(true)
    const before = { feedback: emulator.documents('feedback'), principals: emulator.documents('principals'), tallies: emulator.documents('tallies'), months: emulator.documents('recipient_months') }
    expect(await call('feedback.submit', withKey({ visitCode, level: 5 }), RECIPIENT)).toEqual({ ok: false, code: 'CONFLICT', message: INACTIVE_WORKER_MESSAGE })
    // no feedback, no rate-limit counter (it lives in principals), no tally, no person's month
    expect({ feedback: emulator.documents('feedback'), principals: emulator.documents('principals'), tallies: emulator.documents('tallies'), months: emulator.documents('recipient_months') }).toEqual(before)
    expect(await setInPost(true)).toMatchObject({ ok: true })
    expect(marks().get(visitCode)).toBeUndefined()
    expect(await call('feedback.submit', withKey({ visitCode, level: 5 }), RECIPIENT)).toMatchObject({ ok: true, data: { feedbackId: visitCode } })
  })

  it('marks the visits of the last 90 days (the longest window a setting allows), never an older one nor a colleague’s', async () => {
    await visitDaysAgo('V-89-days-ago', 89)
    await visitDaysAgo('V-91-days-ago', 91) // closed under any window: left as it is
    await store.visits.putVisit({ visitCode: 'V-colleague', workerCode: 'Y0002', subdistrictId: YEAR_SUBDISTRICT, communityId: `${YEAR_SUBDISTRICT}-c1`, type: '关爱走访', place: '', note: '', at: new Date().toISOString() })
    await setInPost(false)
    expect(marks()).toEqual(new Map([['V-89-days-ago', true], ['V-91-days-ago', undefined], ['V-colleague', undefined]]))
    await setInPost(true)
    expect(marks()).toEqual(new Map([['V-89-days-ago', undefined], ['V-91-days-ago', undefined], ['V-colleague', undefined]]))
    expect(emulator.unsupported).toEqual([])
  })

  it('marks a visit whose visit.log found the worker in post but wrote after they went out (the write reads the worker again)', async () => {
    await setInPost(false)
    // The write of a visit.log whose check ran before the worker went out of post.
    await visitDaysAgo('V-in-flight', 0)
    expect(marks().get('V-in-flight')).toBe(true)
    expect(await call('feedback.submit', withKey({ visitCode: 'V-in-flight', level: 5 }), RECIPIENT)).toEqual({ ok: false, code: 'CONFLICT', message: INACTIVE_WORKER_MESSAGE })
  })
})

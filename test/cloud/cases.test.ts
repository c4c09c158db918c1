// The bad-review loop (差评回访整改) on CloudBase, through the BUILT function's exports.main on
// the real wx-server-sdk over the emulator: a person served gives a visit level 1 → at the next hourly timer
// run (backend/cases/dueCases.ts; test/cloud/caseTimer.test.ts), exactly one `cases` document (no second on
// a retry of the same submit); the community's admin records the call-back and the
// rectification; with SUBSCRIBE_TEMPLATE_ID set, the rater is sent one subscribe message naming the worker;
// they answer 基本满意 and the case is closed. Nothing identifies the rater in what staff read. A phone number
// left for the call-back is erased from the document when the case closes, and by the hourly timer 30
// days after it was left (trust rule 9).
import type { CaseView, RaterCaseView } from '@core/cases'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, timerEvent } from '../cloudbase/realSdk'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { setUpCloud } from '../support/cloudEnv'
import { YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import { freshKey } from '../support/keys'

const WORKER = 'o-worker-Y0001'
const RECIPIENT = 'o-recipient-1'
const ADMIN = 'o-admin-c1'
const PNG = Buffer.from('89504e470d0a1a0a', 'hex')

let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
let sent: unknown[]
beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  org.principals.push({ openid: ADMIN, role: 'community', name: '社区1 周书记', communityId: `${YEAR_SUBDISTRICT}-c1`, subdistrictId: YEAR_SUBDISTRICT })
  ;({ emulator, store } = await setUpCloud(org))
  sent = []
  api = loadCloudFunction(emulator, {
    instanceId: 'api-1',
    env: { SUBSCRIBE_TEMPLATE_ID: 'tmpl-rectified' },
    openapi: {
      wxacode: { getUnlimited: () => ({ errCode: 0, contentType: 'image/jpeg', buffer: PNG }) },
      subscribeMessage: { send: (request: unknown) => (sent.push(request), { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }) },
    },
  })
})
afterEach(() => emulator.dispose())

interface Reply<T = unknown> {
  ok: boolean
  data: T
  code?: string
}
const call = <T = unknown>(action: string, payload: unknown, openid: string) => api.invoke({ action, payload }, { openid }) as Promise<Reply<T>>
/** The hourly timer, which opens the cases of bad ratings given since its last run. */
const runTimer = () => api.invoke(timerEvent('repairTallies', new Date()), {})

it('a level-1 feedback opens one case; call-back, rectification, a subscribe message, then 基本满意 closes it', async () => {
  const { visitCode } = (await call<{ visitCode: string }>('visit.log', { type: '关爱走访' }, WORKER)).data
  const submit = { visitCode, level: 1, idempotencyKey: freshKey('fb') }
  expect(await call('feedback.submit', submit, RECIPIENT)).toMatchObject({ ok: true })
  expect(await call('feedback.submit', submit, RECIPIENT)).toMatchObject({ ok: true }) // a retry: the first result
  expect(emulator.documents('cases')).toEqual([])
  expect(await runTimer()).toMatchObject({ ok: true, data: { casesOpened: 1 } })
  const docs = emulator.documents('cases') as Array<{ _id: string; raterOpenid: string; level: number; version: number }>
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ raterOpenid: RECIPIENT, level: 1, version: 1 })
  const caseId = docs[0]._id

  const listed = await call<{ cases: CaseView[] }>('case.list', {}, ADMIN)
  expect(listed.data.cases.map((c) => [c.caseId, c.kind, c.workerName, c.stage])).toEqual([[caseId, '服务对象评价', '工作者1', 'callback']])
  expect(JSON.stringify(listed.data)).not.toContain(RECIPIENT)

  expect(await call('case.rectify', { caseId, note: '已加强入户走访', idempotencyKey: freshKey() }, ADMIN)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await call('case.callback', { caseId, reached: false, outcome: '评价人未留电话，无法联系', idempotencyKey: freshKey() }, ADMIN)).toMatchObject({ ok: true, data: { stage: 'rectify' } })
  expect(await call('case.rectify', { caseId, note: '已加强入户走访，每周一次', idempotencyKey: freshKey() }, ADMIN)).toMatchObject({ ok: true, data: { stage: 'confirm' } })
  expect(sent).toEqual([expect.objectContaining({ touser: RECIPIENT, templateId: 'tmpl-rectified', data: expect.objectContaining({ thing1: { value: '工作者1的服务' } }) })])

  const mine = await call<{ cases: RaterCaseView[] }>('case.mine', {}, RECIPIENT)
  expect(mine.data.cases.map((c) => [c.caseId, c.stage])).toEqual([[caseId, 'confirm']])
  expect(await call('case.confirm', { caseId, verdict: '基本满意', idempotencyKey: freshKey() }, RECIPIENT)).toMatchObject({ ok: true, data: { stage: 'closed', verdict: '基本满意' } })
  expect(emulator.documents('cases')[0]).toMatchObject({ confirmation: { verdict: '基本满意' }, version: 5 })
  const audited = (emulator.documents('audit') as unknown as Array<{ action: string }>).map((e) => e.action).filter((a) => a.startsWith('case.')).sort()
  expect(audited).toEqual(['case.callback', 'case.confirm', 'case.open', 'case.rectify'])
})

describe('the phone number left for the call-back (trust rule 9)', () => {
  const phoneDoc = (id: string) => (emulator.documents('cases') as Array<{ _id: string; contact?: unknown; contactAt?: string }>).find((doc) => doc._id === id)

  it('is erased from the document in the write that closes the case', async () => {
    const { visitCode } = (await call<{ visitCode: string }>('visit.log', { type: '关爱走访' }, WORKER)).data
    expect(await call('feedback.submit', { visitCode, level: 2, idempotencyKey: freshKey('fb') }, RECIPIENT)).toMatchObject({ ok: true })
    await runTimer()
    const caseId = (emulator.documents('cases')[0] as { _id: string })._id
    expect(await call('case.contact', { caseId, phone: '13912345678' }, RECIPIENT)).toMatchObject({ ok: true })
    expect(phoneDoc(caseId)).toMatchObject({ contact: { phone: '13912345678' }, contactAt: expect.any(String) })
    expect((await call<CaseView>('case.get', { caseId }, ADMIN)).data.contact).toEqual({ phone: '13912345678' })
    await call('case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉', idempotencyKey: freshKey() }, ADMIN)
    await call('case.rectify', { caseId, note: '已加强入户走访，每周一次', idempotencyKey: freshKey() }, ADMIN)
    expect(await call('case.confirm', { caseId, verdict: '满意', idempotencyKey: freshKey() }, RECIPIENT)).toMatchObject({ ok: true })
    expect(phoneDoc(caseId)?.contact).toEqual({ erased: true })
    expect(phoneDoc(caseId)?.contactAt).toBeUndefined()
    expect(JSON.stringify(emulator.documents('cases'))).not.toContain('13912345678')
    expect((await call<CaseView>('case.get', { caseId }, ADMIN)).data.contact).toEqual({ left: true, erased: true })
  })

  it('is erased by the hourly timer once 30 days old; a number 29 days old stays', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3_600_000).toISOString()
    const kase = (id: string, contactAt: string) => ({
      id,
      ref: { kind: 'resident' as const, id: `rating-${id}` },
      raterOpenid: `o-rater-${id}`,
      workerCode: 'Y0001',
      communityId: `${YEAR_SUBDISTRICT}-c1`,
      subdistrictId: YEAR_SUBDISTRICT,
      month: contactAt.slice(0, 7),
      level: 1 as const,
      openedAt: contactAt,
      callbackDue: contactAt.slice(0, 10),
      rectifyDue: contactAt.slice(0, 10),
      contact: { phone: `1390000000${id.length}` },
      contactAt,
      version: 2,
    })
    await store.cases.open(kase('old', daysAgo(31)))
    await store.cases.open(kase('young', daysAgo(29)))
    expect(await runTimer()).toMatchObject({ ok: true, data: { phonesErased: 1 } })
    expect(phoneDoc('old')).toMatchObject({ contact: { erased: true }, version: 3 })
    expect(phoneDoc('old')?.contactAt).toBeUndefined()
    expect(phoneDoc('young')).toMatchObject({ contact: { phone: '13900000005' } })
  })
})

// Cases and appeals fit together, through dispatch on a real SqliteStore: an upheld appeal closes the
// rating's bad-review case as 评价已撤销 — version bumped, the phone number left for the call-back erased,
// audited once as 'case.withdraw' under the deciding staff member — and the case no longer counts as
// overdue nor takes another step; a rejected appeal leaves the case as it was.
// The dates, default settings (no holidays): 张敏 (W001) is rated 非常不满意 on Fri 2026-10-09 → call-back
// due Mon 10-12, rectification due Fri 10-30 (15 working days). On Mon 11-02 (China) the appeal window of
// October (11-01 to 11-10) is open, and the rectification is 1 working day over (10-31 Sat, 11-01 Sun, 11-02 Mon).
import type { AppealableRating } from '@core/appeals'
import type { CaseView, RaterCaseView, WorkerCaseView } from '@core/cases'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import type { CaseRecord } from '@backend/cases/store'
import { ratingToken } from '@backend/appeals/appealViews'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { withKey } from './support/keys'
import { OPENID, X } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

const RATED_AT = new Date('2026-10-09T02:00:00.000Z') // Fri 10:00 China
const DECIDED_AT = new Date('2026-11-02T02:00:00.000Z') // Mon 10:00 China
const RATER = 'o-rater-1'
const NOTE = '监控显示当天未入户，差评不实'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(RATED_AT))
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string | null) => api.call({ action, payload: withKey(payload) }, openid)
const ratingId = residentRatingId(RATER, X, '2026-10')
const ref = { kind: 'resident' as const, id: ratingId }
/** The case and the appeal of the rating share its id. */
const caseId = ratingRefId(ref, TEST_SECRETS.idKey)
const stored = async () => (await api.store.cases.get(caseId)) as CaseRecord
const listed = async () => dataOf<{ cases: CaseView[] }>(await call('case.list', {}, OPENID.communityAdmin)).cases
const withdrawAudits = async () => (await api.store.audit.list({ action: 'case.withdraw' }, { limit: 10 })).entries

/** 非常不满意 with a phone number left; the call-back recorded (so the case reached 张敏); then November 2nd and the appeal filed. */
async function badRatingAppealed(): Promise<void> {
  dataOf(await call('rating.submit', { workerCode: X, level: 1 }, RATER))
  dataOf(await call('case.contact', { caseId, phone: '13912345678' }, RATER))
  dataOf(await call('case.callback', { caseId, reached: true, outcome: '已电话联系，居民反映入户不及时' }, OPENID.communityAdmin))
  api.now = new Date(DECIDED_AT)
  dataOf(await call('appeal.file', { token: ratingToken(ref, TEST_SECRETS.idKey), reason: '当天我在社区值班，没有入户，评价与事实不符' }, OPENID.workerX))
}

const decide = (decision: 'uphold' | 'reject', idempotencyKey?: string) =>
  call('appeal.decide', { appealId: caseId, decision, note: NOTE, ...(idempotencyKey ? { idempotencyKey } : {}) }, OPENID.fushanStaff)

describe('an upheld appeal closes its case as 评价已撤销', () => {
  it('bumps the version, records who and why, erases the phone number, and is audited once', async () => {
    await badRatingAppealed()
    expect(await stored()).toMatchObject({ version: 3, contact: { phone: '13912345678' } }) // opened 1, contact 2, call-back 3
    dataOf(await decide('uphold'))
    const closed = await stored()
    expect(closed).toMatchObject({ version: 4, withdrawal: { at: DECIDED_AT.toISOString(), by: OPENID.fushanStaff, byName: '浮山办事处 刘科长', note: NOTE }, contact: { erased: true } })
    expect(closed.contactAt).toBeUndefined()
    expect(JSON.stringify(closed)).not.toContain('13912345678')
    const entries = await withdrawAudits()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ by: { openid: OPENID.fushanStaff, role: 'subdistrict', name: '浮山办事处 刘科长' }, target: `case:${caseId}`, reason: NOTE, details: { workerCode: X, stage: 'withdrawn' } })
    const shown = dataOf<{ entries: Array<{ actionLabel: string; reason?: string }> }>(await call('audit.list', { action: 'case.withdraw' }, OPENID.bureau)).entries
    expect(shown.map((e) => [e.actionLabel, e.reason])).toEqual([['申诉成立，差评工单关闭（评价已撤销）', NOTE]])
  })

  it('is no longer overdue: the rectification 1 working day over before, nothing overdue after', async () => {
    await badRatingAppealed()
    const [before] = await listed()
    expect(before).toMatchObject({ stage: 'rectify', overdue: { step: 'rectify', workingDays: 1 } })
    dataOf(await decide('uphold'))
    const cases = await listed()
    expect(cases.map((c) => [c.stage, c.overdue])).toEqual([['withdrawn', null]])
    expect(cases.filter((c) => c.overdue !== null)).toHaveLength(0)
    const detail = dataOf<CaseView>(await call('case.get', { caseId }, OPENID.communityAdmin))
    expect(detail).toMatchObject({ stage: 'withdrawn', overdue: null, withdrawal: { at: DECIDED_AT.toISOString(), byName: '浮山办事处 刘科长', note: NOTE }, contact: { left: true, erased: true } })
  })

  it('tells the worker (case.worker and appeal.mine) and the rater (case.mine)', async () => {
    await badRatingAppealed()
    const mineBefore = dataOf<{ ratings: AppealableRating[] }>(await call('appeal.mine', {}, OPENID.workerX)).ratings
    expect(mineBefore.map((r) => r.caseWithdrawn)).toEqual([false])
    dataOf(await decide('uphold'))
    const { cases: worker, today } = dataOf<{ cases: WorkerCaseView[]; today: string }>(await call('case.worker', {}, OPENID.workerX))
    // The server's China date, which the worker's home reads withdrawnOn against.
    expect(today).toBe('2026-11-02')
    expect(worker).toEqual([{ caseId, level: 1, month: '2026-10', comment: '', stage: 'withdrawn', overdue: null, withdrawnOn: '2026-11-02' }])
    const mine = dataOf<{ ratings: AppealableRating[] }>(await call('appeal.mine', {}, OPENID.workerX)).ratings
    expect(mine.map((r) => [r.caseWithdrawn, r.appeal?.status])).toEqual([[true, 'upheld']])
    const rater = dataOf<{ cases: RaterCaseView[] }>(await call('case.mine', {}, RATER)).cases
    expect(rater.map((c) => [c.stage, c.contactChosen])).toEqual([['withdrawn', true]])
  })

  it('takes no further step: the rectification and the rater’s verdict are refused (409), storing nothing', async () => {
    await badRatingAppealed()
    dataOf(await decide('uphold'))
    const before = storeHash(api.store)
    expect(await call('case.rectify', { caseId, note: '已调整走访安排，每周入户一次' }, OPENID.communityAdmin)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '街道复核认定申诉成立，这条评价已撤销，无需再回访、整改，请刷新查看',
    })
    expect(await call('case.confirm', { caseId, verdict: '满意' }, RATER)).toEqual({ ok: false, code: 'CONFLICT', message: '这条评价经街道复核已撤销，社区不再回访，谢谢您' })
    expect(storeHash(api.store)).toBe(before)
  })

  it('keeps a step written at the same moment: a call-back recorded meanwhile stays, and the case is closed after it', async () => {
    dataOf(await call('rating.submit', { workerCode: X, level: 1 }, RATER))
    api.now = new Date(DECIDED_AT)
    dataOf(await call('appeal.file', { token: ratingToken(ref, TEST_SECRETS.idKey), reason: '当天我在社区值班，没有入户，评价与事实不符' }, OPENID.workerX))
    const update = api.store.cases.update.bind(api.store.cases)
    const meanwhile = { at: DECIDED_AT.toISOString(), by: OPENID.communityAdmin, byName: '银泉社区 周书记', reached: false, outcome: '无法联系' }
    const spy = jest.spyOn(api.store.cases, 'update').mockImplementationOnce(async (next) => {
      // The admin's call-back lands between the read and the write: version 1 → 2.
      const current = await stored()
      await update({ ...current, callback: meanwhile, version: current.version + 1 })
      return update(next)
    })
    dataOf(await decide('uphold'))
    spy.mockRestore()
    expect(await stored()).toMatchObject({ version: 3, callback: meanwhile, withdrawal: { note: NOTE } })
    expect(await withdrawAudits()).toHaveLength(1)
  })

  it('finishes the close when the same decide call is retried after it failed: closed once, audited once', async () => {
    await badRatingAppealed()
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const update = jest.spyOn(api.store.cases, 'update').mockRejectedValueOnce(new Error('database busy'))
    expect(await decide('uphold', 'decide-withdraw-01')).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect((await stored()).withdrawal).toBeUndefined()
    update.mockRestore()
    quiet.mockRestore()
    expect(await decide('uphold', 'decide-withdraw-01')).toMatchObject({ ok: true, data: { status: 'upheld' } })
    expect(await decide('uphold', 'decide-withdraw-01')).toMatchObject({ ok: true, data: { status: 'upheld' } })
    expect(await stored()).toMatchObject({ version: 4, withdrawal: { note: NOTE } })
    expect(await withdrawAudits()).toHaveLength(1)
  })
})

describe('a rejected appeal leaves the case alone', () => {
  it('keeps its version, its steps, its phone number and its lateness; no case.withdraw entry', async () => {
    await badRatingAppealed()
    const before = await stored()
    dataOf(await decide('reject'))
    expect(await stored()).toEqual(before)
    expect((await listed()).map((c) => [c.stage, c.overdue])).toEqual([['rectify', { step: 'rectify', workingDays: 1 }]])
    expect(await withdrawAudits()).toEqual([])
  })
})

// The bad-review loop, 差评回访整改, through dispatch on a real SqliteStore. A level 1 or 2
// opens one case for the worker's community (3-5 none); the community's admin records the call-back, then
// the rectification (not before: 409), once each; the rater is told and gives their verdict, once (409),
// only they (403). Staff and the worker never see who rated. Every refusal stores nothing; every
// transition is audited. Deadlines with the default settings (no holidays configured):
// rated Fri 2026-10-09 → call-back due Mon 10-12; rectification due 15 working days on, Fri 10-30.
// smallOrg: 浮山 has 银泉 (张敏 W001, bound to o-worker-x; admin o-admin-yinquan) and 青龙 (李强 W002).
import type { CaseView, RaterCaseView, WorkerCaseView } from '@core/cases'
import { dispatch } from '@backend/door'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { monthOf } from '@core/periods'
import type { Notifier } from '@backend/context'
import { TEST_CODE_IMAGES, createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { withKey } from './support/keys'
import { OPENID, X, Y } from './support/smallOrg'
import { TEST_SECRETS, testSecrets } from './support/secrets'

const RATED_AT = new Date('2026-10-09T02:00:00.000Z') // Fri 10:00 China
const RATER = 'o-rater-1'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(RATED_AT))
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string | null) => api.call({ action, payload: withKey(payload) }, openid)
/** Rates now; the rating's document id (not the keyed id rating.submit answers, which is its case's id). */
const rate = async (workerCode: string, level: number, openid = RATER, comment?: string) => {
  dataOf(await call('rating.submit', { workerCode, level, ...(comment ? { comment } : {}) }, openid))
  return residentRatingId(openid, workerCode, monthOf(api.now))
}
const caseIdOf = (ratingId: string) => ratingRefId({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey)
const list = async (openid: string = OPENID.communityAdmin, payload: object = {}) => dataOf<{ cases: CaseView[]; today: string }>(await call('case.list', payload, openid)).cases
const callback = (caseId: string, openid: string = OPENID.communityAdmin) => call('case.callback', { caseId, reached: true, outcome: '已电话联系居民，了解到入户走访不及时' }, openid)
const rectify = (caseId: string, openid: string = OPENID.communityAdmin) => call('case.rectify', { caseId, note: '已调整走访安排，每周入户一次' }, openid)
const confirm = (caseId: string, verdict = '基本满意', openid = RATER) => call('case.confirm', { caseId, verdict }, openid)
const auditActions = async () => (await api.store.audit.list({}, { limit: 100 })).entries.map((e) => e.action).sort()

describe('opening', () => {
  it('opens one case for a level 1 or 2 with the deadlines in working days; 3-5 open none', async () => {
    const bad = await rate(X, 1, 'o-r-a', '走访敷衍')
    await rate(X, 2, 'o-r-b')
    await rate(X, 3, 'o-r-c')
    await rate(X, 5, 'o-r-d')
    const cases = await list()
    expect(cases).toHaveLength(2)
    const one = cases.find((c) => c.caseId === caseIdOf(bad))
    expect(one).toMatchObject({ workerCode: X, workerName: '张敏', communityName: '银泉社区', level: 1, month: '2026-10', comment: '走访敷衍', openedOn: '2026-10-09', callbackDue: '2026-10-12', rectifyDue: '2026-10-30', stage: 'callback', overdue: null })
    expect(JSON.stringify(cases)).not.toMatch(/o-r-/)
    expect(await auditActions()).toEqual(['case.open', 'case.open'])
  })

  it('a re-rate of the same rating to 1 finds its case there: still one case', async () => {
    await rate(X, 2)
    await rate(X, 1)
    expect(await list()).toHaveLength(1)
  })
})

describe('call-back and rectification', () => {
  it('goes callback → rectify → confirm, each recorded by the community admin with their name', async () => {
    const caseId = caseIdOf(await rate(X, 1))
    expect(dataOf<CaseView>(await callback(caseId))).toMatchObject({ stage: 'rectify', callback: { reached: true, byName: '银泉社区 周书记' } })
    const rectified = dataOf<CaseView>(await rectify(caseId))
    expect(rectified).toMatchObject({ stage: 'confirm', rectification: { note: '已调整走访安排，每周入户一次' }, overdue: null })
    expect(await auditActions()).toEqual(['case.callback', 'case.open', 'case.rectify'])
  })

  it('refuses a rectification before the call-back (409) and a second call-back (409), storing nothing', async () => {
    const caseId = caseIdOf(await rate(X, 1))
    let before = storeHash(api.store)
    expect(await rectify(caseId)).toEqual({ ok: false, code: 'CONFLICT', message: '请先记录回访情况，再记录整改' })
    expect(storeHash(api.store)).toBe(before)
    await callback(caseId)
    before = storeHash(api.store)
    expect(await callback(caseId)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(storeHash(api.store)).toBe(before)
  })

  it('is the community’s own admin’s: 403 for sub-district staff, the bureau, a resident; 404 for no such case', async () => {
    const caseId = caseIdOf(await rate(X, 1))
    const before = storeHash(api.store)
    for (const openid of [OPENID.fushanStaff, OPENID.bureau, OPENID.resident, OPENID.workerX]) expect(await callback(caseId, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await callback(caseId, null as unknown as string)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await callback('no-such-case')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(storeHash(api.store)).toBe(before)
  })

  it('another community’s admin gets 403 on the case (Y is 青龙’s)', async () => {
    await api.store.putOrg({ subdistricts: [], communities: [], grids: [], posts: [], workers: [], principals: [{ openid: 'o-admin-qinglong', role: 'community', name: '青龙社区 孙书记', communityId: 'c-qinglong', subdistrictId: 'sd-fushan' }] })
    const caseId = caseIdOf(await rate(X, 1))
    expect(await callback(caseId, 'o-admin-qinglong')).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只能处理本社区的差评' })
    expect(await call('case.get', { caseId }, 'o-admin-qinglong')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await list('o-admin-qinglong')).toEqual([])
  })

  it('tells the rater through the notifier after the rectification, and marks when', async () => {
    const caseId = caseIdOf(await rate(X, 1))
    await callback(caseId)
    const sent: Array<[string, string, string]> = []
    const notifier: Notifier = { caseRectified: async (openid, id, summary) => (sent.push([openid, id, summary.workerName]), { sent: true }) }
    const reply = await dispatch({ action: 'case.rectify', payload: withKey({ caseId, note: '已调整走访安排，每周入户一次' }) }, { openid: OPENID.communityAdmin, store: api.store, now: api.now, moderation: api.moderation, codeImages: TEST_CODE_IMAGES, secrets: testSecrets, notifier }, (await import('@backend/handlers')).apiHandlers)
    expect(reply.ok).toBe(true)
    expect(sent).toEqual([[RATER, caseId, '张敏']])
    expect((await api.store.cases.get(caseId))?.notifiedAt).toBe(RATED_AT.toISOString())
  })
})

it('keeps on the case, for staff, the words of a message that could not be sent; the rectification stands', async () => {
  const caseId = caseIdOf(await rate(X, 1))
  await callback(caseId)
  const notifier: Notifier = { caseRectified: async () => ({ sent: false, failure: '通知居民失败：模板参数不符（47003），请联系管理员核对 SUBSCRIBE_KEYWORDS' }) }
  const reply = await dispatch({ action: 'case.rectify', payload: withKey({ caseId, note: '已调整走访安排，每周入户一次' }) }, { openid: OPENID.communityAdmin, store: api.store, now: api.now, moderation: api.moderation, codeImages: TEST_CODE_IMAGES, secrets: testSecrets, notifier }, (await import('@backend/handlers')).apiHandlers)
  const failure = { at: RATED_AT.toISOString(), message: '通知居民失败：模板参数不符（47003），请联系管理员核对 SUBSCRIBE_KEYWORDS' }
  expect(dataOf<CaseView>(reply)).toMatchObject({ stage: 'confirm', notifyFailure: failure })
  expect(dataOf<CaseView>(await call('case.get', { caseId }, OPENID.fushanStaff)).notifyFailure).toEqual(failure)
  expect((await api.store.cases.get(caseId))?.notifiedAt).toBeUndefined()
})

describe('overdue', () => {
  it('a call-back not made by Mon 10-12 is 2 working days over on Wed 10-14, and sorts first', async () => {
    const late = caseIdOf(await rate(X, 1))
    api.now = new Date('2026-10-14T02:00:00.000Z')
    const fresh = caseIdOf(await rate(X, 2, 'o-rater-2'))
    const cases = await list()
    expect(cases.map((c) => [c.caseId, c.overdue])).toEqual([[late, { step: 'callback', workingDays: 2 }], [fresh, null]])
    // Sub-district staff see their sub-district's; 温泉's none of 浮山's (403 naming it).
    expect((await list(OPENID.fushanStaff)).map((c) => c.caseId)).toEqual([late, fresh])
    expect(await call('case.list', { subdistrictId: 'sd-fushan' }, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the rater’s verdict', () => {
  it('shows in case.mine, is theirs alone (403), once after the rectification (409 before and after)', async () => {
    const caseId = caseIdOf(await rate(X, 1))
    expect(await confirm(caseId)).toMatchObject({ ok: false, code: 'CONFLICT', message: '社区还在处理，整改完成后会通知您' })
    await callback(caseId)
    await rectify(caseId)
    expect(dataOf<{ cases: RaterCaseView[] }>(await call('case.mine', {}, RATER)).cases).toEqual([
      { caseId, workerName: '张敏', level: 1, month: '2026-10', stage: 'confirm', contactChosen: false, rectification: { at: RATED_AT.toISOString(), note: '已调整走访安排，每周入户一次' } },
    ])
    expect(dataOf<{ cases: RaterCaseView[] }>(await call('case.mine', {}, 'o-someone-else')).cases).toEqual([])
    const before = storeHash(api.store)
    expect(await confirm(caseId, '满意', 'o-someone-else')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(storeHash(api.store)).toBe(before)
    expect(dataOf<RaterCaseView>(await confirm(caseId))).toMatchObject({ stage: 'closed', verdict: '基本满意' })
    const closed = storeHash(api.store)
    expect(await confirm(caseId, '不满意')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(storeHash(api.store)).toBe(closed)
    expect((await list()).find((c) => c.caseId === caseId)).toMatchObject({ stage: 'closed', verdict: { verdict: '基本满意' } })
    expect(await auditActions()).toEqual(['case.callback', 'case.confirm', 'case.open', 'case.rectify'])
    // The log names the rater by pseudonym only.
    expect(JSON.stringify(await api.store.audit.list({}, { limit: 100 }))).not.toContain(RATER)
  })

  it('a phone number left for the call-back reaches the staff, once', async () => {
    const caseId = caseIdOf(await rate(X, 1))
    expect(await call('case.contact', { caseId, phone: '13800001234' }, 'o-someone-else')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('case.contact', { caseId, phone: '13800001234' }, RATER)).toMatchObject({ ok: true })
    expect(await call('case.contact', { caseId, none: true }, RATER)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(dataOf<CaseView>(await call('case.get', { caseId }, OPENID.communityAdmin)).contact).toEqual({ phone: '13800001234' })
  })
})

describe('the worker', () => {
  it('sees a case only once the community recorded the call-back: level, month, stage, the comment only if it passed moderation — nothing of the rater', async () => {
    await rate(X, 1, RATER, '态度很差')
    await rate(X, 2, 'o-rater-2', '待复核的留言')
    await rate(Y, 1, 'o-rater-3')
    const workerCases = async () => dataOf<{ cases: WorkerCaseView[] }>(await call('case.worker', {}, OPENID.workerX)).cases
    // The ratings came in: nothing reaches the worker yet (trust rule 5: not at the moment of a rating).
    expect(await workerCases()).toEqual([])
    // The admin calls the level-1 rater back a day later: that case, and only it, is handed to the worker.
    api.now = new Date('2026-10-10T02:00:00.000Z')
    const levelOne = (await list()).find((c) => c.workerCode === X && c.level === 1)
    dataOf(await callback(levelOne?.caseId ?? ''))
    const cases = await workerCases()
    expect(cases.map((c) => [c.level, c.month, c.stage, c.comment])).toEqual([[1, '2026-10', 'rectify', '态度很差']])
    expect(JSON.stringify(cases)).not.toMatch(/o-rater|2026-10-09|2026-10-10/)
    // The held comment's case stays with the community until it is called back too.
    const levelTwo = (await list()).find((c) => c.workerCode === X && c.level === 2)
    dataOf(await callback(levelTwo?.caseId ?? ''))
    expect((await workerCases()).map((c) => [c.level, c.stage, c.comment]).sort()).toEqual([[1, 'rectify', '态度很差'], [2, 'rectify', '']])
    expect(await call('case.worker', {}, OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

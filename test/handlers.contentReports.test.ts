// 投诉/举报 through dispatch on a real SqliteStore: a worker reports a comment about them (any level, from
// worker.results or a bad-review case), a rater reports the rectification note of their own case; both land
// in the moderators' queue (comment.list) with the reasons, are decided as held comments are, and audited.
// One report per person and item; rate-limited; the reporter never named to anyone; someone else's item refused.
// smallOrg: 浮山 has 银泉 (张敏 W001, bound to o-worker-x; admin o-admin-yinquan) and 青龙 (李强 W002).
import type { ResultOf } from '@core/contract'
import type { OwnComment } from '@core/comments'
import { DEFAULT_SETTINGS } from '@core/settings'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { sealRatingId } from '@backend/secrets/sealedRefs'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { OPENID, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'
import { TEST_SECRETS } from './support/secrets'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-04-10T02:00:00Z')) // 10 April 2026, 10:00 China time
})
afterEach(() => api.close())

const call = (openid: string | null, action: string, payload: unknown) => api.call({ action, payload }, openid)
const rate = async (rater: string, workerCode: string, level: number, comment?: string) => {
  dataOf(await call(rater, 'rating.submit', withKey({ workerCode, level, ...(comment === undefined ? {} : { comment }) })))
  return residentRatingId(rater, workerCode, '2026-04')
}
const queue = async (openid: string = OPENID.fushanStaff) => dataOf<ResultOf<'comment.list'>>(await call(openid, 'comment.list', {}))
const reportRows = () => (api.store as unknown as { db: { prepare(sql: string): { all(): unknown[] } } }).db.prepare('SELECT * FROM content_reports').all()
const waitingComments = async () => dataOf<ResultOf<'workbench.get'>>(await call(OPENID.fushanStaff, 'workbench.get', {})).waiting.find((w) => w.queue === 'comments')?.count

/** April closed, with five residents' ratings of 张敏, three of them with a comment that passed. */
async function aprilWithComments(): Promise<OwnComment[]> {
  await rate('o-res-1', X, 5, '很耐心')
  await rate('o-res-2', X, 4, '你就是个废物')
  await rate('o-res-3', X, 4, '办事快')
  await rate('o-res-4', X, 3)
  await rate('o-res-5', X, 5)
  api.now = new Date('2026-04-30T16:00:00Z') // 2026-05-01 00:00 China: April has closed
  const results = dataOf<ResultOf<'worker.results'>>(await call(OPENID.workerX, 'worker.results', { period: '2026-04' }))
  return results.published && results.residents.shown ? results.residents.comments ?? [] : []
}

describe('comment.report: a worker reports a comment about them', () => {
  it('holds a level-4 comment for the moderators with the reason; it leaves the worker’s results; staff release or reject it, audited', async () => {
    const comments = await aprilWithComments()
    expect(comments.map((c) => c.text)).toEqual(['你就是个废物', '办事快', '很耐心'])
    const abusive = comments[0]
    expect(await waitingComments()).toBe(0)
    expect(await call(OPENID.workerX, 'comment.report', { ...abusive.report, reason: '辱骂/人身攻击' })).toEqual({ ok: true, data: { already: false } })

    // Gone from the worker's results until staff decide; the level still counts (n stays 5).
    const after = dataOf<ResultOf<'worker.results'>>(await call(OPENID.workerX, 'worker.results', { period: '2026-04' }))
    expect(after).toMatchObject({ residents: { shown: true, n: 5, comments: [{ text: '办事快' }, { text: '很耐心' }] } })
    // In the queue: the text and the reason, the rater's pseudonym as for any held comment — never who reported.
    const { comments: held, notes } = await queue()
    expect(held).toHaveLength(1)
    expect(held[0]).toMatchObject({ workerCode: X, level: 4, comment: '你就是个废物', reported: { reasons: ['辱骂/人身攻击'] } })
    expect(notes).toEqual([])
    expect(JSON.stringify(await queue())).not.toMatch(/o-worker-x|o-res-2/)
    expect(await waitingComments()).toBe(1)

    dataOf(await call(OPENID.fushanStaff, 'comment.decide', { ref: held[0].ref, submittedAt: held[0].submittedAt, decision: 'reject' }))
    expect(await api.store.getResidentRating(residentRatingId('o-res-2', X, '2026-04'))).toMatchObject({ commentStatus: 'rejected', level: 4 })
    expect(await waitingComments()).toBe(0)
    const [entry] = (await api.store.audit.list({ action: 'comment.decide' }, { limit: 10 })).entries
    expect(entry).toMatchObject({ by: { openid: OPENID.fushanStaff, role: 'subdistrict' }, details: { decision: 'reject', status: 'rejected', workerCode: X, reported: ['辱骂/人身攻击'] } })
    // Decided, the report is closed: reporting it again counts once, and holds nothing.
    expect(await call(OPENID.workerX, 'comment.report', { ...abusive.report })).toEqual({ ok: true, data: { already: true } })
    expect(reportRows()).toHaveLength(1)
  })

  it('counts a repeated report once: the same answer, one record, one count against the limit; a released comment is not held again', async () => {
    const [abusive] = await aprilWithComments()
    dataOf(await call(OPENID.workerX, 'comment.report', { ...abusive.report, reason: '其他' }))
    const before = storeHash(api.store)
    expect(await call(OPENID.workerX, 'comment.report', { ...abusive.report, reason: '泄露隐私' })).toEqual({ ok: true, data: { already: true } })
    expect(storeHash(api.store)).toBe(before)
    expect((await queue()).comments.map((c) => c.reported)).toEqual([{ reasons: ['其他'] }])

    const [held] = (await queue()).comments
    dataOf(await call(OPENID.fushanStaff, 'comment.decide', { ref: held.ref, submittedAt: held.submittedAt, decision: 'release' }))
    expect(await call(OPENID.workerX, 'comment.report', { ...abusive.report, reason: '辱骂/人身攻击' })).toEqual({ ok: true, data: { already: true } })
    expect(await api.store.getResidentRating(residentRatingId('o-res-2', X, '2026-04'))).toMatchObject({ commentStatus: 'pass' })
    expect((await queue()).comments).toEqual([])
  })

  it('refuses a comment on another worker’s rating (403), a staff token (404), a comment no longer shown (409) — storing nothing', async () => {
    const otherRating = await rate('o-res-9', Y, 1, '李强不干活')
    await rate('o-res-8', X, 2, '骂人的话 待复核') // held by the check: the worker never saw it
    const before = storeHash(api.store)
    const theirs = { kind: 'resident', token: sealRatingId({ kind: 'resident', id: otherRating }, TEST_SECRETS.idKey, 'report') }
    expect(await call(OPENID.workerX, 'comment.report', theirs)).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能举报关于您自己的评价留言' })
    const staffToken = { kind: 'resident', token: sealRatingId({ kind: 'resident', id: otherRating }, TEST_SECRETS.idKey) }
    expect(await call(OPENID.workerX, 'comment.report', staffToken)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const held = { kind: 'resident', token: sealRatingId({ kind: 'resident', id: residentRatingId('o-res-8', X, '2026-04') }, TEST_SECRETS.idKey, 'report') }
    expect(await call(OPENID.workerX, 'comment.report', held)).toMatchObject({ ok: false, code: 'CONFLICT' })
    // Nobody but a bound worker reports a comment.
    for (const openid of [OPENID.resident, OPENID.fushanStaff]) expect(await call(openid, 'comment.report', theirs)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(storeHash(api.store)).toBe(before)
  })

  it('gives a bad-review case’s comment a token too, and is rate-limited like submits, on a counter of its own', async () => {
    await api.store.saveSettings({ ...DEFAULT_SETTINGS, rateLimitPerMinute: 1 })
    const caseId = ratingRefId({ kind: 'resident', id: await rate('o-res-1', X, 1, '态度恶劣的混蛋') }, TEST_SECRETS.idKey)
    await rate('o-res-2', X, 2, '也是个混蛋')
    for (const id of [caseId, ratingRefId({ kind: 'resident', id: residentRatingId('o-res-2', X, '2026-04') }, TEST_SECRETS.idKey)]) {
      dataOf(await call(OPENID.communityAdmin, 'case.callback', withKey({ caseId: id, reached: true, outcome: '已电话联系居民' })))
    }
    const { cases } = dataOf<ResultOf<'case.worker'>>(await call(OPENID.workerX, 'case.worker', {}))
    expect(cases.map((c) => c.comment).sort()).toEqual(['也是个混蛋', '态度恶劣的混蛋'])
    expect(JSON.stringify(cases)).not.toMatch(/o-res-/)
    const [first, second] = cases
    expect(await call(OPENID.workerX, 'comment.report', { ...first.report, reason: '辱骂/人身攻击' })).toEqual({ ok: true, data: { already: false } })
    // The second report in the same minute: 429, nothing stored.
    expect(await call(OPENID.workerX, 'comment.report', { ...second.report })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(reportRows()).toHaveLength(1)
    // A repeat of the first is no new report: it is answered, not refused.
    expect(await call(OPENID.workerX, 'comment.report', { ...first.report })).toEqual({ ok: true, data: { already: true } })
    api.now = new Date(api.now.getTime() + 60_000)
    expect(await call(OPENID.workerX, 'comment.report', { ...second.report })).toEqual({ ok: true, data: { already: false } })
    // The worker's case view no longer shows the comments now held.
    const { cases: now } = dataOf<ResultOf<'case.worker'>>(await call(OPENID.workerX, 'case.worker', {}))
    expect(now.map((c) => c.comment)).toEqual(['', ''])
    expect(now.every((c) => c.report === undefined)).toBe(true)
  })
})

describe('note.report: a rater reports the rectification note of their case', () => {
  const RATER = 'o-rater-1'
  const NOTE = '已批评教育，张敏住在银泉花园3栋'

  async function rectifiedCase(): Promise<string> {
    const caseId = ratingRefId({ kind: 'resident', id: await rate(RATER, X, 1, '走访敷衍') }, TEST_SECRETS.idKey)
    dataOf(await call(OPENID.communityAdmin, 'case.callback', withKey({ caseId, reached: true, outcome: '已电话联系居民' })))
    dataOf(await call(OPENID.communityAdmin, 'case.rectify', withKey({ caseId, note: NOTE })))
    return caseId
  }
  const mine = async () => dataOf<ResultOf<'case.mine'>>(await call(RATER, 'case.mine', {})).cases[0]

  it('puts the note in the queue with the reason; 不通过 hides it from the rater only; the case goes on; audited', async () => {
    const caseId = await rectifiedCase()
    expect((await mine()).rectification).toMatchObject({ note: NOTE })
    expect(await call(RATER, 'note.report', { caseId, reason: '泄露隐私' })).toEqual({ ok: true, data: { already: false } })
    // Still shown to the rater until staff decide.
    expect((await mine()).rectification).toMatchObject({ note: NOTE })
    const { notes } = await queue()
    expect(notes).toEqual([{
      caseId, rectifiedAt: '2026-04-10T02:00:00.000Z', workerCode: X, workerName: '张敏', communityName: '银泉社区',
      byName: '银泉社区 周书记', note: NOTE, reasons: ['泄露隐私'], reportedAt: '2026-04-10T02:00:00.000Z',
    }])
    expect(JSON.stringify(notes)).not.toContain(RATER)
    expect(await waitingComments()).toBe(1)
    // The community admin who wrote it reads the case as before: nothing of the report, nothing of the rater.
    const staffCase = dataOf<ResultOf<'case.get'>>(await call(OPENID.communityAdmin, 'case.get', { caseId }))
    expect(JSON.stringify(staffCase)).not.toMatch(/o-rater|举报|泄露隐私/)

    // 温泉's staff may not decide it; 浮山's may, once.
    expect(await call(OPENID.wenquanStaff, 'note.decide', { caseId, rectifiedAt: notes[0].rectifiedAt, decision: 'reject' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(OPENID.fushanStaff, 'note.decide', { caseId, rectifiedAt: notes[0].rectifiedAt, decision: 'reject' })).toEqual({ ok: true, data: { caseId, status: 'hidden' } })
    expect(await call(OPENID.fushanStaff, 'note.decide', { caseId, rectifiedAt: notes[0].rectifiedAt, decision: 'release' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await mine()).rectification).toEqual({ at: '2026-04-10T02:00:00.000Z', note: '', hidden: true })
    expect(JSON.stringify(await mine())).not.toContain('银泉花园3栋')
    expect(dataOf<ResultOf<'case.get'>>(await call(OPENID.communityAdmin, 'case.get', { caseId })).rectification).toMatchObject({ note: NOTE, hidden: true })
    expect((await queue()).notes).toEqual([])
    expect(await waitingComments()).toBe(0)
    const [entry] = (await api.store.audit.list({ action: 'note.decide' }, { limit: 10 })).entries
    expect(entry).toMatchObject({ by: { openid: OPENID.fushanStaff }, target: `case:${caseId}`, details: { decision: 'reject', status: 'hidden', workerCode: X, reported: ['泄露隐私'] } })
    // The rest of the case is intact: the rater still gives their verdict.
    expect(await call(RATER, 'case.confirm', withKey({ caseId, verdict: '不满意' }))).toMatchObject({ ok: true, data: { stage: 'closed', verdict: '不满意' } })
  })

  it('counts a repeated report once, keeps 通过 shown, and refuses anyone but the rater (403) and a case with no note yet (409)', async () => {
    const caseId = await rectifiedCase()
    dataOf(await call(RATER, 'note.report', { caseId }))
    const before = storeHash(api.store)
    expect(await call(RATER, 'note.report', { caseId, reason: '其他' })).toEqual({ ok: true, data: { already: true } })
    expect(storeHash(api.store)).toBe(before)
    expect((await queue()).notes.map((n) => n.reasons)).toEqual([[]])

    for (const someoneElse of [OPENID.resident, OPENID.workerX]) {
      expect(await call(someoneElse, 'note.report', { caseId, reason: '其他' })).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有给出这条评价的人可以举报它的整改说明' })
    }
    expect(await call(OPENID.communityAdmin, 'note.report', { caseId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(storeHash(api.store)).toBe(before)

    dataOf(await call(OPENID.bureau, 'note.decide', { caseId, rectifiedAt: '2026-04-10T02:00:00.000Z', decision: 'release' }))
    expect((await mine()).rectification).toEqual({ at: '2026-04-10T02:00:00.000Z', note: NOTE })
    expect((await api.store.audit.list({ action: 'note.decide' }, { limit: 10 })).entries[0]).toMatchObject({ details: { status: 'shown', reported: [] } })

    const unrectified = ratingRefId({ kind: 'resident', id: await rate('o-rater-2', X, 2) }, TEST_SECRETS.idKey)
    expect(await call('o-rater-2', 'note.report', { caseId: unrectified })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await call(OPENID.bureau, 'note.decide', { caseId: unrectified, rectifiedAt: 'x', decision: 'reject' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

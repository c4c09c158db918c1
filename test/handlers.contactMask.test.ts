// Comments carry no contact data to anyone but their writer, and free text carries no invisible characters
// (trust rules 7 and 9), through dispatch on a real SqliteStore. The harness's moderation holds a comment
// containing 待复核. Rated Fri 2026-10-09 10:00 China time; worker.results reads October once it closed.
import type { ResultOf } from '@core/contract'
import type { CaseView, WorkerCaseView } from '@core/cases'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { withKey } from './support/keys'
import type { SqliteCaseStore } from '@backend/cases/sqlite'
import { FUSHAN, OPENID, X } from './support/smallOrg'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-10-09T02:00:00.000Z'))
})
afterEach(() => api.close())

const call = (openid: string | null, action: string, payload: object) => api.call({ action, payload: withKey(payload) }, openid)
const rate = async (rater: string, level: number, comment?: string) => dataOf(await call(rater, 'rating.submit', { workerCode: X, level, ...(comment === undefined ? {} : { comment }) }))
/** The ratings' comments as stored (the case store's handle on the same database). */
const storedComments = () =>
  (api.store.cases as SqliteCaseStore).db.prepare<[], { comment: string }>("SELECT comment FROM resident_ratings WHERE comment <> ''").all().map((row) => row.comment)
const heldOf = async () => dataOf<ResultOf<'comment.list'>>(await call(OPENID.fushanStaff, 'comment.list', {})).comments

describe('masking contact data in comments', () => {
  it('the moderator reads a held comment masked; released, the worker reads it masked; the store keeps what was written', async () => {
    await rate('o-res-a', 5, '待复核 有事打 1 3 9 1 2 3 4 5 6 7 8 或加微信：zhang_san88')
    const [held] = await heldOf()
    expect(held.comment).toBe('待复核 有事打 139****5678 或加微信：z******')
    dataOf(await call(OPENID.fushanStaff, 'comment.decide', { ref: held.ref, submittedAt: held.submittedAt, decision: 'release' }))
    for (const [i, level] of [5, 4, 4, 5].entries()) await rate(`o-res-${i}`, level)
    api.now = new Date('2026-11-02T02:00:00.000Z')
    const results = dataOf<ResultOf<'worker.results'>>(await call(OPENID.workerX, 'worker.results', { period: '2026-10' }))
    const texts = JSON.stringify(results)
    expect(texts).toContain('有事打 139****5678 或加微信：z******')
    expect(texts).not.toMatch(/1 3 9 1|zhang_san88/)
    expect(storedComments()).toEqual(['待复核 有事打 1 3 9 1 2 3 4 5 6 7 8 或加微信：zhang_san88'])
  })

  it('case views of staff and of the worker show the comment masked', async () => {
    await rate('o-res-bad', 1, '上门没来，电话139-1234-5678，身份证 110105199001011234')
    const masked = '上门没来，电话139****5678，身份证 110105********1234'
    for (const openid of [OPENID.communityAdmin, OPENID.fushanStaff, OPENID.bureau]) {
      const { cases } = dataOf<{ cases: CaseView[] }>(await call(openid, 'case.list', {}))
      expect(cases.map((c) => c.comment)).toEqual([masked])
    }
    const [c] = await api.store.cases.listByRater('o-res-bad')
    // The case reaches the worker once the admin handed it over (the call-back).
    dataOf(await call(OPENID.communityAdmin, 'case.callback', { caseId: c.id, reached: true, outcome: '已电话联系，当面致歉' }))
    const { cases } = dataOf<{ cases: WorkerCaseView[] }>(await call(OPENID.workerX, 'case.worker', {}))
    expect(cases.map((one) => one.comment)).toEqual([masked])
  })
})

describe('invisible characters', () => {
  it('refuses 青龙社区 + U+200B as a second 青龙社区 (409), and a name of only invisible characters (400)', async () => {
    const before = (await api.store.listCommunities(FUSHAN)).length
    expect(await call(OPENID.bureau, 'org.community.save', { subdistrictId: FUSHAN, name: '青龙社区\u200B' })).toEqual({ ok: false, code: 'CONFLICT', message: '浮山办事处已有名为“青龙社区”的社区，请换一个名称' })
    expect(await call(OPENID.bureau, 'org.community.save', { subdistrictId: FUSHAN, name: '\u202E青龙社区\u2069' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await call(OPENID.bureau, 'org.community.save', { subdistrictId: FUSHAN, name: '\u200B\u200D\uFEFF' })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请填写社区名称' })
    expect((await api.store.listCommunities(FUSHAN)).length).toBe(before)
  })

  it('compares names after NFKC: a grid named 银泉第１网格 is 银泉第1网格; a sub-district likewise', async () => {
    dataOf(await call(OPENID.communityAdmin, 'grid.save', { name: '银泉第1网格', households: 300 }))
    expect(await call(OPENID.communityAdmin, 'grid.save', { name: '银泉第１网格', households: 300 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    dataOf(await call(OPENID.bureau, 'org.subdistrict.save', { name: 'ABC办事处' }))
    expect(await call(OPENID.bureau, 'org.subdistrict.save', { name: 'ＡＢＣ办事处' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('stores a comment, a visit note and a call-back outcome without them; refuses an outcome that is only them', async () => {
    await rate('o-res-z', 1, '态度\u200B很差\u202E')
    const [c] = await api.store.cases.listByRater('o-res-z')
    expect(storedComments()).toEqual(['态度很差'])
    expect(await call(OPENID.communityAdmin, 'case.callback', { caseId: c.id, reached: true, outcome: '\u200B\u200B\u200B' })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请填写回访情况，至少 2 个字' })
    expect(await call(OPENID.workerX, 'visit.log', { type: '关爱走访', note: '\u2066三楼\u2069' })).toMatchObject({ ok: true })
    const [visit] = await api.store.visits.listVisits(X, '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')
    expect(visit.note).toBe('三楼')
  })
})

// comment.list and comment.decide (DESIGN trust rule 6), and what a worker sees of
// comments in worker.results (trust rule 5), through dispatch on a real SqliteStore. The harness's
// moderation holds any comment containing 待复核 (test/support/apiHarness.ts).
import type { ResultOf } from '@core/contract'
import { pseudonymOf } from '@backend/secrets/pseudonyms'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { sealRatingId } from '@backend/secrets/sealedRefs'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeChanges } from './support/authorizationCalls'
import { FUSHAN, OPENID, WENQUAN, X, Z } from './support/smallOrg'
import { withKey } from './support/keys'
import { TEST_SECRETS } from './support/secrets'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-04-10T02:00:00Z')) // 10 April 2026, 10:00 China time
})
afterEach(() => api.close())

const callAs = (openid: string | null, action: string, payload: unknown) => api.call({ action, payload }, openid)
const rate = async (rater: string, workerCode: string, level: number, comment?: string) =>
  dataOf<ResultOf<'rating.submit'>>(await callAs(rater, 'rating.submit', withKey({ workerCode, level, ...(comment === undefined ? {} : { comment }) })))
const heldOf = async (openid: string, subdistrictId?: string) =>
  dataOf<ResultOf<'comment.list'>>(await callAs(openid, 'comment.list', subdistrictId === undefined ? {} : { subdistrictId })).comments

/** The document id of o-res-a's rating of X in April (every test here rates then). */
const RATING_OF_A = residentRatingId('o-res-a', X, '2026-04')

describe('comment.list: the held comments of a sub-district, with a pseudonym for the rater', () => {
  it('lists a held comment with the worker, the level in words, the text and a pseudonym — never the openid', async () => {
    await rate('o-res-a', X, 2, '态度差 待复核')
    await rate('o-res-b', X, 5, '很耐心')
    await rate('o-res-c', Z, 1, '温泉的 待复核')
    const list = dataOf<ResultOf<'comment.list'>>(await callAs(OPENID.fushanStaff, 'comment.list', {}))
    expect(list).toEqual({
      subdistrictId: FUSHAN,
      subdistrictName: '浮山办事处',
      comments: [{
        // Sealed with the idKey, never the rating's own id (a hash of the rater's openid, worker and month).
        ref: { kind: 'resident', id: sealRatingId({ kind: 'resident', id: RATING_OF_A }, TEST_SECRETS.idKey) },
        submittedAt: '2026-04-10T02:00:00.000Z',
        workerCode: X,
        workerName: '张敏',
        level: 2,
        levelLabel: '不满意',
        kindLabel: '居民评价',
        comment: '态度差 待复核',
        rater: pseudonymOf('o-res-a', TEST_SECRETS.pseudonymKey),
      }],
      notes: [],
    })
    expect(pseudonymOf('o-res-a', TEST_SECRETS.pseudonymKey)).toMatch(/^评价人 [A-Z2-9]{6}$/)
    expect(JSON.stringify(list)).not.toContain('o-res-')
    // 温泉's staff see 温泉's; the bureau names a sub-district (400 without one).
    expect((await heldOf(OPENID.wenquanStaff)).map((item) => item.comment)).toEqual(['温泉的 待复核'])
    expect((await heldOf(OPENID.bureau, WENQUAN)).map((item) => item.comment)).toEqual(['温泉的 待复核'])
    expect(await callAs(OPENID.bureau, 'comment.list', {})).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请选择街道' })
  })

  it('refuses anyone else: 401 anonymous; 403 a worker, a resident, a community admin, another sub-district', async () => {
    expect(await callAs(null, 'comment.list', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    for (const openid of [OPENID.workerX, OPENID.resident, OPENID.communityAdmin]) {
      expect(await callAs(openid, 'comment.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(await callAs(OPENID.wenquanStaff, 'comment.list', { subdistrictId: FUSHAN })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('comment.decide: release or reject once, audited', () => {
  it('releases a held comment once (a second decision is 409), and audits it', async () => {
    await rate('o-res-a', X, 2, '态度差 待复核')
    const [held] = await heldOf(OPENID.fushanStaff)
    const decide = (decision: string) => callAs(OPENID.fushanStaff, 'comment.decide', { ref: held.ref, submittedAt: held.submittedAt, decision })
    expect(await decide('release')).toEqual({ ok: true, data: { ref: held.ref, status: 'pass' } })
    expect(await api.store.getResidentRating(RATING_OF_A)).toMatchObject({ commentStatus: 'pass', level: 2 })
    expect(await heldOf(OPENID.fushanStaff)).toEqual([])

    const changes = storeChanges(api.store)
    expect(await decide('reject')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(storeChanges(api.store)).toBe(changes)
    expect(await api.store.getResidentRating(RATING_OF_A)).toMatchObject({ commentStatus: 'pass' })

    const { entries } = await api.store.audit.list({ action: 'comment.decide' }, { limit: 10 })
    expect(entries).toEqual([{
      id: expect.any(String),
      at: '2026-04-10T02:00:00.000Z',
      by: { openid: OPENID.fushanStaff, role: 'subdistrict', name: '浮山办事处 刘科长' },
      action: 'comment.decide',
      subdistrictId: FUSHAN,
      target: `comment:${ratingRefId({ kind: 'resident', id: RATING_OF_A }, TEST_SECRETS.idKey)}`,
      details: { decision: 'release', status: 'pass', workerCode: X, month: '2026-04' },
    }])
  })

  it('rejects a comment: it leaves the queue, the level still counts', async () => {
    await rate('o-res-a', X, 1, '垃圾 待复核')
    const [held] = await heldOf(OPENID.fushanStaff)
    expect(dataOf(await callAs(OPENID.bureau, 'comment.decide', { ref: held.ref, submittedAt: held.submittedAt, decision: 'reject' }))).toEqual({ ref: held.ref, status: 'rejected' })
    expect(await api.store.getResidentRating(RATING_OF_A)).toMatchObject({ commentStatus: 'rejected', level: 1 })
    expect(await heldOf(OPENID.fushanStaff)).toEqual([])
  })

  it('is 409 on a comment the rater replaced since the list was read, and decides nothing', async () => {
    await rate('o-res-a', X, 2, '态度差 待复核')
    const [seen] = await heldOf(OPENID.fushanStaff)
    api.now = new Date('2026-04-11T02:00:00Z')
    await rate('o-res-a', X, 1, '更差了 待复核')
    expect(await callAs(OPENID.fushanStaff, 'comment.decide', { ref: seen.ref, submittedAt: seen.submittedAt, decision: 'release' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await api.store.getResidentRating(RATING_OF_A)).toMatchObject({ comment: '更差了 待复核', commentStatus: 'review' })
  })

  it('refuses the wrong caller with 401/403 and stores nothing; an unknown rating is 404', async () => {
    await rate('o-res-a', X, 2, '态度差 待复核')
    const [held] = await heldOf(OPENID.fushanStaff)
    const payload = { ref: held.ref, submittedAt: held.submittedAt, decision: 'release' }
    const changes = storeChanges(api.store)
    expect(await callAs(null, 'comment.decide', payload)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    for (const openid of [OPENID.workerX, OPENID.resident, OPENID.communityAdmin, OPENID.wenquanStaff]) {
      expect(await callAs(openid, 'comment.decide', payload)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(storeChanges(api.store)).toBe(changes)
    expect(await api.store.getResidentRating(RATING_OF_A)).toMatchObject({ commentStatus: 'review' })
    expect((await api.store.audit.list({ action: 'comment.decide' }, { limit: 10 })).entries).toEqual([])
    expect(await callAs(OPENID.fushanStaff, 'comment.decide', { ...payload, ref: { kind: 'recipient', id: 'V-none' } })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // The rating's own id names nothing: only the sealed token comment.list gave does.
    expect(await callAs(OPENID.fushanStaff, 'comment.decide', { ...payload, ref: { kind: 'resident', id: RATING_OF_A } })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('worker.results: passed comments only, and only of a party with n >= 5 (trust rule 5)', () => {
  it('a running month shows nothing; once closed, 4 ratings show no comment and 5 the passed ones, not the held one, until staff release it', async () => {
    // March: 4 ratings. April: 5, one comment held.
    api.now = new Date('2026-03-10T02:00:00Z')
    await rate('o-res-m1', X, 5, '很耐心')
    await rate('o-res-m2', X, 4, '办事快')
    await rate('o-res-m3', X, 4)
    await rate('o-res-m4', X, 3)
    api.now = new Date('2026-04-10T02:00:00Z')
    await rate('o-res-1', X, 5, '很耐心')
    await rate('o-res-2', X, 4, '办事快')
    await rate('o-res-3', X, 2, '骗子 待复核')
    await rate('o-res-4', X, 4)
    await rate('o-res-5', X, 5)
    // April is still running: no numbers and no comments, only when they are published (trust rule 5).
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026-04' }))).toEqual({ period: '2026-04', published: false, publishedOn: '2026-05-01' })
    const four = dataOf<ResultOf<'worker.results'>>(await callAs(OPENID.workerX, 'worker.results', { period: '2026-03' }))
    expect(four).toMatchObject({ published: true, residents: { shown: false } })
    expect(JSON.stringify(four)).not.toMatch(/很耐心|办事快/)

    api.now = new Date('2026-04-30T16:00:00Z') // 2026-05-01 00:00 China: April has closed
    const five = dataOf<ResultOf<'worker.results'>>(await callAs(OPENID.workerX, 'worker.results', { period: '2026-04' }))
    // 办 (U+529E) before 很 (U+5F88): sorted by text, never by when, so the order points at no one.
    expect(five).toMatchObject({ published: true, residents: { shown: true, n: 5, comments: [{ month: '2026-04', text: '办事快' }, { month: '2026-04', text: '很耐心' }] } })
    expect(JSON.stringify(five)).not.toMatch(/骗子|o-res|submittedAt|2026-04-10/)

    const [held] = await heldOf(OPENID.fushanStaff)
    dataOf(await callAs(OPENID.fushanStaff, 'comment.decide', { ref: held.ref, submittedAt: held.submittedAt, decision: 'release' }))
    const after = dataOf<ResultOf<'worker.results'>>(await callAs(OPENID.workerX, 'worker.results', { period: '2026-04' }))
    expect(after).toMatchObject({ residents: { comments: [{ text: '办事快' }, { text: '很耐心' }, { text: '骗子 待复核' }] } })
    // The half-year, once closed, lists March's and April's passed comments alike (n = 9).
    api.now = new Date('2026-06-30T16:00:00Z')
    const half = dataOf<ResultOf<'worker.results'>>(await callAs(OPENID.workerX, 'worker.results', { period: '2026-H1' }))
    expect(half).toMatchObject({ published: true, residents: { shown: true, n: 9 } })
    const texts = half.published && half.residents.shown ? (half.residents.comments ?? []).map((c) => `${c.month} ${c.text}`).sort() : []
    expect(texts).toEqual(['2026-03 办事快', '2026-03 很耐心', '2026-04 办事快', '2026-04 很耐心', '2026-04 骗子 待复核'])
  })
})

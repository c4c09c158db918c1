// rating.submit through dispatch, on a real SqliteStore: what a resident's rating must do.
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { TEST_SECRETS } from './support/secrets'
import type { ResultOf } from '@core/contract'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, WENQUAN, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'

const MARCH = new Date('2026-03-15T02:00:00Z') // 2026-03-15 10:00 China time
const RATER = OPENID.resident
type RatingResult = ResultOf<'rating.submit'>

let api: Harness
beforeEach(async () => {
  api = await createHarness(MARCH)
})
afterEach(() => api.close())

/** RATER's rating of X in March, as stored. */
const storedRating = () => api.store.getResidentRating(residentRatingId(RATER, X, '2026-03'))
const rate = (payload: unknown, openid: string | null = RATER) => api.call({ action: 'rating.submit', payload: withKey(payload) }, openid)

/** Everything a rejected rating could have written: tallies of both sub-districts and the rating itself. */
async function stored(): Promise<string> {
  const periods = ['2026-03', '2026-04', '2026-H1', '2026']
  const tallies = [...(await api.store.listTallies(FUSHAN, periods)), ...(await api.store.listTallies(WENQUAN, periods))]
  const ratings = await Promise.all(
    [X, Y, 'W999'].map((code) => api.store.getResidentRating(residentRatingId(RATER, code, '2026-03'))),
  )
  return JSON.stringify({ tallies, ratings })
}

/** The residents histogram of a worker's tally for a period, or null when there is none. */
async function residentHistogram(code: string, period = '2026-03') {
  const tallies = await api.store.listTallies(FUSHAN, [period])
  return tallies.find((t) => t.workerCode === code)?.residents ?? null
}

describe('rating.submit rejects bad input with a Chinese message and stores nothing', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['a level of 0', { workerCode: X, level: 0 }, 'INVALID_INPUT', /1 到 5/],
    ['a level of 6', { workerCode: X, level: 6 }, 'INVALID_INPUT', /1 到 5/],
    ['a level of "5" (a string)', { workerCode: X, level: '5' }, 'INVALID_INPUT', /满意程度/],
    ['a level of 4.5', { workerCode: X, level: 4.5 }, 'INVALID_INPUT', /整数/],
    ['a missing level', { workerCode: X }, 'INVALID_INPUT', /满意程度/],
    ['a missing workerCode', { level: 5 }, 'INVALID_INPUT', /工作者编号/],
    ['an unknown worker', { workerCode: 'W999', level: 5 }, 'NOT_FOUND', /没有找到这位社区工作者/],
    ['a comment of 201 characters', { workerCode: X, level: 5, comment: '好'.repeat(201) }, 'INVALID_INPUT', /最多 200 个字/],
    ['a payload that is not an object', 'W001', 'INVALID_INPUT', /格式不对/],
  ]
  it.each(cases)('%s', async (_title, payload, code, message) => {
    const before = await stored()
    const reply = await rate(payload)
    expect(reply).toEqual({ ok: false, code, message: expect.stringMatching(message) })
    expect(await stored()).toBe(before)
  })

  it('an anonymous caller gets 401 UNAUTHENTICATED', async () => {
    const before = await stored()
    expect(await rate({ workerCode: X, level: 5 }, null)).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: '请先登录微信后再评价',
    })
    expect(await stored()).toBe(before)
  })

  it('a worker rating themself gets 403 SELF_RATING', async () => {
    const reply = await rate({ workerCode: X, level: 5 }, OPENID.workerX)
    expect(reply).toEqual({ ok: false, code: 'SELF_RATING', message: '不能给自己评价' })
    expect(await residentHistogram(X)).toBeNull()
  })

  it('a worker may rate a colleague', async () => {
    expect(dataOf<RatingResult>(await rate({ workerCode: Y, level: 4 }, OPENID.workerX)).replaced).toBe(false)
  })
})

describe('rating.submit stores one rating per rater, worker and month', () => {
  it('counts a new rating in the China-time month, its half-year and its year, and returns its id', async () => {
    const result = dataOf<RatingResult>(await rate({ workerCode: X, level: 4 }))
    // The id answered is keyed (ids.ts ratingRefId), never the document's plain hash of openid, worker and month.
    expect(result).toEqual({ ratingId: ratingRefId({ kind: 'resident', id: residentRatingId(RATER, X, '2026-03') }, TEST_SECRETS.idKey), period: '2026-03', replaced: false })
    expect(await residentHistogram(X)).toEqual([0, 0, 0, 1, 0])
    expect(await residentHistogram(X, '2026-H1')).toEqual([0, 0, 0, 1, 0])
    expect(await residentHistogram(X, '2026')).toEqual([0, 0, 0, 1, 0])
    expect(await residentHistogram(X, '2026-H2')).toBeNull()
  })

  it('answers a bad rating with the same keyed id, the id of the case it opens', async () => {
    const result = dataOf<RatingResult>(await rate({ workerCode: X, level: 1 }))
    const id = ratingRefId({ kind: 'resident', id: residentRatingId(RATER, X, '2026-03') }, TEST_SECRETS.idKey)
    expect(result).toEqual({ ratingId: id, period: '2026-03', replaced: false })
    expect((await api.store.cases.get(id))?.ref).toEqual({ kind: 'resident', id: residentRatingId(RATER, X, '2026-03') })
  })

  it('puts a rating at 01:00 China time on 1 April into April, not March', async () => {
    api.now = new Date('2026-03-31T17:00:00Z')
    expect(dataOf<RatingResult>(await rate({ workerCode: X, level: 5 })).period).toBe('2026-04')
  })

  it('replaces a re-rate in the same month: n stays 1 and the level changes', async () => {
    await rate({ workerCode: X, level: 2 })
    const again = dataOf<RatingResult>(await rate({ workerCode: X, level: 5 }))
    expect(again.replaced).toBe(true)
    expect(await residentHistogram(X)).toEqual([0, 0, 0, 0, 1])
    expect(await residentHistogram(X, '2026-H1')).toEqual([0, 0, 0, 0, 1])
    expect(await residentHistogram(X, '2026')).toEqual([0, 0, 0, 0, 1])
    expect((await storedRating())?.level).toBe(5)
  })

  it('counts a rating next month as a new one', async () => {
    await rate({ workerCode: X, level: 3 })
    api.now = new Date('2026-04-02T02:00:00Z')
    expect(dataOf<RatingResult>(await rate({ workerCode: X, level: 5 })).replaced).toBe(false)
    expect(await residentHistogram(X, '2026-03')).toEqual([0, 0, 1, 0, 0])
    expect(await residentHistogram(X, '2026-04')).toEqual([0, 0, 0, 0, 1])
    // two ratings by the same rater in two months: both count for the half-year
    expect(await residentHistogram(X, '2026-H1')).toEqual([0, 0, 1, 0, 1])
  })

  it('accepts levels 1 and 2 (bad reviews are always submittable)', async () => {
    await rate({ workerCode: X, level: 1 })
    await rate({ workerCode: Y, level: 2 })
    expect(await residentHistogram(X)).toEqual([1, 0, 0, 0, 0])
    expect(await residentHistogram(Y)).toEqual([0, 1, 0, 0, 0])
  })

  it('returns the first result for a retry with the same idempotency key and writes nothing', async () => {
    const key = 'retry-key-0001'
    const first = dataOf<RatingResult>(await rate({ workerCode: X, level: 4, idempotencyKey: key }))
    const retry = dataOf<RatingResult>(await rate({ workerCode: X, level: 4, idempotencyKey: key }))
    expect(retry).toEqual(first)
    // the key with another level is another submit: refused, not answered with the first result
    expect(await rate({ workerCode: X, level: 1, idempotencyKey: key })).toMatchObject({ ok: false, code: 'IDEMPOTENCY_MISMATCH' })
    expect(await residentHistogram(X)).toEqual([0, 0, 0, 1, 0])
    expect((await storedRating())?.level).toBe(4)
  })

  it('treats a new idempotency key as a new submission (a re-rate)', async () => {
    await rate({ workerCode: X, level: 4, idempotencyKey: 'first-key-001' })
    expect(dataOf<RatingResult>(await rate({ workerCode: X, level: 3, idempotencyKey: 'second-key-01' })).replaced).toBe(true)
  })

  it('keys idempotency by rater: another resident with the same key gets their own rating', async () => {
    await rate({ workerCode: X, level: 4, idempotencyKey: 'shared-key-01' })
    await rate({ workerCode: X, level: 5, idempotencyKey: 'shared-key-01' }, 'o-resident-2')
    expect(await residentHistogram(X)).toEqual([0, 0, 0, 1, 1])
  })
})

describe('rating.submit moderates comments (trust rule 6)', () => {
  it('stores a comment that passes as shown', async () => {
    await rate({ workerCode: X, level: 5, comment: '  上门很及时  ' })
    expect(await storedRating()).toMatchObject({ comment: '上门很及时', commentStatus: 'pass' })
  })

  it('accepts a comment of exactly 200 characters', async () => {
    expect((await rate({ workerCode: X, level: 5, comment: '好'.repeat(200) })).ok).toBe(true)
  })

  it('rejects a risky comment and stores nothing', async () => {
    const before = await stored()
    expect(await rate({ workerCode: X, level: 1, comment: '这段话含风险内容' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '留言含有不适宜的内容，请修改后再提交',
    })
    expect(await stored()).toBe(before)
  })

  it('holds a comment flagged for review, while its level counts', async () => {
    await rate({ workerCode: X, level: 2, comment: '这条待复核' })
    expect(await storedRating()).toMatchObject({ commentStatus: 'review', level: 2 })
    expect(await residentHistogram(X)).toEqual([0, 1, 0, 0, 0])
  })

  it('holds the comment when the check itself fails (fail closed)', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await rate({ workerCode: X, level: 4, comment: '检测失败的留言' })
    expect((await storedRating())?.commentStatus).toBe('review')
    warn.mockRestore()
  })

  it('does not send an empty or blank comment to moderation', async () => {
    await rate({ workerCode: X, level: 4, comment: '   ' })
    expect(await storedRating()).toMatchObject({ comment: '', commentStatus: 'none' })
    expect(api.moderation.checked).toEqual([])
  })
})

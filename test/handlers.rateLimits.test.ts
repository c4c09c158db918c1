// Rate limits through dispatch on a real SqliteStore: per rater, over all workers, at most
// rateLimitPerMinute (10) submits a minute and rateLimitPerDay (30) a China day; the refusal is 429
// RATE_LIMITED saying when to try again, and counts and stores nothing. rating.submit and feedback.submit
// share the count; a feedback refused after the count (the visit already has one) gives it back.
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { TEST_SECRETS } from './support/secrets'
import { newVisitCode } from '@backend/visits/visitCodes'
import { httpStatusOf } from '@core/errors'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createHarness, type Harness } from './support/apiHarness'
import { withKey } from './support/keys'
import { FUSHAN, OPENID, WENQUAN, X, Y, Z } from './support/smallOrg'

const START = new Date('2026-03-15T02:00:00Z') // 10:00 China time; the China day ends at 16:00 UTC
const RATER = OPENID.resident
const DAY = '2026-03-15'
const PER_MINUTE = '提交太频繁了：每分钟最多 10 次，请 1 分钟后再试'
const PER_DAY = '今天的提交次数已达上限（30 次），请明天再试'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(START))
})
afterEach(() => api.close())

const at = (iso: string) => { api.now = new Date(iso) }
const rate = (workerCode: string, openid: string = RATER) => api.call({ action: 'rating.submit', payload: withKey({ workerCode, level: 4 }) }, openid)
const refused = (message: string) => ({ ok: false, code: 'RATE_LIMITED', message })

/** Everything a refused submit could have written: ratings of Z, tallies, the rater's counter. */
async function stored(): Promise<string> {
  const periods = ['2026-03', '2026-H1', '2026']
  const tallies = [...(await api.store.listTallies(FUSHAN, periods)), ...(await api.store.listTallies(WENQUAN, periods))]
  const rating = await api.store.getResidentRating(residentRatingId(RATER, Z, '2026-03'))
  return JSON.stringify({ tallies, rating, counter: await api.store.limits.get(RATER, DAY) })
}

/** `n` accepted submits (re-rates of X and Y count too: a submit is a submit). */
async function submit(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) expect(await rate(i % 2 === 0 ? X : Y)).toMatchObject({ ok: true })
}

describe('rate limits per rater', () => {
  it('passes 10 submits in one minute; the 11th is 429 with when to retry and stores nothing; the next minute passes', async () => {
    at('2026-03-15T02:00:05Z')
    await submit(10)
    expect(await api.store.limits.get(RATER, DAY)).toEqual({ day: DAY, count: 10, minute: '2026-03-15T02:00', minuteCount: 10 })
    const before = await stored()
    at('2026-03-15T02:00:59Z')
    const reply = await rate(Z)
    expect(reply).toEqual(refused(PER_MINUTE))
    expect(httpStatusOf.RATE_LIMITED).toBe(429)
    expect(await stored()).toBe(before)
    at('2026-03-15T02:01:00Z')
    expect(await rate(Z)).toMatchObject({ ok: true, data: { ratingId: ratingRefId({ kind: 'resident', id: residentRatingId(RATER, Z, '2026-03') }, TEST_SECRETS.idKey) } })
    // 10 + 1 = 11 today, 1 in the new minute.
    expect(await api.store.limits.get(RATER, DAY)).toEqual({ day: DAY, count: 11, minute: '2026-03-15T02:01', minuteCount: 1 })
  })

  it('passes 30 in a China day, refuses the 31st until the next China day begins at 16:00 UTC', async () => {
    for (const minute of ['02:00', '02:01', '02:02']) {
      at(`2026-03-15T${minute}:10Z`)
      await submit(10)
    }
    at('2026-03-15T09:30:00Z')
    const before = await stored()
    expect(await rate(Z)).toEqual(refused(PER_DAY))
    at('2026-03-15T15:59:59Z')
    expect(await rate(Z)).toEqual(refused(PER_DAY))
    expect(await stored()).toBe(before)
    at('2026-03-15T16:00:00Z') // 2026-03-16 00:00 China time
    expect(await rate(Z)).toMatchObject({ ok: true })
    expect(await api.store.limits.get(RATER, '2026-03-16')).toMatchObject({ count: 1 })
    expect(await api.store.limits.get(RATER, DAY)).toMatchObject({ count: 30 })
  })

  it('counts each rater apart: another resident is not limited by the first', async () => {
    await submit(10)
    expect(await rate(Z)).toEqual(refused(PER_MINUTE))
    expect(await rate(Z, 'o-resident-2')).toMatchObject({ ok: true })
  })

  it('uses the settings in force at once: saved perMinute 2 refuses the 3rd, perDay 3 the 4th', async () => {
    await submit(1)
    await api.store.saveSettings({ ...DEFAULT_SETTINGS, rateLimitPerMinute: 2, rateLimitPerDay: 3 })
    await submit(1)
    expect(await rate(Z)).toEqual(refused('提交太频繁了：每分钟最多 2 次，请 1 分钟后再试'))
    at('2026-03-15T02:01:00Z')
    await submit(1)
    expect(await rate(Z)).toEqual(refused('今天的提交次数已达上限（3 次），请明天再试'))
  })

  it('refuses before the limit only what else is wrong: an unknown worker is 404 and counts nothing', async () => {
    expect(await rate('W999')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await api.store.limits.get(RATER, DAY)).toBeNull()
  })
})

describe('rate limits with feedback.submit', () => {
  async function visitOfX(): Promise<string> {
    const visitCode = newVisitCode()
    await api.store.visits.putVisit({ visitCode, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', type: '关爱走访', place: '', note: '', at: START.toISOString() })
    return visitCode
  }
  const give = (visitCode: string, openid: string = RATER) => api.call({ action: 'feedback.submit', payload: withKey({ visitCode, level: 5 }) }, openid)

  it('shares the count with ratings: 9 ratings + 1 feedback, then the 11th submit is refused', async () => {
    await submit(9)
    expect(await give(await visitOfX())).toMatchObject({ ok: true })
    expect(await give(await visitOfX())).toEqual(refused(PER_MINUTE))
    expect(await rate(Z)).toEqual(refused(PER_MINUTE))
  })

  it('gives the count back when the visit already has feedback (409): the second giver has no counter, the first keeps 1', async () => {
    const visitCode = await visitOfX()
    expect(await give(visitCode, 'o-recipient-1')).toMatchObject({ ok: true })
    expect(await give(visitCode, 'o-recipient-2')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await api.store.limits.get('o-recipient-2', DAY)).toBeNull()
    expect(await api.store.limits.get('o-recipient-1', DAY)).toMatchObject({ count: 1 })
    // A rater with earlier submits this minute gets exactly one back: 3 ratings, then a 409 -> still 3.
    await submit(3)
    expect(await give(visitCode)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await api.store.limits.get(RATER, DAY)).toEqual({ day: DAY, count: 3, minute: '2026-03-15T02:00', minuteCount: 3 })
  })
})

// A whole submit on SQLite (sqliteOneTransaction.ts): the rate-limit count, the rating with its receipt
// (the submit's claim: no idempotency row) and three tallies are written together or not at all; a bad
// rating's case with its audit entry right after (cases/sqlitePendingOpenings.ts). Rater o-r1 rates worker W001 (sub-district sd-fushan) on 2026-03-15.
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Level } from '@core/types'
import { FUSHAN, X, smallOrg } from '../../test/support/smallOrg'
import type { CaseOpening } from '../cases/badReviews'
import type { ResidentRatingRecord } from '../store/records'
import { SETTLE_MS } from '../cases/sqlitePendingOpenings'
import { SqliteStore } from '../store/sqlite/sqliteStore'
import type { WholeSubmit } from './oneTransaction'

const RATER = 'o-r1'
const DAY = '2026-03-15'
const AT = '2026-03-15T02:00:00.000Z'
const RATING_ID = 'rating-o-r1-W001-2026-03'
const PERIODS = ['2026-03', '2026-H1', '2026']

let store: SqliteStore
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  await store.putOrg(smallOrg())
  // Two submits a day: the third is refused.
  await store.saveSettings({ ...DEFAULT_SETTINGS, rateLimitPerDay: 2 })
})
afterEach(() => {
  store.close()
  jest.useRealTimers()
})

/**
 * Holds the queue's timer until the test moves it: on a loaded machine, the moments between a rating and
 * the next line can be longer than SETTLE_MS. The group commit's setImmediate and the clock stay real.
 */
const holdTimers = () => jest.useFakeTimers({ doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate'] })

function ratingSubmit(key: string, level: Level, more: Partial<WholeSubmit<unknown>> = {}): WholeSubmit<unknown> {
  return {
    key,
    payloadHash: `hash-of-${key}`,
    rater: RATER,
    take: { day: DAY, minute: '2026-03-15T02:00' },
    stored: {
      kind: 'resident',
      rating: { id: RATING_ID, openid: RATER, workerCode: X, subdistrictId: FUSHAN, month: '2026-03', level, comment: '', commentStatus: 'none', submittedAt: AT },
    },
    result: (replaced) => ({ period: '2026-03', replaced }),
    ...more,
  }
}

function feedbackSubmit(key: string, serviceId: string): WholeSubmit<unknown> {
  const feedback = { serviceId, openid: RATER, workerCode: X, subdistrictId: FUSHAN, month: '2026-03', level: 5 as const, comment: '', commentStatus: 'none' as const, submittedAt: AT }
  return { ...ratingSubmit(key, 5), stored: { kind: 'recipient', feedback } }
}

/** The residents histograms of W001's month, half-year and year. */
async function residentTallies(): Promise<number[][]> {
  const tallies = await store.listTallies(FUSHAN, PERIODS)
  return PERIODS.map((period) => tallies.find((t) => t.workerCode === X && t.period === period)?.residents ?? [])
}

const opening: CaseOpening = {
  record: {
    id: 'case-1', ref: { kind: 'resident', id: RATING_ID }, raterOpenid: RATER, workerCode: X, communityId: 'c-yinquan', subdistrictId: FUSHAN,
    month: '2026-03', level: 1, openedAt: AT, callbackDue: '2026-03-17', rectifyDue: '2026-03-27', version: 1,
  },
  audit: { at: AT, by: { openid: '评价人 ABCDEF', role: 'resident', name: '评价人' }, action: 'case.open', subdistrictId: FUSHAN, target: 'case:case-1', details: {} },
  auditKey: 'case.open:case-1',
}

it('writes the count, the rating with its receipt and its three tallies together, and no idempotency row', async () => {
  expect(await store.wholeSubmits.submitWhole(ratingSubmit('k1', 4))).toEqual({ kind: 'done', result: { period: '2026-03', replaced: false }, replaced: false })
  expect(await store.getIdempotent('k1')).toBeNull()
  expect(await store.limits.get(RATER, DAY)).toMatchObject({ count: 1, minuteCount: 1 })
  expect(await store.getRatingReceipt(RATING_ID)).toEqual({ key: 'k1', replaced: false, payloadHash: 'hash-of-k1' })
  // One level-4 rating: one count on level 4 in each of the three periods.
  expect(await residentTallies()).toEqual([[0, 0, 0, 1, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 0]])
  // A re-rate to 2 the same day, another key: the count moves from level 4 to level 2, the day's count is 2.
  expect(await store.wholeSubmits.submitWhole(ratingSubmit('k2', 2))).toMatchObject({ kind: 'done', replaced: true })
  expect(await residentTallies()).toEqual([[0, 1, 0, 0, 0], [0, 1, 0, 0, 0], [0, 1, 0, 0, 0]])
  expect(await store.limits.get(RATER, DAY)).toMatchObject({ count: 2 })
})

it('stores nothing and answers the receipt when the rating carries the key already (a retry)', async () => {
  await store.wholeSubmits.submitWhole(ratingSubmit('k1', 4))
  // The retry: held, with the receipt of the first write; the day's count stays 1, the tallies one rating.
  expect(await store.wholeSubmits.submitWhole(ratingSubmit('k1', 4))).toEqual({ kind: 'held', receipt: { key: 'k1', replaced: false, payloadHash: 'hash-of-k1' } })
  expect(await store.limits.get(RATER, DAY)).toMatchObject({ count: 1 })
  expect(await residentTallies()).toEqual([[0, 0, 0, 1, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 0]])
})

it('stores nothing and answers the receipt when the visit’s feedback carries the key already', async () => {
  await store.wholeSubmits.submitWhole(feedbackSubmit('k1', 'svc-1'))
  expect(await store.wholeSubmits.submitWhole(feedbackSubmit('k1', 'svc-1'))).toEqual({ kind: 'held', receipt: { key: 'k1', replaced: false, payloadHash: 'hash-of-k1' } })
  expect(await store.limits.get(RATER, DAY)).toMatchObject({ count: 1 })
})

it('stores nothing when the key holds an idempotency record (kept by a submit made before)', async () => {
  const claimed = await store.claimIdempotent('k1', '2026-03-15T01:59:59.000Z', 'hash-of-k1')
  expect(claimed).toBeNull()
  expect(await store.wholeSubmits.submitWhole(ratingSubmit('k1', 4))).toEqual({
    kind: 'taken',
    record: { key: 'k1', result: null, createdAt: '2026-03-15T01:59:59.000Z', pending: true, payloadHash: 'hash-of-k1' },
  })
  expect(await store.getResidentRating(RATING_ID)).toBeNull()
  expect(await store.limits.get(RATER, DAY)).toBeNull()
})

it('stores nothing when the day’s limit is spent', async () => {
  await store.wholeSubmits.submitWhole(ratingSubmit('k1', 4))
  await store.wholeSubmits.submitWhole(ratingSubmit('k2', 5))
  expect(await store.wholeSubmits.submitWhole(ratingSubmit('k3', 3))).toEqual({ kind: 'limited', window: 'day', limits: { perMinute: 10, perDay: 2 } })
  expect(await store.getIdempotent('k3')).toBeNull()
  expect((await store.getResidentRating(RATING_ID))?.level).toBe(5)
  expect(await store.limits.get(RATER, DAY)).toMatchObject({ count: 2 })
})

it('gives the count back when the visit has its feedback already', async () => {
  expect(await store.wholeSubmits.submitWhole(feedbackSubmit('k1', 'svc-1'))).toMatchObject({ kind: 'done' })
  expect(await store.wholeSubmits.submitWhole(feedbackSubmit('k2', 'svc-1'))).toEqual({ kind: 'duplicate' })
  expect(await store.getIdempotent('k2')).toBeNull()
  expect(await store.limits.get(RATER, DAY)).toMatchObject({ count: 1, minuteCount: 1 })
})

/** The cases in the table itself, read without settling the queue. */
const casesInTable = () => store.cases.db.prepare<[], string>('SELECT id FROM cases').pluck().all()

it('writes a bad rating’s case and its audit entry right after it, once; any reader sees them at once', async () => {
  holdTimers()
  await store.wholeSubmits.submitWhole(ratingSubmit('k1', 1, { caseOpening: opening }))
  // Not in the rating's transaction: that one noted the case due instead, at the rating's time.
  expect(casesInTable()).toEqual([])
  expect(store.caseOpenings.dueSince()).toBe(AT)
  // A reader settles the queue first: the case is there, and the note is gone.
  expect(await store.cases.get('case-1')).toEqual(opening.record)
  expect(store.caseOpenings.dueSince()).toBeNull()
  // A re-rate to 1 again: the rating's case is there, nothing is added.
  await store.wholeSubmits.submitWhole(ratingSubmit('k2', 1, { caseOpening: opening }))
  expect((await store.audit.list({ action: 'case.open' }, { limit: 10 })).entries.map((e) => e.target)).toEqual(['case:case-1'])
  expect(casesInTable()).toEqual(['case-1'])
})

/** One turn of the event loop: the group commit's flush, queued by setImmediate, has run. */
const nextFlush = () => new Promise((resolve) => setImmediate(resolve))

it('writes the queued case by itself within moments, with no reader', async () => {
  holdTimers()
  await store.wholeSubmits.submitWhole(ratingSubmit('k1', 2, { caseOpening: opening }))
  jest.advanceTimersByTime(SETTLE_MS - 1)
  await nextFlush()
  expect(casesInTable()).toEqual([])
  jest.advanceTimersByTime(1)
  await nextFlush()
  expect(casesInTable()).toEqual(['case-1'])
  expect(store.caseOpenings.dueSince()).toBeNull()
})

/** W001's rating as `ratingSubmit` stores it, changed in `change`. */
function ratingOf(change: Partial<ResidentRatingRecord>): WholeSubmit<unknown>['stored'] {
  const { stored } = ratingSubmit('unused', 1)
  if (stored.kind !== 'resident') throw new Error('a resident rating')
  return { kind: 'resident', rating: { ...stored.rating, ...change } }
}

/** A second rater's bad rating of W001, given a minute after the first. */
const LATER = '2026-03-15T02:01:00.000Z'
const secondRating = (): WholeSubmit<unknown> => {
  const caseOpening: CaseOpening = { ...opening, record: { ...opening.record, id: 'case-2', ref: { kind: 'resident', id: 'rating-o-r2' }, raterOpenid: 'o-r2', openedAt: LATER }, auditKey: 'case.open:case-2' }
  return ratingSubmit('k9', 1, { rater: 'o-r2', stored: ratingOf({ id: 'rating-o-r2', openid: 'o-r2', submittedAt: LATER }), caseOpening })
}

it('settles in the next group transaction, ahead of the ratings in it: their notes stay', async () => {
  holdTimers()
  await store.wholeSubmits.submitWhole(ratingSubmit('k1', 1, { caseOpening: opening }))
  // A second bad rating waits for the next group commit; the moment passes meanwhile, and the settling
  // joins that commit, queued after the rating but run before it.
  const second = store.wholeSubmits.submitWhole(secondRating())
  jest.advanceTimersByTime(SETTLE_MS)
  expect(casesInTable()).toEqual([])
  await second
  // One transaction for both: case-1 is written, and the note is the second rating's, set after it was cleared.
  expect(casesInTable()).toEqual(['case-1'])
  expect(store.caseOpenings.dueSince()).toBe(LATER)
  jest.advanceTimersByTime(SETTLE_MS)
  await nextFlush()
  expect(casesInTable()).toEqual(['case-1', 'case-2'])
  expect(store.caseOpenings.dueSince()).toBeNull()
})

it('settles still when its group transaction fails for another write in it', async () => {
  holdTimers()
  await store.wholeSubmits.submitWhole(ratingSubmit('k1', 1, { caseOpening: opening }))
  jest.advanceTimersByTime(SETTLE_MS)
  expect(casesInTable()).toEqual([])
  const failing = store.wholeSubmits.submitWhole(ratingSubmit('k2', 4, { stored: ratingOf({ id: 'rating-nobody', workerCode: 'NO-SUCH-WORKER' }) }))
  // The batch rolls back for the rating of a worker that does not exist; the settling runs again alone.
  // By its code: better-sqlite3's error class may come from another test file's context (jest in band).
  expect((await Promise.allSettled([failing]))[0]).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' } })
  expect(casesInTable()).toEqual(['case-1'])
  expect(store.caseOpenings.dueSince()).toBeNull()
  expect((await store.audit.list({ action: 'case.open' }, { limit: 10 })).entries.map((e) => e.target)).toEqual(['case:case-1'])
})

it('leaves nothing of it when a write in it fails, not even the note or the case', async () => {
  jest.spyOn(store.caseOpenings, 'noteNow').mockImplementation(() => {
    throw new Error('injected: the note could not be written')
  })
  await expect(store.wholeSubmits.submitWhole(ratingSubmit('k1', 1, { caseOpening: opening }))).rejects.toThrow('injected')
  expect(await store.getIdempotent('k1')).toBeNull()
  expect(await store.limits.get(RATER, DAY)).toBeNull()
  expect(await store.getResidentRating(RATING_ID)).toBeNull()
  expect(await residentTallies()).toEqual([[], [], []])
  jest.restoreAllMocks()
  expect(store.caseOpenings.dueSince()).toBeNull()
  expect(await store.cases.get('case-1')).toBeNull()
})

it('keeps the rating and its note when its case cannot be written: the next start opens it', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const append = jest.spyOn(store.audit, 'appendNow').mockImplementation(() => {
    throw new Error('injected: the audit entry could not be written')
  })
  expect(await store.wholeSubmits.submitWhole(ratingSubmit('k1', 1, { caseOpening: opening }))).toMatchObject({ kind: 'done' })
  expect(await store.cases.get('case-1')).toBeNull()
  expect(error).toHaveBeenCalledWith(expect.stringContaining('1 bad-review cases were not opened'), expect.any(Error))
  append.mockRestore()
  expect((await store.getResidentRating(RATING_ID))?.level).toBe(1)
  expect(store.caseOpenings.dueSince()).toBe(AT)
})

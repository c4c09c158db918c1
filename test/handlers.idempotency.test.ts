// An idempotency key belongs to one payload (trust rule 4): the same key sent again with the same payload
// gets the first result; with another payload it is refused with 422 IDEMPOTENCY_MISMATCH and nothing
// changes — also while the first run is still pending and when the first result would be rebuilt from the
// write (recover). A record made before keys were bound to payloads (no hash) answers as before.
// Through dispatch on a real SqliteStore; smallOrg: 浮山 has X (张敏, 银泉) and Y (李强, 青龙).
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { payloadHashOf } from '@backend/idempotency/payloadHash'
import { idempotencyKeyOf, residentRatingId } from '@backend/store/ids'
import { httpStatusOf } from '@core/errors'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { withFailingRecordWrites } from './support/failingRecords'
import { flaggedBurst } from './support/flaggedBurst'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { testSecrets } from './support/secrets'

const NOW = new Date('2026-06-10T04:00:00.000Z') // 2026-06-10 12:00 China time
const MONTH = '2026-06'
const RATER = OPENID.resident
const KEY = 'one-tap-key-0001'
const MISMATCH = { ok: false, code: 'IDEMPOTENCY_MISMATCH', message: '请求编号已用于另一次提交，请刷新后重试' }

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
})
afterEach(() => api.close())

const rate = (workerCode: string, level: number, idempotencyKey = KEY) => api.call({ action: 'rating.submit', payload: { workerCode, level, idempotencyKey } }, RATER)
const ratingOf = (workerCode: string) => api.store.getResidentRating(residentRatingId(RATER, workerCode, MONTH))
const recordKey = idempotencyKeyOf(RATER, 'rating.submit', KEY)

it('is a 422 in the local runtime', () => {
  expect(httpStatusOf.IDEMPOTENCY_MISMATCH).toBe(422)
})

describe('payloadHashOf', () => {
  it('is the same for the same fields in any order, leaves the key out, and differs for any other value', () => {
    const a = payloadHashOf({ workerCode: X, level: 4, idempotencyKey: 'k-1' })
    expect(payloadHashOf({ idempotencyKey: 'k-2', level: 4, workerCode: X })).toBe(a)
    expect(payloadHashOf({ workerCode: Y, level: 4, idempotencyKey: 'k-1' })).not.toBe(a)
    expect(payloadHashOf({ workerCode: X, level: 4, comment: '', idempotencyKey: 'k-1' })).not.toBe(a)
    // nested objects are canonical too
    expect(payloadHashOf({ rows: [{ b: 1, a: 2 }] })).toBe(payloadHashOf({ rows: [{ a: 2, b: 1 }] }))
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })

  it('is sha256 of the canonical JSON, so receipts stored by earlier versions still match their retries', () => {
    const canonical = '{"comment":"很好 \\"真\\"","level":4,"rows":[{"a":2,"b":null},null],"workerCode":"YQ01"}'
    const payload = { workerCode: 'YQ01', rows: [{ b: null, a: 2, c: undefined }, undefined], idempotencyKey: 'k-1', level: 4, comment: '很好 "真"', skipped: undefined }
    expect(payloadHashOf(payload)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'))
    // An object lists its integer keys first, by value: receipts were hashed in that order.
    const keyed = { a: 1, '4294967295': 2, '01': 3, '': 4, '4294967294': 5, '10': 6, '2': 7 }
    const keyedCanonical = '{"2":7,"10":6,"4294967294":5,"":4,"01":3,"4294967295":2,"a":1}'
    expect(payloadHashOf(keyed)).toBe(createHash('sha256').update(keyedCanonical, 'utf8').digest('hex'))
  })

  it('writes the same text as JSON.stringify of key-sorted copies, for any JSON payload', () => {
    const sortedCopy = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sortedCopy)
      if (typeof value !== 'object' || value === null) return value
      return Object.fromEntries(Object.keys(value).sort().map((name) => [name, sortedCopy((value as Record<string, unknown>)[name])]))
    }
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (payload) => {
        const { idempotencyKey: _left, ...intent } = { ...payload, idempotencyKey: 'k' }
        const expected = createHash('sha256').update(JSON.stringify(sortedCopy(intent)), 'utf8').digest('hex')
        expect(payloadHashOf({ ...payload, idempotencyKey: 'k' })).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('rating.submit', () => {
  it('refuses the key of a rating of X sent for Y: Y gets no rating, X keeps the first, nothing is stored', async () => {
    const first = await rate(X, 5)
    expect(first).toMatchObject({ ok: true, data: { period: MONTH, replaced: false } })
    const before = storeHash(api.store)
    expect(await rate(Y, 5)).toEqual(MISMATCH)
    expect(await rate(X, 1)).toEqual(MISMATCH)
    expect(storeHash(api.store)).toBe(before)
    expect(await ratingOf(Y)).toBeNull()
    expect((await ratingOf(X))?.level).toBe(5)
    // the same payload, its fields in another order, is the same submit: the first result
    expect(await api.call({ action: 'rating.submit', payload: { idempotencyKey: KEY, level: 5, workerCode: X } }, RATER)).toEqual(first)
  })

  it('refuses another payload while the first run still holds the claim, at once (no waiting for it)', async () => {
    await api.store.claimIdempotent(recordKey, NOW.toISOString(), payloadHashOf({ workerCode: X, level: 5 }))
    const before = storeHash(api.store)
    const started = Date.now()
    expect(await rate(Y, 5)).toEqual(MISMATCH)
    expect(Date.now() - started).toBeLessThan(1000) // a same-payload retry would wait up to 4 s for the result
    expect(storeHash(api.store)).toBe(before)
  })

  it('refuses another level when the first result would be rebuilt from the rating write (its record was lost)', async () => {
    const failing = withFailingRecordWrites(api.store)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const payload = { workerCode: X, level: 4, idempotencyKey: KEY }
    const first = await dispatch({ action: 'rating.submit', payload }, { openid: RATER, store: failing, now: NOW, moderation: api.moderation, codeImages: api.codeImages, secrets: testSecrets }, apiHandlers)
    warn.mockRestore()
    expect(failing.failedRecordWrites).toBe(1)
    expect((await api.store.getIdempotent(recordKey))?.pending).toBe(true)
    const before = storeHash(api.store)
    // same worker, so recover would find this very write's receipt and answer with it
    expect(await rate(X, 2)).toEqual(MISMATCH)
    expect(storeHash(api.store)).toBe(before)
    expect((await ratingOf(X))?.level).toBe(4)
    expect(await rate(X, 4)).toEqual(first)
  })

  it('answers a record made before keys were bound to payloads (no hash) with its result, as before', async () => {
    const earlier = { ratingId: 'the-first-rating-id', period: MONTH, replaced: false }
    await api.store.claimIdempotent(recordKey, NOW.toISOString())
    await api.store.putIdempotent({ key: recordKey, result: earlier, createdAt: NOW.toISOString() })
    expect(await rate(Y, 3)).toEqual({ ok: true, data: earlier })
    expect(await ratingOf(Y)).toBeNull()
  })
})

describe('review.decide', () => {
  it('refuses "exclude B" sent with the key that kept A: B stays open, nothing is stored or audited', async () => {
    const itemId = await flaggedBurst(api.store, X, FUSHAN, NOW)
    const decide = (reviewId: string, decision: 'keep' | 'exclude', reason?: string) =>
      api.call({ action: 'review.decide', payload: { reviewId, decision, ...(reason === undefined ? {} : { reason }), idempotencyKey: 'decide-key-0001' } }, OPENID.fushanStaff)
    expect(dataOf(await decide(itemId(1), 'keep'))).toMatchObject({ id: itemId(1), status: 'kept' })
    const before = storeHash(api.store)
    expect(await decide(itemId(2), 'exclude', '同一地址集中刷评')).toEqual(MISMATCH)
    expect(storeHash(api.store)).toBe(before)
    expect((await api.store.reviews.getReview(itemId(2)))?.status).toBe('open')
    expect((await api.store.audit.list({ action: 'review.decide' }, { limit: 10 })).entries).toHaveLength(1)
  })
})

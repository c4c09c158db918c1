// Exactly-once submits on the local runtime's store (trust rule 4): rating.submit through
// dispatch on a SqliteStore in a DATA_DIR file, its tallies compared with a recount of the stored ratings
// read back through a second connection. The CloudBase side: test/cloud/exactlyOnce.test.ts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { dispatch } from '@backend/door'
import { LEASE_MS } from '@backend/idempotency/idempotency'
import { apiHandlers } from '@backend/handlers'
import { idempotencyKeyOf, ratingRefId, residentRatingId } from '@backend/store/ids'
import type { Store } from '@backend/store'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import type { Envelope } from '@core/errors'
import { DEFAULT_SETTINGS } from '@core/settings'
import { TEST_CODE_IMAGES, scriptedModeration } from './support/apiHarness'
import { TEST_SECRETS, testSecrets } from './support/secrets'
import { withFailingRecordWrites } from './support/failingRecords'
import { OPENID, X, smallOrg } from './support/smallOrg'
import { sqliteTallies } from './support/sqliteRecount'

const MARCH = new Date('2026-03-15T02:00:00Z') // 2026-03-15 10:00 China time
const RATER = OPENID.resident
/** One level-4 rating of X in March: one count on level 4 for the month, its half-year and its year. */
const ONE_FOUR = new Map([
  [`${X}|2026-03`, [0, 0, 0, 1, 0]],
  [`${X}|2026-H1`, [0, 0, 0, 1, 0]],
  [`${X}|2026`, [0, 0, 0, 1, 0]],
])

let dir: string
let file: string
let store: SqliteStore
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'exactly-once-'))
  file = path.join(dir, 'community.db')
  store = new SqliteStore(file)
  await store.putOrg(smallOrg())
  // One rater submits 200 times at once here: the rate limits (10 a minute) are not what is tested.
  await store.saveSettings({ ...DEFAULT_SETTINGS, rateLimitPerMinute: 1000, rateLimitPerDay: 10000 })
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const moderation = scriptedModeration({})
const call = (action: string, payload: object, on: Store = store, now = MARCH) =>
  dispatch({ action, payload }, { openid: RATER, store: on, now, moderation, codeImages: TEST_CODE_IMAGES, secrets: testSecrets }, apiHandlers)
const rate = (level: number, key: string, on: Store = store, now = MARCH) => call('rating.submit', { workerCode: X, level, idempotencyKey: key }, on, now)
const MISMATCH = { ok: false, code: 'IDEMPOTENCY_MISMATCH', message: '请求编号已用于另一次提交，请刷新后重试' }
const keyOf = (i: number) => `concurrent-key-${String(i).padStart(3, '0')}`

function dataOf(reply: Envelope<unknown>): unknown {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}

/** The id rating.submit answers for RATER's rating of X in March: keyed (ids.ts ratingRefId), not the document's. */
const answeredId = ratingRefId({ kind: 'resident', id: residentRatingId(RATER, X, '2026-03') }, TEST_SECRETS.idKey)

describe('200 concurrent submits', () => {
  it('by one rater for one worker and month, each with its own key, leave one rating; tallies equal the recount', async () => {
    const replies = (await Promise.all(Array.from({ length: 200 }, (_, i) => rate(4, keyOf(i))))).map(dataOf) as Array<{ replaced: boolean }>
    // One of them made the rating; the other 199 re-rated it with the same level.
    expect(replies.filter((r) => !r.replaced)).toHaveLength(1)
    const { stored, recount, ratings } = sqliteTallies(file)
    expect(ratings).toEqual([{ id: residentRatingId(RATER, X, '2026-03'), workerCode: X, month: '2026-03', level: 4 }])
    expect(recount).toEqual(ONE_FOUR)
    expect(stored).toEqual(recount)
  })

  it('with ONE key (retries of one tap) all get the identical first result, and it ran once', async () => {
    const replies = await Promise.all(Array.from({ length: 200 }, () => rate(4, 'one-tap-key-0001')))
    const first = { ok: true, data: { ratingId: answeredId, period: '2026-03', replaced: false } }
    expect(replies.every((reply) => JSON.stringify(reply) === JSON.stringify(first))).toBe(true)
    // The key with another level is another submit: refused (422), and the rating stays as it was.
    expect(await rate(1, 'one-tap-key-0001')).toEqual(MISMATCH)
    const { stored, recount } = sqliteTallies(file)
    expect([recount, stored]).toEqual([ONE_FOUR, ONE_FOUR])
  })
})

describe('a retry after the idempotency record could not be written', () => {
  it('returns the first result, rebuilt from the rating write, and changes nothing', async () => {
    const failing = withFailingRecordWrites(store)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const first = await rate(4, 'lost-record-0001', failing)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not written'), expect.any(Error))
    warn.mockRestore()
    // The rating is stored, so the caller is told so; only the record of the reply is missing.
    expect(first).toEqual({ ok: true, data: { ratingId: answeredId, period: '2026-03', replaced: false } })
    expect(failing.failedRecordWrites).toBe(1)
    expect((await store.getIdempotent(idempotencyKeyOf(RATER, 'rating.submit', 'lost-record-0001')))?.pending).toBe(true)
    // Retries at once, their own record writes failing too; the key with another level is refused, not rebuilt.
    const retries = await Promise.all([rate(2, 'lost-record-0001', failing), ...Array.from({ length: 20 }, () => rate(4, 'lost-record-0001'))])
    expect(retries).toEqual([MISMATCH, ...Array.from({ length: 20 }, () => first)])
    expect((await store.getResidentRating(residentRatingId(RATER, X, '2026-03')))?.level).toBe(4)
    const { stored, recount } = sqliteTallies(file)
    expect([recount, stored]).toEqual([ONE_FOUR, ONE_FOUR])
    // The rating carries the key: the retries were answered from its receipt and wrote nothing, so the
    // claim the first run left stays as it was.
    expect(await store.getIdempotent(idempotencyKeyOf(RATER, 'rating.submit', 'lost-record-0001'))).toMatchObject({ pending: true, result: null })
  })
})

describe('a retry after the world changed', () => {
  it('gets the first result even when its checks would now refuse it (the worker left post since)', async () => {
    const first = await rate(4, 'left-since-0001')
    expect(first).toEqual({ ok: true, data: { ratingId: answeredId, period: '2026-03', replaced: false } })
    await store.org.updateWorker(X, { postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false })
    // A new submit is refused (409), the retry of the first one answers as the first did.
    expect(await rate(4, 'left-since-0002')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await rate(4, 'left-since-0001')).toEqual(first)
    expect(sqliteTallies(file).stored).toEqual(ONE_FOUR)
  })
})

describe('claims', () => {
  it('a rejected call releases its claim (stores nothing), so the same key may try again', async () => {
    const missing = await call('rating.submit', { workerCode: 'W999', level: 4, idempotencyKey: 'rejected-key-01' })
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await store.getIdempotent(idempotencyKeyOf(RATER, 'rating.submit', 'rejected-key-01'))).toBeNull()
    expect(await call('rating.submit', { workerCode: 'W999', level: 4, idempotencyKey: 'rejected-key-01' })).toEqual(missing)
  })

  it('takes over a claim whose claimer died (older than the lease) and runs it once', async () => {
    const recordKey = idempotencyKeyOf(RATER, 'rating.submit', 'orphaned-key-01')
    await store.claimIdempotent(recordKey, new Date(MARCH.getTime() - LEASE_MS - 1000).toISOString())
    expect(await rate(4, 'orphaned-key-01')).toMatchObject({ ok: true, data: { replaced: false } })
    expect(sqliteTallies(file).stored).toEqual(ONE_FOUR)
  })

  it('answers 409 while a live claim is still running, and writes nothing', async () => {
    await store.claimIdempotent(idempotencyKeyOf(RATER, 'rating.submit', 'in-flight-key-1'), MARCH.toISOString())
    expect(await rate(4, 'in-flight-key-1')).toEqual({ ok: false, code: 'CONFLICT', message: '上一次提交还在处理中，请稍等几秒再试' })
    expect(sqliteTallies(file).ratings).toEqual([])
  })
})

it('refuses every submit without a key (400), before anything is written', async () => {
  const submits: Array<[string, object]> = [
    ['rating.submit', { workerCode: X, level: 4 }],
    ['feedback.submit', { visitCode: 'V0123456789abcde', level: 4 }],
    ['score.submit', { workerCode: X, period: '2026-03', score: 90 }],
    ['sheet.submit', { kind: 'period', period: '2026-03', version: 1 }],
    ['sheet.change', { kind: 'period', period: '2026-03', version: 1, rows: [], reason: '复核后更正得分' }],
  ]
  for (const [action, payload] of submits) expect(await call(action, payload)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请求编号缺失，请刷新页面后重新提交' })
  expect(sqliteTallies(file).ratings).toEqual([])
})

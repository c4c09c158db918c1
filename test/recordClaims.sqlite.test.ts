// On the local runtime a rating or feedback is its submit's claim, as on CloudBase (backend/ratings/
// sqliteRecordClaims.ts, docs/idempotency.md): the receipt (key, payload hash, replaced) rides in the
// record's own row and no idempotency row is written. Through dispatch on a SqliteStore in a DATA_DIR
// file; RATER rates X on 2026-03-15 (China time), one level-4 rating: [0, 0, 0, 1, 0] in each period.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { payloadHashOf } from '@backend/idempotency/payloadHash'
import { idempotencyKeyOf, ratingRefId, residentRatingId } from '@backend/store/ids'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { DEFAULT_SETTINGS } from '@core/settings'
import { TEST_CODE_IMAGES, scriptedModeration } from './support/apiHarness'
import { TEST_SECRETS, testSecrets } from './support/secrets'
import { FUSHAN, OPENID, X, smallOrg } from './support/smallOrg'
import { sqliteTallies } from './support/sqliteRecount'

const MARCH = new Date('2026-03-15T02:00:00Z') // 2026-03-15 10:00 China time
const DAY = '2026-03-15'
const RATER = OPENID.resident
const RATING_ID = residentRatingId(RATER, X, '2026-03')
const ONE_FOUR = new Map([
  [`${X}|2026-03`, [0, 0, 0, 1, 0]],
  [`${X}|2026-H1`, [0, 0, 0, 1, 0]],
  [`${X}|2026`, [0, 0, 0, 1, 0]],
])
const FIRST = { ok: true, data: { ratingId: ratingRefId({ kind: 'resident', id: RATING_ID }, TEST_SECRETS.idKey), period: '2026-03', replaced: false } }
const MISMATCH = { ok: false, code: 'IDEMPOTENCY_MISMATCH', message: '请求编号已用于另一次提交，请刷新后重试' }

let dir: string
let file: string
let store: SqliteStore
async function open(perDay: number): Promise<void> {
  store = new SqliteStore(file)
  await store.saveSettings({ ...DEFAULT_SETTINGS, rateLimitPerMinute: 1000, rateLimitPerDay: perDay })
}
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'record-claims-'))
  file = path.join(dir, 'community.db')
  await open(10000)
  await store.putOrg(smallOrg())
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const moderation = scriptedModeration({})
const rate = (level: number, key: string) =>
  dispatch({ action: 'rating.submit', payload: { workerCode: X, level, idempotencyKey: key } }, { openid: RATER, store, now: MARCH, moderation, codeImages: TEST_CODE_IMAGES, secrets: testSecrets }, apiHandlers)
const count = async () => (await store.limits.get(RATER, DAY))?.count
function idempotencyRows(): unknown {
  const reader = new Database(file, { readonly: true })
  try {
    return reader.prepare('SELECT COUNT(*) AS n FROM idempotency').get()
  } finally {
    reader.close()
  }
}

it('answers 200 retries of one key at once with the identical first result: one rating, counted once, no idempotency row', async () => {
  const replies = await Promise.all(Array.from({ length: 200 }, () => rate(4, 'one-tap-key-0001')))
  expect(replies.every((reply) => JSON.stringify(reply) === JSON.stringify(FIRST))).toBe(true)
  const { stored, recount } = sqliteTallies(file)
  expect([recount, stored]).toEqual([ONE_FOUR, ONE_FOUR])
  expect(await count()).toBe(1)
  expect(idempotencyRows()).toEqual({ n: 0 })
  expect(await store.getRatingReceipt(RATING_ID)).toEqual({
    key: idempotencyKeyOf(RATER, 'rating.submit', 'one-tap-key-0001'),
    replaced: false,
    payloadHash: payloadHashOf({ workerCode: X, level: 4, idempotencyKey: 'one-tap-key-0001' }),
  })
})

it('refuses the key with another level (422) and changes nothing', async () => {
  expect(await rate(4, 'one-tap-key-0001')).toEqual(FIRST)
  expect(await rate(2, 'one-tap-key-0001')).toEqual(MISMATCH)
  expect((await store.getResidentRating(RATING_ID))?.level).toBe(4)
  const { stored, recount } = sqliteTallies(file)
  expect([recount, stored]).toEqual([ONE_FOUR, ONE_FOUR])
  expect(await count()).toBe(1)
})

it('answers a retry with the first result when the first call used the day’s last count', async () => {
  store.close()
  await open(1)
  expect(await rate(4, 'last-count-0001')).toEqual(FIRST)
  // The retry is answered from the rating; a new key is refused by the day's limit (429).
  expect(await rate(4, 'last-count-0001')).toEqual(FIRST)
  expect(await rate(4, 'next-tap-00001')).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(await count()).toBe(1)
})

it('answers the retry of a submit stored by a version before (an idempotency row, no payload hash on the rating)', async () => {
  const key = idempotencyKeyOf(RATER, 'rating.submit', 'before-key-0001')
  const payloadHash = payloadHashOf({ workerCode: X, level: 4, idempotencyKey: 'before-key-0001' })
  const fields = { openid: RATER, workerCode: X, subdistrictId: FUSHAN, month: '2026-03', level: 4 as const, comment: '', commentStatus: 'none' as const, submittedAt: MARCH.toISOString() }
  await store.submitResidentRating({ id: RATING_ID, ...fields }, key)
  await store.putIdempotent({ key, result: FIRST.data, createdAt: MARCH.toISOString(), payloadHash })
  store.close()
  // The database as that version left it: no payload hash on ratings, no receipt on feedback.
  const old = new Database(file)
  old.exec('ALTER TABLE resident_ratings DROP COLUMN receipt_payload_hash; ALTER TABLE feedback DROP COLUMN receipt_key; ALTER TABLE feedback DROP COLUMN receipt_payload_hash')
  old.close()
  await open(10000)
  expect(await rate(4, 'before-key-0001')).toEqual(FIRST)
  // Its idempotency row still binds the key to level 4.
  expect(await rate(1, 'before-key-0001')).toEqual(MISMATCH)
  expect(sqliteTallies(file).stored).toEqual(ONE_FOUR)
  expect(await count()).toBeUndefined()
})

it('answers from the idempotency row of a version before when the rating was re-rated since', async () => {
  const earlier = { ratingId: 'the-first-rating-id', period: '2026-03', replaced: false }
  const key = idempotencyKeyOf(RATER, 'rating.submit', 'before-key-0002')
  await store.putIdempotent({ key, result: earlier, createdAt: MARCH.toISOString(), payloadHash: payloadHashOf({ workerCode: X, level: 3, idempotencyKey: 'before-key-0002' }) })
  expect(await rate(3, 'before-key-0002')).toEqual({ ok: true, data: earlier })
  expect(await rate(5, 'before-key-0002')).toEqual(MISMATCH)
  expect(await store.getResidentRating(RATING_ID)).toBeNull()
})

// review.decideBatch: a burst decided at once with one reason (trust rule 8), through dispatch on a real
// SqliteStore. X (张敏, 浮山) got 11 first-time ratings from one address in an hour, ten at level 5 and
// one at 1; the hourly check flagged all 11 together. Each item is decided and audited as review.decide
// would; a refused batch decides nothing.
import type { ReviewItemView } from '@core/reviews'
import { reviewBursts } from '@core/reviews'
import type { ResultOf } from '@core/contract'
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import type { Level } from '@core/types'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { withKey } from './support/keys'
import { FUSHAN, OPENID, X } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

const NOW = new Date('2026-06-10T04:00:00.000Z')
const MONTH = '2026-06'
const at = (minutes: number) => new Date(Date.UTC(2026, 5, 10, 2, 0) + minutes * 60_000).toISOString()
const LEVELS: Level[] = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1]

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
  for (const [i, level] of LEVELS.entries()) {
    const openid = `burst-${i + 1}`
    await api.store.submitResidentRating({
      id: residentRatingId(openid, X, MONTH), openid, workerCode: X, subdistrictId: FUSHAN, month: MONTH, level,
      comment: '', commentStatus: 'none', submittedAt: at(i * 5), clientHash: 'h-one-address',
    })
  }
  expect(await runSuspicionCheck(api.store, NOW, TEST_SECRETS.idKey)).toBe(11)
})
afterEach(() => api.close())

const idOf = (i: number) => ratingRefId({ kind: 'resident', id: residentRatingId(`burst-${i}`, X, MONTH) }, TEST_SECRETS.idKey)
const ALL = Array.from({ length: 11 }, (_, i) => idOf(i + 1))
const batch = (reviewIds: string[], decision: 'keep' | 'exclude', reason?: string, openid: string = OPENID.fushanStaff, key?: string) =>
  api.call({ action: 'review.decideBatch', payload: { reviewIds, decision, ...(reason === undefined ? {} : { reason }), idempotencyKey: key ?? (withKey({}) as { idempotencyKey: string }).idempotencyKey } }, openid)
const items = async () => dataOf<{ items: ReviewItemView[] }>(await api.call({ action: 'review.list', payload: {} }, OPENID.fushanStaff)).items
const residentsOfX = async () =>
  dataOf<ResultOf<'evaluation.get'>>(await api.call({ action: 'evaluation.get', payload: { period: MONTH } }, OPENID.fushanStaff)).rows.find((row) => row.workerCode === X)?.residents

it('shows the 11 as one burst of 张敏', async () => {
  const bursts = reviewBursts(await items())
  expect(bursts).toHaveLength(1)
  expect(bursts[0]).toMatchObject({ workerCode: X, workerName: '张敏' })
  expect([...(bursts[0]?.ids ?? [])].sort()).toEqual([...ALL].sort())
})

it('excludes all 11 with one reason: n 11 -> 0, each rating marked, one audit entry each', async () => {
  expect((await residentsOfX())?.n).toBe(11)
  expect(await batch(ALL, 'exclude', '同一地址集中刷评')).toEqual({ ok: true, data: { decided: 11, alreadyDecided: 0 } })
  expect(await residentsOfX()).toBeNull()
  expect((await items()).map((item) => [item.status, item.decision?.reason])).toEqual(Array(11).fill(['excluded', '同一地址集中刷评']))
  expect((await api.store.getResidentRating(residentRatingId('burst-7', X, MONTH)))?.excluded).toMatchObject({ via: 'review', reason: '同一地址集中刷评', by: OPENID.fushanStaff })
  const audit = await api.store.audit.list({ action: 'review.decide' }, { limit: 20 })
  expect(audit.entries).toHaveLength(11)
  expect(new Set(audit.entries.map((entry) => entry.target))).toEqual(new Set(ALL.map((id) => `review:${id}`)))
  expect(audit.entries.every((entry) => entry.reason === '同一地址集中刷评' && entry.details.status === 'excluded')).toBe(true)
})

it('answers a retry with the first result and decides nothing twice; an item decided meanwhile keeps its decision', async () => {
  dataOf(await api.call({ action: 'review.decide', payload: withKey({ reviewId: idOf(3), decision: 'keep' }) }, OPENID.fushanStaff))
  const first = await batch(ALL, 'exclude', '刷评', OPENID.fushanStaff, 'batch-key-0001')
  expect(first).toEqual({ ok: true, data: { decided: 10, alreadyDecided: 1 } })
  const before = storeHash(api.store)
  expect(await batch(ALL, 'exclude', '刷评', OPENID.fushanStaff, 'batch-key-0001')).toEqual(first)
  expect(storeHash(api.store)).toBe(before)
  // The kept one still counts: n = 1 (level 5).
  expect(await residentsOfX()).toMatchObject({ n: 1 })
})

it('refuses, deciding nothing: no reason to exclude (400), an unknown item among them (404), 温泉 staff (403), a worker (403), the same item twice (400)', async () => {
  const before = storeHash(api.store)
  expect(await batch(ALL, 'exclude')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '排除评价需要写明理由，至少 2 个字' })
  expect(await batch([...ALL.slice(0, 5), 'no-such-review'], 'keep')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await batch(ALL, 'keep', undefined, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只能复核本街道的评价' })
  expect(await batch(ALL, 'keep', undefined, OPENID.workerX)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await batch([idOf(1), idOf(1)], 'keep')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '同一条评价选了两次，请刷新页面后重试' })
  expect(await batch([], 'keep')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(storeHash(api.store)).toBe(before)
  expect((await items()).every((item) => item.status === 'open')).toBe(true)
})

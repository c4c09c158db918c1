// The review queue (复核, trust rule 8) through dispatch on a real SqliteStore: staff of
// the sub-district (and the bureau) see flagged ratings with the reasons and a pseudonym, never the rater;
// keep → the rating counts on; exclude (with a reason) → it leaves the counting, its record stays; one
// decision per item, audited; the evaluation row carries UNDER_REVIEW while an item is open. Every refusal
// stores nothing. smallOrg: 浮山 has X (张敏) and Y (李强); 温泉 has Z (王芳).
import type { ReviewItemView } from '@core/reviews'
import type { ResultOf } from '@core/contract'
import { pseudonymOf } from '@backend/secrets/pseudonyms'
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import { takeMissingSnapshots } from '@backend/reports/snapshotJob'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import type { ResidentRatingRecord } from '@backend/store'
import type { Level } from '@core/types'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { withKey } from './support/keys'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

// 2026-06-10 12:00 China time; X got 11 first-time ratings from one address between 10:00 and 10:50.
const NOW = new Date('2026-06-10T04:00:00.000Z')
const MONTH = '2026-06'
const at = (minutes: number) => new Date(Date.UTC(2026, 5, 10, 2, 0) + minutes * 60_000).toISOString()
const LEVELS: Level[] = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1]

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
  for (const [i, level] of LEVELS.entries()) {
    const openid = `burst-${i + 1}`
    const comment = i === 0 ? '服务很好' : i === 1 ? '待复核的留言' : ''
    const record: ResidentRatingRecord = {
      id: residentRatingId(openid, X, MONTH), openid, workerCode: X, subdistrictId: FUSHAN, month: MONTH, level,
      comment, commentStatus: i === 0 ? 'pass' : i === 1 ? 'review' : 'none', submittedAt: at(i * 5), clientHash: 'h-one-address',
    }
    await api.store.submitResidentRating(record)
  }
  expect(await runSuspicionCheck(api.store, NOW, TEST_SECRETS.idKey)).toBe(11)
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string | null) => api.call({ action, payload: withKey(payload) }, openid)
const list = async (openid: string = OPENID.fushanStaff, payload: object = {}) => dataOf<{ items: ReviewItemView[] }>(await call('review.list', payload, openid)).items
const idOf = (i: number) => ratingRefId({ kind: 'resident', id: residentRatingId(`burst-${i}`, X, MONTH) }, TEST_SECRETS.idKey)
const decide = (reviewId: string, decision: 'keep' | 'exclude', reason?: string, openid: string = OPENID.fushanStaff) =>
  call('review.decide', { reviewId, decision, ...(reason === undefined ? {} : { reason }) }, openid)
const rowOf = async (workerCode: string) => {
  const evaluation = dataOf<ResultOf<'evaluation.get'>>(await call('evaluation.get', { period: MONTH }, OPENID.fushanStaff))
  return evaluation.rows.find((row) => row.workerCode === workerCode)
}

describe('review.list', () => {
  it('shows each flagged rating with worker, level, reasons in Chinese and a pseudonym — never the openid or the address', async () => {
    const items = await list()
    expect(items).toHaveLength(11)
    const first = items.find((item) => item.id === idOf(1))
    expect(first).toEqual({
      id: idOf(1), status: 'open', workerCode: X, workerName: '张敏', community: '银泉社区', kind: '居民评价', level: 5, month: MONTH,
      submittedAt: at(0), flaggedAt: NOW.toISOString(),
      reasons: ['一小时内收到的评价远多于平时', '一小时内多位首次评价的人集中评价', '同一网络地址一小时内有 5 位以上评价人'],
      rater: pseudonymOf('burst-1', TEST_SECRETS.pseudonymKey), comment: '服务很好',
    })
    expect(first?.rater).toMatch(/^评价人 [A-Z2-9]{6}$/)
    // A comment held for moderation is not shown; no openid, no address hash anywhere.
    expect(items.find((item) => item.id === idOf(2))?.comment).toBe('')
    expect(JSON.stringify(items)).not.toMatch(/burst-|h-one-address/)
  })

  it('is for the sub-district’s own staff and the bureau: 403 for 温泉 naming 浮山, for a community admin and a worker; 401 anonymous', async () => {
    expect(await list(OPENID.bureau, { subdistrictId: FUSHAN })).toHaveLength(11)
    expect(await list(OPENID.wenquanStaff)).toEqual([])
    expect(await call('review.list', { subdistrictId: FUSHAN }, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只能复核本街道的评价' })
    expect(await call('review.list', {}, OPENID.communityAdmin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('review.list', {}, OPENID.workerX)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('review.list', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

describe('review.decide', () => {
  it('keep: the item closes, the rating counts on; exclude: it leaves n (11 → 10), its record stays with the reason; both audited', async () => {
    expect((await rowOf(X))?.residents?.n).toBe(11)
    const kept = dataOf<ReviewItemView>(await decide(idOf(1), 'keep'))
    expect(kept).toMatchObject({ id: idOf(1), status: 'kept', decision: { byName: '浮山办事处 刘科长', reason: '', at: NOW.toISOString() } })
    api.now = new Date(NOW.getTime() + 60_000)
    const excluded = dataOf<ReviewItemView>(await decide(idOf(11), 'exclude', '同一地址集中刷评'))
    expect(excluded).toMatchObject({ status: 'excluded', level: 1, decision: { reason: '同一地址集中刷评' } })
    expect((await rowOf(X))?.residents?.n).toBe(10)
    // Levels 5 x10, 1 x1 → 5 x10: the 1 is out of March's, H1's and the year's tallies.
    const [month] = await api.store.listTallies(FUSHAN, [MONTH])
    expect(month.residents).toEqual([0, 0, 0, 0, 10])
    expect((await api.store.getResidentRating(residentRatingId('burst-11', X, MONTH)))?.excluded).toEqual({ via: 'review', reason: '同一地址集中刷评', by: OPENID.fushanStaff, at: api.now.toISOString() })
    const audit = await api.store.audit.list({ action: 'review.decide' }, { limit: 10 })
    expect(audit.entries.map((e) => [e.target, e.reason ?? '', e.details.status, e.by.name, e.subdistrictId])).toEqual([
      [`review:${idOf(11)}`, '同一地址集中刷评', 'excluded', '浮山办事处 刘科长', FUSHAN],
      [`review:${idOf(1)}`, '', 'kept', '浮山办事处 刘科长', FUSHAN],
    ])
    // Decided items come after the open ones.
    const statuses = (await list()).map((item) => item.status)
    expect([statuses.slice(0, 9), statuses.slice(9).sort()]).toEqual([Array(9).fill('open'), ['excluded', 'kept']])
  })

  it('answers 409 to a second decision and stores nothing', async () => {
    dataOf(await decide(idOf(3), 'keep'))
    const before = storeHash(api.store)
    expect(await decide(idOf(3), 'exclude', '刷评')).toEqual({ ok: false, code: 'CONFLICT', message: '这条评价已经复核过了，请刷新查看结果' })
    expect(storeHash(api.store)).toBe(before)
  })

  it('refuses, storing nothing: exclude without a reason (400), 温泉’s staff (403), a worker (403), no identity (401), no such item (404)', async () => {
    const before = storeHash(api.store)
    expect(await decide(idOf(4), 'exclude')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '排除评价需要写明理由，至少 2 个字' })
    expect(await decide(idOf(4), 'exclude', ' 刷 ')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await decide(idOf(4), 'exclude', '刷'.repeat(201))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await decide(idOf(4), 'exclude', '刷评', OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只能复核本街道的评价' })
    expect(await decide(idOf(4), 'keep', undefined, OPENID.workerX)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('review.decide', { reviewId: idOf(4), decision: 'keep' }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await decide('no-such-review', 'keep')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(storeHash(api.store)).toBe(before)
  })

  it('lets the bureau decide any sub-district’s item', async () => {
    expect(await decide(idOf(5), 'exclude', '经核实为刷评', OPENID.bureau)).toMatchObject({ ok: true, data: { status: 'excluded' } })
  })
})

describe('UNDER_REVIEW on the evaluation row', () => {
  it('is on X’s row while an item is open, changes no score or grade, and goes when the last item is decided', async () => {
    const open = await rowOf(X)
    expect(open?.flags).toContain('UNDER_REVIEW')
    expect((await rowOf(Y))?.flags).not.toContain('UNDER_REVIEW')
    // Closing all but one keeps it; the last decision removes it, with the same total.
    for (let i = 1; i <= 10; i += 1) dataOf(await decide(idOf(i), 'keep'))
    expect((await rowOf(X))?.flags).toContain('UNDER_REVIEW')
    dataOf(await decide(idOf(11), 'keep'))
    const after = await rowOf(X)
    expect(after?.flags).not.toContain('UNDER_REVIEW')
    expect([after?.total, after?.grade, after?.residents]).toEqual([open?.total, open?.grade, open?.residents])
  })

  it('drops a closed month’s snapshot once decided: June’s (taken in July with UNDER_REVIEW) is computed again without it', async () => {
    api.now = new Date('2026-07-10T02:00:00.000Z')
    await takeMissingSnapshots(api.store, api.now, Number.POSITIVE_INFINITY)
    expect(await api.store.snapshots.get(FUSHAN, MONTH)).not.toBeNull()
    expect((await rowOf(X))?.flags).toContain('UNDER_REVIEW')
    for (let i = 1; i <= 11; i += 1) dataOf(await decide(idOf(i), 'keep'))
    expect(await api.store.snapshots.get(FUSHAN, MONTH)).toBeNull()
    expect((await rowOf(X))?.flags).not.toContain('UNDER_REVIEW')
  })

  it('is not on a row of another month: 2026-05 has no open item of X', async () => {
    const may = dataOf<ResultOf<'evaluation.get'>>(await call('evaluation.get', { period: '2026-05' }, OPENID.fushanStaff))
    expect(may.rows.every((row) => !row.flags.includes('UNDER_REVIEW'))).toBe(true)
  })
})

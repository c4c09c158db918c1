// Appeals, 申诉 / 复核, through dispatch on a real SqliteStore: a worker sees a bad rating
// of their own once its month has closed, by month, and appeals it within appealDays (10) of that close,
// once, with a reason, without learning who gave it; the
// sub-district (own only; the bureau too) upholds — the rating no longer counts, its record stays with
// the reason — or rejects — nothing changes. Every refusal stores nothing; filing and deciding are audited.
// smallOrg: 浮山 has 张敏 (W001, bound to o-worker-x) and 李强 (W002); 温泉 has 王芳 (W101).
import type { AppealForReview, AppealableRating, AppealView } from '@core/appeals'
import { DEFAULT_SETTINGS } from '@core/settings'
import { newVisitCode } from '@backend/visits/visitCodes'
import { ratingToken } from '@backend/appeals/appealViews'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { monthOf } from '@core/periods'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { withKey } from './support/keys'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

// 2026-11-01 10:00 China time.
const RATED_AT = new Date('2026-11-01T02:00:00.000Z')
const MONTH = '2026-11'
// 2026-12-01 10:00 China time: November has closed, its window runs 12-01 through 12-10.
const CLOSED_AT = new Date('2026-12-01T02:00:00.000Z')
/** Moves the clock past the close of November, when its bad ratings reach the worker. */
const closeMonth = () => {
  api.now = new Date(CLOSED_AT)
}

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(RATED_AT))
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string | null) => api.call({ action, payload: withKey(payload) }, openid)

/** Residents r1.. rate `workerCode` with these levels, now; returns the ratings' document ids in order (not the keyed ids answered). */
async function rate(workerCode: string, levels: number[]): Promise<string[]> {
  const ids: string[] = []
  for (const [i, level] of levels.entries()) {
    const openid = `o-rater-${workerCode}-${i + 1}`
    dataOf(await call('rating.submit', { workerCode, level }, openid))
    ids.push(residentRatingId(openid, workerCode, monthOf(api.now)))
  }
  return ids
}

const mine = async () => dataOf<{ appealDays: number; ratings: AppealableRating[] }>(await call('appeal.mine', {}, OPENID.workerX))
/** appeal.mine names a resident rating `id` to its worker by this token, never by the id. */
const tokenOf = (id: string, kind: 'resident' | 'recipient' = 'resident') => ratingToken({ kind, id }, TEST_SECRETS.idKey)
const file = (id: string, openid: string = OPENID.workerX, reason = '当天我在社区值班，没有入户，评价与事实不符') =>
  call('appeal.file', { token: tokenOf(id), reason }, openid)
/** Files an appeal of resident rating `id`; its id (ratingRefId of the rating). */
async function filed(id: string): Promise<string> {
  dataOf<AppealView>(await file(id))
  return ratingRefId({ kind: 'resident', id }, TEST_SECRETS.idKey)
}
const decide = (appealId: string, decision: 'uphold' | 'reject', openid: string = OPENID.fushanStaff, note = '经核实属实') =>
  call('appeal.decide', { appealId, decision, note }, openid)
const residentsOf = async (workerCode: string, period = MONTH) =>
  (await api.store.listTallies(FUSHAN, [period])).find((t) => t.workerCode === workerCode)?.residents

describe('appeal.mine', () => {
  it('lists nothing of the running month: rated 11-01, still nothing on 11-30 23:59 China time', async () => {
    await rate(X, [1, 2])
    expect((await mine()).ratings).toEqual([])
    api.now = new Date('2026-11-30T15:59:00.000Z')
    expect((await mine()).ratings).toEqual([])
  })

  it('lists the worker’s own bad ratings (1 and 2 only) once the month closed, with days left, the level and month — never the day, nor who gave them', async () => {
    const [, , , one, two] = await rate(X, [5, 4, 3, 1, 2])
    await rate(Y, [1])
    api.now = new Date('2026-12-03T02:00:00.000Z')
    const { appealDays, ratings } = await mine()
    expect(appealDays).toBe(10)
    // November closed 12-01 00:00 China: open through 12-10; on 12-03 that is 8 days, today included.
    expect(ratings.map((r) => [r.token, r.level, r.month, r.daysLeft, r.kind]).sort()).toEqual(
      [[tokenOf(one), 1, MONTH, 8, '居民评价'], [tokenOf(two), 2, MONTH, 8, '居民评价']].sort(),
    )
    expect(Object.keys(ratings[0]).sort()).toEqual(['appeal', 'caseWithdrawn', 'comment', 'daysLeft', 'excluded', 'kind', 'level', 'month', 'token'])
    expect(JSON.stringify(ratings)).not.toMatch(/o-rater|2026-11-01/)
  })

  it('drops a rating past the window: on 2026-12-11 (China) November’s ratings are gone', async () => {
    await rate(X, [1])
    api.now = new Date('2026-12-10T15:59:00.000Z') // 12-10 23:59 China: the last day
    expect((await mine()).ratings.map((r) => r.daysLeft)).toEqual([1])
    api.now = new Date('2026-12-10T16:00:00.000Z') // 12-11 00:00 China
    expect((await mine()).ratings).toEqual([])
  })

  it('is for workers only: 403 for a resident and for staff, 401 without an identity', async () => {
    expect(await call('appeal.mine', {}, OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('appeal.mine', {}, OPENID.fushanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('appeal.mine', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

describe('appeal.file', () => {
  it('files one appeal per rating: pending, then the second is 409 and stores nothing; audited with the reason', async () => {
    const [id] = await rate(X, [1])
    // Not before the month has closed: the rating is not listed yet, so it is "not found".
    expect(await file(id)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    closeMonth()
    const filed = dataOf<AppealView>(await file(id))
    expect(filed).toEqual({ status: 'pending', reason: '当天我在社区值班，没有入户，评价与事实不符', filedAt: CLOSED_AT.toISOString() })
    expect(await api.store.appeals.get(ratingRefId({ kind: 'resident', id }, TEST_SECRETS.idKey))).toMatchObject({ workerCode: X, status: 'pending' })
    const before = storeHash(api.store)
    expect(await file(id, OPENID.workerX, '再次申诉这条评价')).toEqual({ ok: false, code: 'CONFLICT', message: '这条评价已经申诉过了，每条评价只能申诉一次' })
    expect(storeHash(api.store)).toBe(before)
    const { entries } = await api.store.audit.list({ action: 'appeal.file' }, { limit: 10 })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ by: { openid: OPENID.workerX, role: 'worker' }, subdistrictId: FUSHAN, reason: '当天我在社区值班，没有入户，评价与事实不符' })
    expect(JSON.stringify(entries[0])).not.toMatch(/o-rater/)
    const [row] = (await mine()).ratings
    expect(row).toMatchObject({ daysLeft: 0, appeal: { status: 'pending' } })
  })

  it('answers a retry with the same key with the first result, and files once', async () => {
    const [id] = await rate(X, [2])
    closeMonth()
    const payload = { token: tokenOf(id), reason: '评价人认错了人', idempotencyKey: 'appeal-retry-01' }
    const first = await api.call({ action: 'appeal.file', payload }, OPENID.workerX)
    expect(await api.call({ action: 'appeal.file', payload }, OPENID.workerX)).toEqual(first)
    expect((await api.store.audit.list({ action: 'appeal.file' }, { limit: 10 })).entries).toHaveLength(1)
  })

  it('refuses, storing nothing: another worker’s rating (404), a good rating (404), past the window (409), a short reason (400), a resident (403)', async () => {
    const [ofY] = await rate(Y, [1])
    const [good, bad] = await rate(X, [4, 1])
    closeMonth()
    const before = storeHash(api.store)
    expect(await file(ofY)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // Only bad reviews have a token a worker is given; a good rating's (or a made-up) one is not found.
    expect(await file(good)).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这条差评，它可能已被修改，请刷新后重试' })
    expect(await file(bad, OPENID.workerX, '不对')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '申诉理由至少 5 个字' })
    expect(await file(bad, OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    api.now = new Date('2026-12-10T16:00:00.000Z') // 2026-12-11 00:00 China: day 11 after November closed
    expect(await file(bad)).toEqual({ ok: false, code: 'CONFLICT', message: '已过申诉期限：差评须在当月结束后 10 天内申诉' })
    expect(storeHash(api.store)).toBe(before)
  })
})

describe('appeal.list and appeal.decide', () => {
  it('upholds: of 张敏’s 5,5,4,1,1 one 1 leaves n 4 and [1,0,0,1,2]; the rating stays stored with its reason', async () => {
    const ids = await rate(X, [5, 5, 4, 1, 1])
    expect(await residentsOf(X)).toEqual([2, 0, 0, 1, 2])
    closeMonth()
    const appealId = await filed(ids[3])
    const decided = dataOf<AppealView>(await decide(appealId, 'uphold', OPENID.fushanStaff, '监控显示当天未入户，差评不实'))
    expect(decided).toMatchObject({ status: 'upheld', note: '监控显示当天未入户，差评不实' })
    expect(await residentsOf(X)).toEqual([1, 0, 0, 1, 2])
    for (const period of ['2026-H2', '2026']) expect(await residentsOf(X, period)).toEqual([1, 0, 0, 1, 2])
    expect(await api.store.getResidentRating(ids[3])).toMatchObject({ level: 1, excluded: { via: 'appeal', reason: '监控显示当天未入户，差评不实', by: OPENID.fushanStaff } })
    const rows = dataOf<{ rows: Array<{ workerCode: string; residents: { n: number } | null }> }>(await call('evaluation.get', { period: MONTH }, OPENID.fushanStaff)).rows
    expect(rows.find((r) => r.workerCode === X)?.residents?.n).toBe(4)
    const [entry] = (await api.store.audit.list({ action: 'appeal.decide' }, { limit: 10 })).entries
    expect(entry).toMatchObject({ by: { openid: OPENID.fushanStaff, role: 'subdistrict' }, reason: '监控显示当天未入户，差评不实', details: { decision: 'uphold' } })
    // The worker sees the outcome.
    expect((await mine()).ratings.find((r) => r.token === tokenOf(ids[3]))).toMatchObject({ excluded: true, appeal: { status: 'upheld' } })
  })

  it('rejects: the rating keeps counting, [2,0,0,1,2] stays; a second decision is 409 and stores nothing', async () => {
    const ids = await rate(X, [5, 5, 4, 1, 1])
    closeMonth()
    const appealId = await filed(ids[4])
    expect(dataOf<AppealView>(await decide(appealId, 'reject', OPENID.fushanStaff, '评价人确认属实'))).toMatchObject({ status: 'rejected' })
    expect(await residentsOf(X)).toEqual([2, 0, 0, 1, 2])
    expect((await api.store.getResidentRating(ids[4]))?.excluded).toBeUndefined()
    const before = storeHash(api.store)
    expect(await decide(appealId, 'uphold')).toEqual({ ok: false, code: 'CONFLICT', message: '这条申诉已经处理过了，请刷新查看结果' })
    expect(storeHash(api.store)).toBe(before)
  })

  it('keeps other sub-districts out: 温泉’s staff may neither list (403) nor decide (403) 浮山’s appeals; a community admin 403', async () => {
    const [id] = await rate(X, [1])
    closeMonth()
    const appealId = await filed(id)
    const before = storeHash(api.store)
    expect(await call('appeal.list', { subdistrictId: FUSHAN }, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await decide(appealId, 'uphold', OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await decide(appealId, 'uphold', OPENID.communityAdmin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await decide(appealId, 'uphold', OPENID.workerX)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(storeHash(api.store)).toBe(before)
    // 温泉's own list is empty; the bureau sees 浮山's.
    expect(dataOf<{ appeals: AppealForReview[] }>(await call('appeal.list', {}, OPENID.wenquanStaff)).appeals).toEqual([])
    expect(dataOf<{ appeals: AppealForReview[] }>(await call('appeal.list', {}, OPENID.bureau)).appeals.map((a) => a.appealId)).toEqual([appealId])
  })

  it('lists pending first with the worker, the level, the visible comment and the reason — never the rater', async () => {
    await call('rating.submit', { workerCode: X, level: 1, comment: '态度很差' }, 'o-rater-a')
    await call('rating.submit', { workerCode: X, level: 2, comment: '待复核 的留言' }, 'o-rater-b')
    closeMonth()
    const [a, b] = (await mine()).ratings.sort((p, q) => p.level - q.level)
    dataOf(await call('appeal.file', { token: a.token, reason: '当天不在岗，评价有误' }, OPENID.workerX))
    api.now = new Date('2026-12-01T03:00:00.000Z')
    dataOf(await call('appeal.file', { token: b.token, reason: '评价人认错了人' }, OPENID.workerX))
    const listed = async () => dataOf<{ appeals: AppealForReview[] }>(await call('appeal.list', {}, OPENID.fushanStaff)).appeals
    const [first] = await listed() // filed first, pending: first in the queue
    dataOf(await decide(first.appealId, 'reject'))
    const appeals = await listed()
    expect(appeals.map((x) => [x.status, x.reason, x.workerName, x.community, x.level, x.comment])).toEqual([
      ['pending', '评价人认错了人', '张敏', '银泉社区', 2, ''], // held by moderation: not shown
      ['rejected', '当天不在岗，评价有误', '张敏', '银泉社区', 1, '态度很差'],
    ])
    expect(JSON.stringify(appeals)).not.toMatch(/o-rater/)
  })

  it('takes an upheld appeal of a recipient’s 不满意 out of the recipients’ tally: [0,1,0,0,0] → [0,0,0,0,0]', async () => {
    const visitCode = newVisitCode()
    await api.store.visits.putVisit({ visitCode, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', type: '关爱走访', place: '', note: '', at: RATED_AT.toISOString() })
    dataOf(await call('feedback.submit', { visitCode, level: 2 }, 'o-recipient-1'))
    const recipientsOf = async () => (await api.store.listTallies(FUSHAN, [MONTH])).find((t) => t.workerCode === X)?.recipients
    expect(await recipientsOf()).toEqual([0, 1, 0, 0, 0])
    closeMonth()
    const [row] = (await mine()).ratings
    // Named by a token, never by the visit code the worker knows (it would tell them whom they served).
    expect(row).toMatchObject({ token: tokenOf(visitCode, 'recipient'), kind: '服务对象评价', level: 2, daysLeft: 10 })
    expect(JSON.stringify(row)).not.toContain(visitCode)
    dataOf(await call('appeal.file', { token: row.token, reason: '服务对象对政策有误解，已解释清楚' }, OPENID.workerX))
    const appealId = ratingRefId({ kind: 'recipient', id: visitCode }, TEST_SECRETS.idKey)
    dataOf(await decide(appealId, 'uphold', OPENID.bureau, '市局复核，申诉成立'))
    expect(await recipientsOf()).toEqual([0, 0, 0, 0, 0])
    expect(await api.store.visits.getFeedback(visitCode)).toMatchObject({ level: 2, excluded: { via: 'appeal', by: OPENID.bureau } })
  })

  it('drops the snapshot of the closed month an upheld appeal changes: rated 10-31, upheld 11-03, October’s snapshot goes, September’s stays', async () => {
    api.now = new Date('2026-10-31T02:00:00.000Z')
    const [id] = await rate(X, [1])
    const snapshot = (period: string) => ({ subdistrictId: FUSHAN, period, settingsVersion: 1, settings: DEFAULT_SETTINGS, takenAt: '2026-11-01T16:00:00.000Z', rows: [] })
    await api.store.snapshots.put(snapshot('2026-09'))
    await api.store.snapshots.put(snapshot('2026-10'))
    api.now = new Date('2026-11-03T02:00:00.000Z')
    const appealId = await filed(id)
    dataOf(await decide(appealId, 'uphold'))
    expect(await api.store.snapshots.listTaken(FUSHAN, ['2026-09', '2026-10'])).toEqual(['2026-09'])
  })

  it('answers a retried decision (same key) with the first result: excluded once, audited once', async () => {
    const ids = await rate(X, [5, 5, 4, 1, 1])
    closeMonth()
    const appealId = await filed(ids[3])
    const payload = { appealId, decision: 'uphold', note: '经核实属实', idempotencyKey: 'decide-retry-01' }
    const first = await api.call({ action: 'appeal.decide', payload }, OPENID.fushanStaff)
    expect(await api.call({ action: 'appeal.decide', payload }, OPENID.fushanStaff)).toEqual(first)
    expect(await residentsOf(X)).toEqual([1, 0, 0, 1, 2])
    expect((await api.store.audit.list({ action: 'appeal.decide' }, { limit: 10 })).entries).toHaveLength(1)
  })

  it('finishes a decision whose exclusion failed when the same call is retried: upheld, excluded, audited once', async () => {
    const ids = await rate(X, [5, 5, 4, 1, 1])
    closeMonth()
    const appealId = await filed(ids[3])
    const exclude = jest.spyOn(api.store.reviews, 'excludeRating').mockRejectedValueOnce(new Error('database busy'))
    const payload = { appealId, decision: 'uphold', note: '经核实属实', idempotencyKey: 'decide-retry-02' }
    expect(await api.call({ action: 'appeal.decide', payload }, OPENID.fushanStaff)).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await residentsOf(X)).toEqual([2, 0, 0, 1, 2]) // decided, not yet excluded
    expect(await api.call({ action: 'appeal.decide', payload }, OPENID.fushanStaff)).toMatchObject({ ok: true, data: { appealId, status: 'upheld' } })
    expect(await residentsOf(X)).toEqual([1, 0, 0, 1, 2])
    expect((await api.store.audit.list({ action: 'appeal.decide' }, { limit: 10 })).entries).toHaveLength(1)
    exclude.mockRestore()
  })
})

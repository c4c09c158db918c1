// city.overview and city.export over the local runtime's store, with the two sub-districts of smallOrg:
// 浮山 has the DESIGN worked example (month 2026-03: X 87.4 称职, Y 71.9 称职) and X's hand-counted grid
// time; 温泉's Z has four resident ratings 1, 5, 5, 4 (R = (280 + 5 × 70) / 9 = 70.0, the only party: 称职).
// Each row is that sub-district's report.get summary, and the waiting work is counted by hand.
import type { CityOverview } from '@core/city'
import type { Report } from '@core/reports'
import type { Level } from '@core/types'
import type { CaseRecord } from '@backend/cases/store'
import { takeMissingSnapshots } from '@backend/reports/snapshotJob'
import { callerOn } from './support/demoCaller'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { cityTable, expectedCityRows, sheetsOf } from './support/citySheet'
import { memoryFiles } from './support/rosterFile'
import { FUSHAN, OPENID, WENQUAN, X, Y, Z } from './support/smallOrg'
import { withKey } from './support/keys'

// Ratings on Fri 2026-03-20, 10:00 China time: a bad one's call-back is due Mon 03-23, its rectification
// 15 working days on, Fri 04-10 (no holidays configured).
const RATED = new Date('2026-03-20T02:00:00Z')
// Wed 03-25: March is running. Working days so far: 2-6, 9-13, 16-20, 23-25 = 18, 8640 minutes.
const RUNNING = new Date('2026-03-25T02:00:00Z')
// Wed 04-15: March is closed; its 22 working days are 10560 minutes.
const CLOSED = new Date('2026-04-15T02:00:00Z')

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(RATED))
})
afterEach(() => api.close())

const city = async (period: string, openid: string = OPENID.bureau) => dataOf<CityOverview>(await api.call({ action: 'city.overview', payload: { period } }, openid))
const report = async (period: string, subdistrictId: string) => dataOf<Report>(await api.call({ action: 'report.get', payload: { kind: 'month', period, subdistrictId } }, OPENID.bureau))

async function rate(workerCode: string, levels: Level[], prefix: string): Promise<void> {
  for (const [i, level] of levels.entries()) expect((await api.call({ action: 'rating.submit', payload: withKey({ workerCode, level }) }, `${prefix}-${i}`)).ok).toBe(true)
}

/** A case of 浮山 opened by hand, for the steps it has taken. */
const kase = (id: string, extra: Partial<CaseRecord>): CaseRecord => ({
  id, ref: { kind: 'resident', id: `rating-${id}` }, raterOpenid: 'o-rater-k', workerCode: X, communityId: 'c-yinquan', subdistrictId: FUSHAN,
  month: '2026-03', level: 1, openedAt: '2026-03-02T02:00:00.000Z', callbackDue: '2026-03-03', rectifyDue: '2026-03-20', version: 1, ...extra,
})
const callback = { at: '2026-03-03T02:00:00.000Z', by: OPENID.communityAdmin, byName: '周书记', reached: true, outcome: '已电话联系居民' }
const rectification = { at: '2026-03-05T02:00:00.000Z', by: OPENID.communityAdmin, byName: '周书记', note: '已调整走访安排' }

async function storeMarch(): Promise<void> {
  // The worked example; Y's 2 opens a case (青龙), Z's 1 another (温泉).
  await rate(X, [5, 4, 4, 5, 3, 5], 'o-rater-x')
  await rate(Y, [2, 4], 'o-rater-y')
  await rate(Z, [1, 5, 5, 4], 'o-rater-z')
  for (const [i, level] of ([5, 5, 4] as Level[]).entries()) {
    await api.store.submitFeedback({ serviceId: `svc-x-${i}`, openid: `o-recipient-${i}`, workerCode: X, subdistrictId: FUSHAN, month: '2026-03', level, comment: '', commentStatus: 'none', submittedAt: RATED.toISOString() })
  }
  for (const [workerCode, score] of [[X, 88], [Y, 75]] as const) {
    expect((await api.call({ action: 'score.submit', payload: withKey({ workerCode, period: '2026-03', score }) }, OPENID.fushanStaff)).ok).toBe(true)
  }
  // X: 10 sessions of 6 hours, 3600 minutes.
  await api.store.loadActivity({
    fieldSessions: [2, 3, 4, 5, 6, 9, 10, 11, 12, 13].map((day) => {
      const d = String(day).padStart(2, '0')
      return { sessionId: `s-${d}`, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', grid: '', startedAt: `2026-03-${d}T01:00:00.000Z`, endedAt: `2026-03-${d}T07:00:00.000Z` }
    }),
  })
  // 浮山's cases besides Y's: rectified (never overdue again), called back with the rectification due 04-30
  // (not late), and one whose call-back was due 03-03 (late).
  await api.store.cases.open(kase('k-rectified', { callback, rectification, version: 3 }))
  await api.store.cases.open(kase('k-called', { callback, rectifyDue: '2026-04-30', version: 2 }))
  await api.store.cases.open(kase('k-late', {}))
  // Appeals: 浮山 one pending, one decided; 温泉 two pending.
  const appeal = (id: string, subdistrictId: string, workerCode: string) =>
    api.store.appeals.create({ id, ref: { kind: 'resident', id: `rating-${id}` }, workerCode, subdistrictId, month: '2026-03', reason: '当天不在岗，评价与事实不符', filedAt: RATED.toISOString(), key: `key-${id}`, status: 'pending' })
  await appeal('ap-1', FUSHAN, Y)
  await appeal('ap-2', FUSHAN, Y)
  await api.store.appeals.decide('ap-2', { decision: 'reject', note: '经核实评价属实', by: OPENID.fushanStaff, byName: '刘科长', at: RATED.toISOString(), key: 'decide-ap-2' })
  await appeal('ap-3', WENQUAN, Z)
  await appeal('ap-4', WENQUAN, Z)
  // Flagged ratings: 浮山 one open, one kept; 温泉 none.
  const review = (id: string) => api.store.reviews.addReview({ id, ref: { kind: 'resident', id: `rating-${id}` }, workerCode: X, subdistrictId: FUSHAN, month: '2026-03', reasons: ['BURST'], flaggedAt: RATED.toISOString(), status: 'open' })
  await review('rv-1')
  await review('rv-2')
  await api.store.reviews.decideReview('rv-2', 'kept', { by: OPENID.fushanStaff, byName: '刘科长', at: RATED.toISOString(), reason: '核实为正常评价' })
}

/** Each row against that sub-district's report of the same moment: the same summary, the same provisional mark. */
async function expectRowsAreReports(overview: CityOverview): Promise<void> {
  for (const row of overview.rows) {
    const own = await report(overview.period, row.subdistrictId)
    expect({ name: row.subdistrictName, workers: row.workers, grades: row.grades, avgGridTimeRatio: row.avgGridTimeRatio, settingsVersion: row.settingsVersion, snapshotAt: row.snapshotAt })
      .toEqual({ name: own.subdistrictName, workers: own.workers, grades: own.grades, avgGridTimeRatio: own.avgGridTimeRatio, settingsVersion: own.settingsVersion, snapshotAt: own.snapshotAt })
    expect(overview.provisional).toBe(own.provisional)
  }
}

it('sets every sub-district of a running month side by side, each row its report\'s summary, ranked, 暂定', async () => {
  await storeMarch()
  api.now = new Date(RUNNING)
  const march = await city('2026-03')
  expect(march).toMatchObject({ kind: 'month', period: '2026-03', provisional: true, today: '2026-03-25', settingsVersions: [1], gridTimeTarget: 0.5 })
  expect(march.snapshotAt).toBeUndefined()
  await expectRowsAreReports(march)
  // Both at 称职 or better throughout (2 of 2, 1 of 1): X's 3600 of 8640 minutes, 0.41666…, and Y's 0 average
  // 0.208 for 浮山 against 温泉's 0, so 浮山 is first.
  expect(march.rows.map((row) => [row.subdistrictName, row.rank, row.workers, row.competentShare, row.avgTotal, row.avgGridTimeRatio])).toEqual([
    // (87.4 + 71.9) / 2 = 79.65 → 79.7
    ['浮山办事处', 1, 2, 1, 79.7, 0.208],
    ['温泉办事处', 2, 1, 1, 70, 0],
  ])
  // The city over its 3 workers: (87.4 + 71.9 + 70) / 3 = 76.433… → 76.4; (0.41666… + 0 + 0) / 3 = 0.1388… → 0.139.
  expect(march.city).toMatchObject({ subdistricts: 2, workers: 3, grades: { 优秀: 0, 称职: 3, 基本称职: 0, 不称职: 0, 未评定: 0 }, competentShare: 1, avgTotal: 76.4, avgGridTimeRatio: 0.139 })
})

it('counts what waits in each sub-district today: overdue cases, pending appeals, open flagged ratings', async () => {
  await storeMarch()
  api.now = new Date(RUNNING)
  const { rows, city: all } = await city('2026-03')
  // 浮山: Y's case (call-back due 03-23) and k-late are late; k-called is not; k-rectified is done.
  // Appeals: ap-1 waits, ap-2 is decided. Flagged: rv-1 waits, rv-2 is kept. 温泉: Z's case; ap-3 and ap-4.
  const waiting = (name: string) => rows.filter((row) => row.subdistrictName === name).map((row) => [row.overdueCases, row.pendingAppeals, row.openReviews])[0]
  expect(waiting('浮山办事处')).toEqual([2, 1, 1])
  expect(waiting('温泉办事处')).toEqual([1, 2, 0])
  expect([all.overdueCases, all.pendingAppeals, all.openReviews]).toEqual([3, 3, 1])
  // The same count the sub-district's own case list gives.
  const cases = dataOf<{ cases: Array<{ overdue: unknown }> }>(await api.call({ action: 'case.list', payload: { subdistrictId: FUSHAN } }, OPENID.fushanStaff)).cases
  expect(cases.filter((c) => c.overdue !== null)).toHaveLength(2)
})

it('reads a closed month from its snapshots, as the reports do, and ends the trend on it', async () => {
  await storeMarch()
  api.now = new Date(CLOSED)
  await takeMissingSnapshots(api.store, api.now, Infinity)
  const march = await city('2026-03')
  expect(march).toMatchObject({ provisional: false, snapshotAt: CLOSED.toISOString(), today: '2026-04-15' })
  await expectRowsAreReports(march)
  // The whole of March: 3600 of 10560 minutes = 0.3409…; with Y's 0, 0.1704… → 0.170.
  expect(march.rows.map((row) => [row.subdistrictName, row.rank, row.avgGridTimeRatio])).toEqual([['浮山办事处', 1, 0.17], ['温泉办事处', 2, 0]])
  // Y's rectification was due 04-10: still late; k-called (04-30) still is not.
  expect(march.rows.map((row) => row.overdueCases)).toEqual([2, 1])
  // The six closed months before April; only March has ratings.
  expect(march.trend.months).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'])
  expect(march.trend.lines).toEqual([
    { subdistrictId: FUSHAN, subdistrictName: '浮山办事处', avgTotals: [null, null, null, null, null, 79.7] },
    { subdistrictId: WENQUAN, subdistrictName: '温泉办事处', avgTotals: [null, null, null, null, null, 70] },
  ])
  expect(march.trend.city).toEqual([null, null, null, null, null, 76.4])
})

it('exports the page: the file\'s table is the overview\'s rows and the city, cell for cell', async () => {
  await storeMarch()
  api.now = new Date(RUNNING)
  const files = memoryFiles()
  const caller = callerOn(api.store, { now: api.now, files })
  const page = dataOf<CityOverview>(await caller.call('city.overview', { period: '2026-03' }, OPENID.bureau))
  const { url } = dataOf<{ url: string }>(await caller.call('city.export', { period: '2026-03' }, OPENID.bureau))
  const file = files.written.get(url)
  expect(file?.name).toBe('全市考核概览-2026年3月.xlsx')
  const sheets = await sheetsOf(file?.bytes ?? Buffer.alloc(0))
  expect(cityTable(sheets['全市概览'] ?? []).body).toEqual(expectedCityRows(page))
})

it('is the bureau\'s alone: sub-district staff, a community admin and a worker get 403, nobody signed in 401', async () => {
  for (const openid of [OPENID.fushanStaff, OPENID.wenquanStaff, OPENID.communityAdmin, OPENID.workerX, OPENID.resident]) {
    for (const action of ['city.overview', 'city.export']) {
      expect(await api.call({ action, payload: { period: '2026-03' } }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  }
  expect(await api.call({ action: 'city.overview', payload: { period: '2026-03' } }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await api.call({ action: 'city.overview', payload: { period: '2026-13' } }, OPENID.bureau)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

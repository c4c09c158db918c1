// report.trend: a worker's total, grade and place over the last 12 months, each month the evaluation of
// the whole sub-district; closed months read their snapshot when there is one.
import type { WorkerTrend } from '@core/reports'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'

const MARCH = new Date('2026-03-20T02:00:00Z')

let api: Harness
beforeEach(async () => {
  api = await createHarness(MARCH)
})
afterEach(() => api.close())

const trend = (workerCode: string, openid: string | null) => api.call({ action: 'report.trend', payload: { workerCode } }, openid)
const score = async (workerCode: string, period: string, value: number) =>
  expect((await api.call({ action: 'score.submit', payload: withKey({ workerCode, period, score: value }) }, OPENID.fushanStaff)).ok).toBe(true)

it('gives the last 12 months oldest first, each with the total, grade and place in the sub-district', async () => {
  // February: X scored 80 and Y 92 by the sub-district only -> totals 80 and 92 (one party), Y first.
  await score(X, '2026-02', 80)
  await score(Y, '2026-02', 92)
  // March: X only, 75.
  await score(X, '2026-03', 75)
  const result = dataOf<WorkerTrend>(await trend(X, OPENID.fushanStaff))
  expect(result).toMatchObject({ workerCode: X, name: '张敏', community: '银泉社区', subdistrictName: '浮山办事处' })
  expect(result.months.map((m) => m.period)).toEqual([
    '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
  ])
  expect(result.months[0]).toEqual({ period: '2025-04', total: null, grade: '未评定', rank: null, graded: 0, provisional: false })
  // Flags (no residents, no recipients) keep both out of 优秀: 80 称职, place 2 of 2 behind Y's 92.
  expect(result.months[10]).toEqual({ period: '2026-02', total: 80, grade: '称职', rank: 2, graded: 2, provisional: false })
  // This month still runs: its grade is 暂定.
  expect(result.months[11]).toEqual({ period: '2026-03', total: 75, grade: '称职', rank: 1, graded: 1, provisional: true })
})

it('reads a closed month from its snapshot, and computes the current month live', async () => {
  await score(X, '2026-02', 80)
  await api.store.snapshots.put({
    subdistrictId: FUSHAN, period: '2026-02', settingsVersion: 1, settings: DEFAULT_SETTINGS, takenAt: '2026-03-01T18:00:00.000Z',
    rows: [{ workerCode: X, name: '张敏', community: '银泉社区', communityId: 'c-yinquan', residents: null, recipients: null,
      subdistrict: { score: 66 }, total: 66, grade: '基本称职', flags: ['NO_RESIDENTS', 'NO_RECIPIENTS'], gridTimeRatio: 0.5 }],
  })
  await api.store.snapshots.put({
    subdistrictId: FUSHAN, period: '2026-03', settingsVersion: 1, settings: DEFAULT_SETTINGS, takenAt: '2026-03-01T18:00:00.000Z', rows: [],
  })
  const months = dataOf<WorkerTrend>(await trend(X, OPENID.bureau)).months
  expect(months[10]).toEqual({ period: '2026-02', total: 66, grade: '基本称职', rank: 1, graded: 1, snapshotAt: '2026-03-01T18:00:00.000Z', provisional: false })
  // March is still open: a snapshot of it (there should be none) is not read.
  expect(months[11]).toMatchObject({ period: '2026-03', total: null })
  expect(months[11].snapshotAt).toBeUndefined()
})

it('lets the worker\'s sub-district staff, community admin and the bureau read it, nobody else', async () => {
  expect((await trend(X, OPENID.communityAdmin)).ok).toBe(true)
  expect(await trend(Y, OPENID.communityAdmin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await trend(X, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await trend(X, OPENID.workerX)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await trend(X, OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await trend(X, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await trend('W999', OPENID.bureau)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

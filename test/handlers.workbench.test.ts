// workbench.get: what waits for each staff member, in their own scope, queue by queue. smallOrg: 浮山 has
// X (张敏, 银泉社区) and Y (李强, 青龙社区); 温泉 has Z. Counts worked out from what the test puts there.
import type { ResultOf } from '@core/contract'
import { DEFAULT_SETTINGS } from '@core/settings'
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import { ratingToken } from '@backend/appeals/appealViews'
import { residentRatingId } from '@backend/store/ids'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { withKey } from './support/keys'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

// Mon 2026-11-02 10:00 China: two bad ratings; Tue 2026-12-01 10:00 China: the day the counts are read.
const NOVEMBER = new Date('2026-11-02T02:00:00.000Z')
const TODAY = new Date('2026-12-01T02:00:00.000Z')

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOVEMBER))
  const rate = async (openid: string, workerCode: string, level: number) => dataOf(await api.call({ action: 'rating.submit', payload: withKey({ workerCode, level }) }, openid))
  // November: a 1 for X, a 2 for Y; call-backs were due 11-03, nobody called: both overdue by December.
  await rate('o-nov-1', X, 1)
  await rate('o-nov-2', Y, 2)
  api.now = new Date(TODAY)
  // Today: another 1 for X, its call-back due tomorrow (in time).
  await rate('o-dec-1', X, 1)
  // X appeals November's 1 (pending).
  const token = ratingToken({ kind: 'resident', id: residentRatingId('o-nov-1', X, '2026-11') }, TEST_SECRETS.idKey)
  dataOf(await api.call({ action: 'appeal.file', payload: withKey({ token, reason: '当天我在社区值班，没有入户，评价与事实不符' }) }, OPENID.workerX))
  // Eleven first-time ratings of X from one address within an hour this morning: flagged together.
  for (let i = 1; i <= 11; i += 1) {
    const openid = `o-burst-${i}`
    await api.store.submitResidentRating({
      id: residentRatingId(openid, X, '2026-12'), openid, workerCode: X, subdistrictId: FUSHAN, month: '2026-12', level: 5,
      comment: '', commentStatus: 'none', submittedAt: new Date(TODAY.getTime() - (60 - i * 5) * 60_000).toISOString(), clientHash: 'h-one-address',
    })
  }
  expect(await runSuspicionCheck(api.store, TODAY, TEST_SECRETS.idKey)).toBe(11)
})
afterEach(() => api.close())

const workbench = async (openid: string) => dataOf<ResultOf<'workbench.get'>>(await api.call({ action: 'workbench.get', payload: {} }, openid))

it('gives the community admin their community’s cases only: X’s two, November’s late', async () => {
  expect(await workbench(OPENID.communityAdmin)).toEqual({ waiting: [{ queue: 'cases', count: 2, overdue: 1 }] })
})

it('gives 浮山’s staff every queue of 浮山, and this month’s sheet not started (0 of 2)', async () => {
  expect(await workbench(OPENID.fushanStaff)).toEqual({
    waiting: [
      { queue: 'cases', count: 3, overdue: 2 },
      { queue: 'appeals', count: 1, overdue: 0 },
      { queue: 'reviews', count: 11, overdue: 0 },
      { queue: 'comments', count: 0, overdue: 0 },
    ],
    sheet: { period: '2026-12', status: 'new', complete: 0, workers: 2 },
  })
})

it('counts a draft sheet’s complete rows: X scored, Y half done -> 1 of 2', async () => {
  const by = { openid: OPENID.fushanStaff, name: '刘科长' }
  await api.store.sheets.putSheet({
    subdistrictId: FUSHAN, kind: 'period', period: '2026-12', status: 'draft', version: 1, criteria: DEFAULT_SETTINGS.sheetCriteria,
    rows: [{ workerCode: X, points: [38, 36, 18.5] }, { workerCode: Y, points: [30, null, null] }],
    createdAt: TODAY.toISOString(), updatedAt: TODAY.toISOString(), updatedBy: by, changes: [],
  })
  expect((await workbench(OPENID.fushanStaff)).sheet).toEqual({ period: '2026-12', status: 'draft', complete: 1, workers: 2 })
})

it('gives 温泉’s staff nothing of 浮山, and the bureau the whole city without a sheet', async () => {
  expect(await workbench(OPENID.wenquanStaff)).toEqual({
    waiting: [
      { queue: 'cases', count: 0, overdue: 0 },
      { queue: 'appeals', count: 0, overdue: 0 },
      { queue: 'reviews', count: 0, overdue: 0 },
      { queue: 'comments', count: 0, overdue: 0 },
    ],
    sheet: { period: '2026-12', status: 'new', complete: 0, workers: 1 },
  })
  expect(await workbench(OPENID.bureau)).toEqual({
    waiting: [
      { queue: 'cases', count: 3, overdue: 2 },
      { queue: 'appeals', count: 1, overdue: 0 },
      { queue: 'reviews', count: 11, overdue: 0 },
      { queue: 'comments', count: 0, overdue: 0 },
    ],
  })
})

it('is for staff: 403 for a worker and a resident, 401 without WeChat', async () => {
  expect(await api.call({ action: 'workbench.get', payload: {} }, OPENID.workerX)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await api.call({ action: 'workbench.get', payload: {} }, OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await api.call({ action: 'workbench.get', payload: {} }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
})

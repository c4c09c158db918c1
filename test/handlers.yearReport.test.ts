// The year report (the 6 of 3456) and evaluations over half-years and years: D falls back as DESIGN
// section 3 says, and the annual assessment shows both parts. Numbers worked out in the comments.
import type { SheetRecord } from '@backend/sheets/store'
import { residentRatingId } from '@backend/store/ids'
import type { ResultOf } from '@core/contract'
import type { Report } from '@core/reports'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'

// 2027-01-15: the whole of 2026 is closed, and no snapshot was taken (the timer has not run).
const JANUARY = new Date('2027-01-15T02:00:00Z')

let api: Harness
beforeEach(async () => {
  api = await createHarness(JANUARY)
})
afterEach(() => api.close())

const score = async (workerCode: string, period: string, value: number) =>
  expect((await api.call({ action: 'score.submit', payload: withKey({ workerCode, period, score: value }) }, OPENID.fushanStaff)).ok).toBe(true)
const evaluation = async (period: string) =>
  Object.fromEntries(dataOf<ResultOf<'evaluation.get'>>(await api.call({ action: 'evaluation.get', payload: { period } }, OPENID.fushanStaff)).rows.map((r) => [r.workerCode, r]))
const report = async (payload: object) => dataOf<Report>(await api.call({ action: 'report.get', payload }, OPENID.fushanStaff))

function yearEndSheet(rows: Array<[string, number]>): SheetRecord {
  const by = { openid: OPENID.fushanStaff, name: '刘科长' }
  return {
    subdistrictId: FUSHAN, kind: 'yearEnd', period: '2026', status: 'submitted', version: 1,
    criteria: [{ name: '年终考核', weight: 100 }],
    rows: rows.map(([workerCode, points]) => ({ workerCode, points: [points] })),
    createdAt: JANUARY.toISOString(), updatedAt: JANUARY.toISOString(), updatedBy: by, submittedAt: JANUARY.toISOString(), submittedBy: by, changes: [],
  }
}

it('evaluates H2 from its months and the year from the mean of its halves (D only: total = D)', async () => {
  // X: H1 own score 80.5; H2 months 2026-08 70.5 and 2026-11 90.1 -> D(H2) = 160.6 / 2 = 80.3
  // D(2026) = (80.5 + 80.3) / 2 = 80.4. Y: only 2026-12 at 64 -> D(H2) = 64, D(2026) = 64 (one half).
  await score(X, '2026-H1', 80.5)
  await score(X, '2026-08', 70.5)
  await score(X, '2026-11', 90.1)
  await score(Y, '2026-12', 64)
  const h2 = await evaluation('2026-H2')
  expect([h2[X].subdistrict, h2[X].total, h2[Y].total]).toEqual([{ score: 80.3 }, 80.3, 64])
  const year = await evaluation('2026')
  expect([year[X].subdistrict, year[X].total, year[X].grade]).toEqual([{ score: 80.4 }, 80.4, '称职'])
  expect([year[Y].total, year[Y].grade]).toEqual([64, '基本称职'])
})

it('gives each worker the annual assessment with both parts: 0.6 x 85 + 0.4 x 90 = 87.0', async () => {
  await score(X, '2026', 85) // the year's own score wins: total(2026) = 85 (D only)
  await score(Y, '2026', 72)
  await api.store.sheets.putSheet(yearEndSheet([[X, 90]]))
  const year = await report({ kind: 'year', period: '2026' })
  const [x, y] = [year.rows.find((r) => r.workerCode === X), year.rows.find((r) => r.workerCode === Y)]
  expect(x?.annual).toEqual({ yearTotal: 85, yearEnd: 90, annual: 87 })
  // Y has no year-end review: NO_YEAR_END, explained.
  expect(y?.annual).toEqual({ yearTotal: 72, yearEnd: null, annual: null })
  expect(y?.flags).toContain('NO_YEAR_END')
  expect(y?.flagTexts).toContain('缺少年终考核分，暂时算不出年度成绩')
})

it('takes the annual assessment from the exact year total, not the one shown: 78.8, not 78.9', async () => {
  // X in 2026: five residents at level 4 (points 400) and the year's own score 75.5; Y nothing rated.
  // C = 400 / 5 = 80, R = (400 + 5 x 80) / 10 = 80. Total = (0.4 x 80 + 0.3 x 75.5) / 0.7 = 54.65 / 0.7
  // = 78.0714…, shown 78.1. Annual = 0.6 x 54.65 / 0.7 + 0.4 x 80 = 46.8428… + 32 = 78.8428… -> 78.8;
  // from the shown total it would be 0.6 x 78.1 + 32 = 78.86 -> 78.9.
  for (let i = 1; i <= 5; i += 1) {
    const openid = `o-year-rater-${i}`
    await api.store.submitResidentRating({
      id: residentRatingId(openid, X, '2026-03'), openid, workerCode: X, subdistrictId: FUSHAN, month: '2026-03', level: 4,
      comment: '', commentStatus: 'none', submittedAt: `2026-03-1${i}T02:00:00.000Z`,
    })
  }
  await score(X, '2026', 75.5)
  await api.store.sheets.putSheet(yearEndSheet([[X, 80]]))
  const year = await report({ kind: 'year', period: '2026' })
  const x = year.rows.find((r) => r.workerCode === X)
  expect([x?.residents, x?.total]).toEqual([{ n: 5, score: 80 }, 78.1])
  expect(x?.annual).toEqual({ yearTotal: 78.1, yearEnd: 80, annual: 78.8 })
})

it('uses the daily share in force: 0.7 x 85 + 0.3 x 90 = 86.5', async () => {
  await score(X, '2026', 85)
  await api.store.sheets.putSheet(yearEndSheet([[X, 90]]))
  await api.store.settings.save({ ...DEFAULT_SETTINGS, dailyShare: 0.7 }, JANUARY.toISOString(), { openid: OPENID.bureau, name: '赵处长' })
  const year = await report({ kind: 'year', period: '2026' })
  expect(year.rows.find((r) => r.workerCode === X)?.annual).toEqual({ yearTotal: 85, yearEnd: 90, annual: 86.5 })
  expect(year.settingsVersion).toBe(2)
})

it('leaves annual parts out of month and half-year reports', async () => {
  await score(X, '2026-12', 85)
  expect((await report({ kind: 'month', period: '2026-12' })).rows.every((r) => r.annual === undefined)).toBe(true)
  expect((await report({ kind: 'halfyear', period: '2026-H2' })).rows.every((r) => r.annual === undefined)).toBe(true)
})

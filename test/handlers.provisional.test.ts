// A running period is provisional: evaluation.get, report.get and report.trend say so, so a 不称职 from one
// rating this month is shown as 暂定, and a closed month is not (src/core/provisional.ts).
import type { ResultOf } from '@core/contract'
import type { Report, WorkerTrend } from '@core/reports'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { OPENID, X } from './support/smallOrg'
import { withKey } from './support/keys'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-12-06T02:00:00Z')) // 6 December 2026, 10:00 China time
})
afterEach(() => api.close())

const staff = (action: string, payload: object) => api.call({ action, payload }, OPENID.fushanStaff)

it('marks this month provisional everywhere, and last month not', async () => {
  // One resident at level 1: R = 0 (C = 0 over the only rating), total 0 -> 不称职, but only so far.
  dataOf(await api.call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 1 }) }, OPENID.resident))
  const december = dataOf<ResultOf<'evaluation.get'>>(await staff('evaluation.get', { period: '2026-12' }))
  expect(december.provisional).toBe(true)
  expect(december.rows.find((row) => row.workerCode === X)).toMatchObject({ total: 0, grade: '不称职' })
  expect(dataOf<ResultOf<'evaluation.get'>>(await staff('evaluation.get', { period: '2026-11' })).provisional).toBe(false)
  expect(dataOf<ResultOf<'evaluation.get'>>(await staff('evaluation.get', { period: '2026-H2' })).provisional).toBe(true)
  expect(dataOf<Report>(await staff('report.get', { kind: 'month', period: '2026-12' })).provisional).toBe(true)
  expect(dataOf<Report>(await staff('report.get', { kind: 'month', period: '2026-11' })).provisional).toBe(false)
  const trend = dataOf<WorkerTrend>(await staff('report.trend', { workerCode: X }))
  expect(trend.months.map((month) => month.provisional)).toEqual([...Array<boolean>(trend.months.length - 1).fill(false), true])
  expect(trend.months.at(-1)).toMatchObject({ period: '2026-12', grade: '不称职', provisional: true })
})

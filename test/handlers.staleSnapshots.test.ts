// A write into a closed period refreshes what its report shows: here a field session of 31 March ended
// on 1 April, after March's 02:00 snapshot. (Scores and sheets: handlers.sheetScores.test.ts; exclusions
// by review and appeal: handlers.reviews.test.ts, handlers.appeals.test.ts; which periods:
// staleSnapshotPeriods in src/core/periods.test.ts.)
import type { Report } from '@core/reports'
import { takeMissingSnapshots } from '@backend/reports/snapshotJob'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X } from './support/smallOrg'

const china = (iso: string) => new Date(`${iso}+08:00`)

let api: Harness
beforeEach(async () => {
  api = await createHarness(china('2026-03-31T22:00:00'))
})
afterEach(() => api.close())

const marchReport = async () => dataOf<Report>(await api.call({ action: 'report.get', payload: { kind: 'month', period: '2026-03' } }, OPENID.fushanStaff))

it('shows the March minutes of a session ended on 1 April, after March was snapshotted', async () => {
  expect((await api.call({ action: 'field.start', payload: { grid: '银泉花园' } }, OPENID.workerX)).ok).toBe(true)
  // 02:30 on 1 April: the nightly run takes March, while the session still runs (nothing logged yet).
  api.now = china('2026-04-01T02:30:00')
  await takeMissingSnapshots(api.store, api.now, Number.POSITIVE_INFINITY)
  expect(await api.store.snapshots.get(FUSHAN, '2026-03')).not.toBeNull()
  expect((await marchReport()).rows.find((r) => r.workerCode === X)?.gridTimeRatio).toBe(0)
  // 03:00: the worker ends it. March gets 22:00-24:00 = 120 minutes of its 22 working days x 480 =
  // 10560: 120 / 10560 = 0.01136 -> 0.011. April's 180 minutes count in April.
  api.now = china('2026-04-01T03:00:00')
  expect(await api.call({ action: 'field.end', payload: {} }, OPENID.workerX)).toMatchObject({ ok: true, data: { minutes: 300 } })
  expect(await api.store.snapshots.get(FUSHAN, '2026-03')).toBeNull()
  const march = await marchReport()
  expect(march.snapshotAt).toBeUndefined()
  expect(march.rows.find((r) => r.workerCode === X)?.gridTimeRatio).toBe(0.011)
})

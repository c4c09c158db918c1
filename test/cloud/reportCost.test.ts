// A year report on CloudBase (the built function on the real wx-server-sdk over the emulator, get() capped
// at 100 rows): a sub-district of 300 workers with a year of ratings, visits with their feedback, scores,
// field sessions and the hall rotas of its 20 communities for every month costs at most 20 database
// requests — the grid time comes from the workers' field states (their minutes per month, 100 states a
// read), never from their sessions, visits or rating times; the hall days from one read of the rotas.
import { yearReportInCloud } from '../support/cloudYearReport'

it("reports a year of a 300-worker sub-district in at most 20 database requests, with each worker's grid time as logged", async () => {
  // Two sessions a month per worker, 08:30 China time (00:30 UTC) to 04:MM UTC, MM = the worker's index mod 60.
  const { requests, reply } = await yearReportInCloud({ workers: 300, year: '2025', sessionsPerMonth: 2, ratingsPerMonth: 1 })
  const report = (reply as { ok: boolean; data: { rows: Array<{ workerCode: string; gridTimeRatio: number | null; hallDays: number | null }> } }).data
  expect(report.rows).toHaveLength(300)
  // 2025 has 261 weekdays (it starts on a Wednesday: 52 weeks and one day), 261 × 480 = 125,280 working minutes.
  // Y0001 (index 0): 24 sessions of 210 minutes = 5,040 → 0.0402… → 0.040. Y0060 (index 59): 24 × 269 = 6,456 → 0.0515… → 0.052.
  const ratioOf = (code: string) => report.rows.find((row) => row.workerCode === code)?.gridTimeRatio
  expect([ratioOf('Y0001'), ratioOf('Y0060')]).toEqual([0.04, 0.052])
  // Each community of 15 has 4 on duty on each of the 261 working days: 1,044 duties dealt round the
  // cycle from its first worker month after month, 1,044 = 69 × 15 + 9 — its first 9 workers 70 days, the other 6 69.
  const hallDaysOf = (code: string) => report.rows.find((row) => row.workerCode === code)?.hallDays
  expect(['Y0001', 'Y0009', 'Y0010', 'Y0015', 'Y0016', 'Y0300'].map(hallDaysOf)).toEqual([70, 70, 69, 69, 70, 69])
  expect(report.rows.reduce((sum, row) => sum + (row.hallDays ?? 0), 0)).toBe(20 * 1044)

  const count = (request: string) => requests.filter((r) => r === request).length
  expect(count('database.getDocument field_states')).toBe(3) // 300 workers' states, 100 by _id a read
  expect(count('database.getDocument field_sessions') + count('database.getDocument visits') + count('database.getDocument resident_ratings')).toBe(0)
  expect(count('database.getDocument workers')).toBe(4) // read once: three full pages and an empty one
  expect(count('database.getDocument hall_rotas')).toBe(1) // 240 months of rotas, one document per community and year
  expect(requests.length).toBeLessThanOrEqual(20)
})

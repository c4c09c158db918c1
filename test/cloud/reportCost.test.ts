// A year report on CloudBase (the built function on the real wx-server-sdk over the emulator, get() capped
// at 100 rows): a sub-district of 300 workers with a year of ratings, visits with their feedback, scores and
// field sessions costs at most 20 database requests — the grid time comes from the workers' field states
// (their minutes per month, 100 states a read), never from their sessions, visits or rating times.
import { yearReportInCloud } from '../support/cloudYearReport'

it("reports a year of a 300-worker sub-district in at most 20 database requests, with each worker's grid time as logged", async () => {
  // Two sessions a month per worker, 08:30 China time (00:30 UTC) to 04:MM UTC, MM = the worker's index mod 60.
  const { requests, reply } = await yearReportInCloud({ workers: 300, year: '2025', sessionsPerMonth: 2, ratingsPerMonth: 1 })
  const report = (reply as { ok: boolean; data: { rows: Array<{ workerCode: string; gridTimeRatio: number | null }> } }).data
  expect(report.rows).toHaveLength(300)
  // 2025 has 261 weekdays (it starts on a Wednesday: 52 weeks and one day), 261 × 480 = 125,280 working minutes.
  // Y0001 (index 0): 24 sessions of 210 minutes = 5,040 → 0.0402… → 0.040. Y0060 (index 59): 24 × 269 = 6,456 → 0.0515… → 0.052.
  const ratioOf = (code: string) => report.rows.find((row) => row.workerCode === code)?.gridTimeRatio
  expect([ratioOf('Y0001'), ratioOf('Y0060')]).toEqual([0.04, 0.052])

  const count = (request: string) => requests.filter((r) => r === request).length
  expect(count('database.getDocument field_states')).toBe(3) // 300 workers' states, 100 by _id a read
  expect(count('database.getDocument field_sessions') + count('database.getDocument visits') + count('database.getDocument resident_ratings')).toBe(0)
  expect(count('database.getDocument workers')).toBe(4) // read once: three full pages and an empty one
  expect(requests.length).toBeLessThanOrEqual(20)
})

// The snapshot job's choice of periods and its bounded work, on the local runtime's store.
import { closedPeriods, takeMissingSnapshots } from '@backend/reports/snapshotJob'
import { untilNextNight } from '../server/nightlySnapshots'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { DEFAULT_SETTINGS } from '@core/settings'
import { smallOrg } from './support/smallOrg'

it('lists the closed periods of this year and the last, newest first', () => {
  // 2026-08-10 China time: 2026-01..07 and 2026-H1 are closed; 2026-H2 and 2026 are not; all of 2025 is.
  const periods = closedPeriods(new Date('2026-08-10T02:00:00Z'))
  expect(periods.slice(0, 8)).toEqual(['2026-07', '2026-H1', '2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01'])
  expect(periods.slice(8, 13)).toEqual(['2025', '2025-H2', '2025-12', '2025-11', '2025-10'])
  // 7 months + H1 of 2026, 12 months + 2 halves + the year of 2025
  expect(periods).toHaveLength(8 + 15)
  // 1 January 00:30 China time is still 31 December in UTC: 2025 is already closed.
  expect(closedPeriods(new Date('2025-12-31T16:30:00Z'))[0]).toBe('2025')
})

it('stops when its time budget is spent and leaves the rest for the next run', async () => {
  const store = new SqliteStore(':memory:')
  await store.putOrg(smallOrg())
  await store.saveSettings(DEFAULT_SETTINGS)
  const now = new Date('2026-02-10T02:00:00Z')
  // Closed: 2026-01, and 2025 with its halves and 12 months: 16 periods x 2 sub-districts = 32.
  let tick = 0
  const clock = () => (tick += 10) // every look at the clock is 10 ms later
  const first = await takeMissingSnapshots(store, now, 35, clock)
  // Checked before each snapshot at 10, 20, 30 ms after the start (< 35): 3 taken, then 40 ms stops it.
  expect(first).toEqual({ taken: 3, pending: 29 })
  // Newest first across sub-districts: January of both, then the year 2025 of the first one.
  expect(await store.snapshots.listTaken('sd-fushan', ['2026-01', '2025'])).toHaveLength(2)
  expect(await takeMissingSnapshots(store, now, Number.POSITIVE_INFINITY)).toEqual({ taken: 29, pending: 0 })
  store.close()
})

it('sleeps until the next 02:00 China time (18:00 UTC)', () => {
  expect(untilNextNight(new Date('2026-03-01T17:00:00Z'))).toBe(60 * 60 * 1000)
  expect(untilNextNight(new Date('2026-03-01T18:00:00Z'))).toBe(24 * 60 * 60 * 1000)
})

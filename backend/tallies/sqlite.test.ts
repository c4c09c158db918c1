// A new resident rating counts on its month's three tally rows (month, half-year, year) in one
// statement; the rows a period's first rating finds missing are created with its one count, and the
// rows that were there are counted once, not twice. Worker W001 of 浮山, one rater a rating.
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import type { Level } from '@core/types'
import { FUSHAN, X, smallOrg } from '../../test/support/smallOrg'

let store: SqliteStore
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  await store.putOrg(smallOrg())
})
afterEach(() => store.close())

async function rate(rater: string, month: string, level: Level): Promise<void> {
  await store.submitResidentRating(
    { id: `r-${rater}-${month}`, openid: rater, workerCode: X, subdistrictId: FUSHAN, month, level, comment: '', commentStatus: 'none', submittedAt: `${month}-10T02:00:00.000Z` },
    `key-${rater}-${month}`,
  )
}

async function residents(period: string): Promise<number[] | undefined> {
  return (await store.listTallies(FUSHAN, [period])).find((t) => t.workerCode === X)?.residents
}

it('counts each new rating once on each of its three rows, creating the missing ones', async () => {
  await rate('o-1', '2026-02', 4) // creates 2026-02, 2026-H1 and 2026
  await rate('o-2', '2026-03', 2) // 2026-03 is new; H1 and the year are there
  await rate('o-3', '2026-03', 2) // all three are there
  await rate('o-4', '2026-07', 5) // 2026-07 and 2026-H2 are new; the year is there
  expect(await residents('2026-02')).toEqual([0, 0, 0, 1, 0])
  expect(await residents('2026-03')).toEqual([0, 2, 0, 0, 0])
  expect(await residents('2026-H1')).toEqual([0, 2, 0, 1, 0])
  expect(await residents('2026-07')).toEqual([0, 0, 0, 0, 1])
  expect(await residents('2026-H2')).toEqual([0, 0, 0, 0, 1])
  expect(await residents('2026')).toEqual([0, 2, 0, 1, 1])
})

// A new resident rating counts on its month's three tally rows (month, half-year, year) in one
// statement, which builds no temporary B-tree; the rows a period's first rating finds missing are
// created with its one count, the rows that were there are counted once, not twice, and the rows of
// other months and years are not touched. Worker W001 of 浮山, one rater a rating.
import Database from 'better-sqlite3'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import type { Level } from '@core/types'
import { FUSHAN, X, smallOrg } from '../../test/support/smallOrg'
import { residentAddedSql } from './sqlite'

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

it('leaves the rows of the other months, halves and years as they were', async () => {
  await rate('o-1', '2025-12', 4)
  await rate('o-2', '2026-06', 4)
  await rate('o-3', '2026-07', 4)
  await rate('o-4', '2026-07', 4) // all three rows there: the one UPDATE alone
  await rate('o-5', '2026-12', 2)
  expect(await residents('2025-12')).toEqual([0, 0, 0, 1, 0])
  expect(await residents('2025-H2')).toEqual([0, 0, 0, 1, 0])
  expect(await residents('2025')).toEqual([0, 0, 0, 1, 0])
  expect(await residents('2026-06')).toEqual([0, 0, 0, 1, 0])
  expect(await residents('2026-H1')).toEqual([0, 0, 0, 1, 0])
  expect(await residents('2026-07')).toEqual([0, 0, 0, 2, 0])
  expect(await residents('2026-12')).toEqual([0, 1, 0, 0, 0])
  expect(await residents('2026-H2')).toEqual([0, 1, 0, 2, 0])
  expect(await residents('2026')).toEqual([0, 1, 0, 3, 0])
})

it('finds the three rows through one range of the key, without a temporary B-tree', () => {
  const db = new Database(store.image())
  const args = ['W001', '2026', '2026-H2', '2026-07', '2026-H2', '2026']
  const plan = db.prepare(`EXPLAIN ${residentAddedSql(3)}`).all(...args) as { opcode: string }[]
  expect(plan.map((step) => step.opcode)).not.toContain('OpenEphemeral')
  const query = db.prepare(`EXPLAIN QUERY PLAN ${residentAddedSql(3)}`).all(...args) as { detail: string }[]
  expect(query.map((step) => step.detail)).toEqual(['SEARCH tallies USING PRIMARY KEY (worker_code=? AND period>? AND period<?)'])
  db.close()
})

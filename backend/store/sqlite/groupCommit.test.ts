// Group commit in SqliteStore: writes that arrive together share one transaction, yet each one is
// answered for itself and a failing write takes none of the others down with it.
import { residentRatingId } from '../ids'
import { OTHER_SID, SID, orgOf, rating } from '../../../test/storeContract'
import { GroupCommit } from './groupCommit'
import { SqliteStore } from './sqliteStore'

const MONTH = '2026-03'
let store: SqliteStore
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  await store.putOrg(orgOf(SID, 2)) // workers W0001, W0002
})
afterEach(() => store.close())

const residentsOf = async (workerCode: string, period: string) =>
  (await store.listTallies(SID, [period])).find((t) => t.workerCode === workerCode)?.residents

it('answers each of several ratings submitted at once, in order, with its own result', async () => {
  const results = await Promise.all([
    store.submitResidentRating(rating('r1', 'W0001', MONTH, 5)),
    store.submitResidentRating(rating('r2', 'W0001', MONTH, 4)),
    store.submitResidentRating(rating('r1', 'W0001', MONTH, 2)), // r1 again, same month: replaces the 5
  ])
  expect(results).toEqual([{ replaced: false }, { replaced: false }, { replaced: true }])
  // r1 counts once, at level 2; r2 at level 4: [n1..n5] = [0, 1, 0, 1, 0] in the month, half-year and year.
  for (const period of ['2026-03', '2026-H1', '2026']) expect(await residentsOf('W0001', period)).toEqual([0, 1, 0, 1, 0])
})

it('rejects only the failing write of a batch and stores the others exactly once', async () => {
  const outcomes = await Promise.allSettled([
    store.submitResidentRating(rating('r1', 'W0001', MONTH, 5)),
    store.submitResidentRating(rating('r2', 'NO-SUCH-WORKER', MONTH, 3)), // breaks the workers foreign key
    store.submitResidentRating(rating('r3', 'W0002', MONTH, 1)),
  ])
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  // The batch was rolled back and each write redone alone: one count each, not two.
  expect(await residentsOf('W0001', '2026-03')).toEqual([0, 0, 0, 0, 1])
  expect(await residentsOf('W0002', '2026-03')).toEqual([1, 0, 0, 0, 0])
  expect(await store.listTallies(OTHER_SID, ['2026-03'])).toEqual([])
  expect(await store.getResidentRating(residentRatingId('r2', 'NO-SUCH-WORKER', MONTH))).toBeNull()
})

it('runs a write queued with runFirst ahead of the writes already waiting', async () => {
  const Database = (await import('better-sqlite3')).default
  const db = new Database(':memory:')
  db.exec('CREATE TABLE log (n INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT NOT NULL)')
  const commits = new GroupCommit(db)
  const add = (what: string) => () => db.prepare('INSERT INTO log (what) VALUES (?)').run(what).lastInsertRowid
  const inTransaction: boolean[] = []
  const written = Promise.all([
    commits.run(add('a')),
    commits.run(add('b')),
    commits.runFirst(() => {
      inTransaction.push(db.inTransaction)
      return add('first')()
    }),
  ])
  // Rowids in the order the writes ran: 'first' before 'a' and 'b', inside the group's transaction.
  expect(await written).toEqual([2, 3, 1])
  expect(inTransaction).toEqual([true])
  expect(db.prepare('SELECT what FROM log ORDER BY n').pluck().all()).toEqual(['first', 'a', 'b'])
  db.close()
})

// A DATA_DIR made while ratings, feedback and cases were WITHOUT ROWID tables opens with them rebuilt as
// rowid tables: every row, column and index kept, and the one-row-per-id rule still holding.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SID, feedback, orgOf, rating } from '../../../test/storeContract'
import type { CaseRecord } from '../../cases/store'
import { rebuildAsRowidTable } from './rowidTables'
import { SqliteStore } from './sqliteStore'

const TABLES = ['resident_ratings', 'feedback', 'cases']
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rowid-tables-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const kase: CaseRecord = {
  id: 'case-1',
  ref: { kind: 'resident', id: rating('r1', 'W0001', '2026-03', 1).id },
  raterOpenid: 'r1',
  workerCode: 'W0001',
  communityId: `${SID}-c1`,
  subdistrictId: SID,
  month: '2026-03',
  level: 1,
  openedAt: '2026-03-10T02:00:00.000Z',
  callbackDue: '2026-03-12',
  rectifyDue: '2026-03-17',
  version: 1,
}

/** The tables as the earlier version made them: the same CREATE statements, WITHOUT ROWID. */
function asEarlierVersion(file: string): void {
  const db = new Database(file)
  for (const table of TABLES) {
    const { sql } = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)!
    const indexes = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table)
    db.exec(`ALTER TABLE ${table} RENAME TO old_${table}`)
    db.exec(`${sql} WITHOUT ROWID`)
    db.exec(`INSERT INTO ${table} SELECT * FROM old_${table}; DROP TABLE old_${table}`)
    for (const index of indexes) db.exec(index.sql)
  }
  db.close()
}

const shapeOf = (file: string) => {
  const db = new Database(file, { readonly: true })
  const rows = db.prepare("SELECT type, name, tbl_name AS tableName FROM sqlite_master WHERE tbl_name IN ('resident_ratings', 'feedback', 'cases') ORDER BY name").all()
  const withoutRowid = TABLES.filter((t) => /WITHOUT ROWID/i.test(db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = ?").get(t)!.sql))
  db.close()
  return { rows, withoutRowid }
}

it('rebuilds the three tables of an earlier DATA_DIR, keeping rows, tallies, indexes and uniqueness', async () => {
  const file = join(dir, 'community-3456.db')
  const first = new SqliteStore(file)
  await first.putOrg(orgOf(SID, 2))
  await first.submitResidentRating(rating('r1', 'W0001', '2026-03', 1))
  await first.submitResidentRating(rating('r2', 'W0001', '2026-03', 4))
  await first.submitFeedback(feedback('visit-1', 'W0002', '2026-03', 5))
  await first.cases.open(kase)
  first.close()
  const made = shapeOf(file)
  asEarlierVersion(file)
  expect(shapeOf(file).withoutRowid).toEqual(TABLES)

  const store = new SqliteStore(file)
  // Opened again: rowid tables, with the same tables and indexes by name.
  expect(shapeOf(file)).toEqual(made)
  expect(made.withoutRowid).toEqual([])
  expect((await store.getResidentRating(rating('r2', 'W0001', '2026-03', 4).id))?.level).toBe(4)
  expect(await store.cases.get('case-1')).toEqual(kase)
  expect((await store.cases.listByWorker('W0001')).map((c) => c.id)).toEqual(['case-1'])
  // r1 rates again in March: the same row is replaced, not a second one (1 -> 5); r2's 4 stays.
  expect(await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 5))).toEqual({ replaced: true })
  const march = (await store.listTallies(SID, ['2026-03'])).find((t) => t.workerCode === 'W0001')
  expect(march?.residents).toEqual([0, 0, 0, 1, 1])
  // A second case for the same rating is refused, as before.
  expect(await store.cases.open({ ...kase, level: 2 })).toBe(false)
  store.close()
})

it('leaves a rowid table alone', () => {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL, v INTEGER); INSERT INTO t VALUES (\'a\', 1)')
  const before = db.prepare('SELECT sql FROM sqlite_master').all()
  rebuildAsRowidTable(db, 't')
  rebuildAsRowidTable(db, 'missing')
  expect(db.prepare('SELECT sql FROM sqlite_master').all()).toEqual(before)
  expect(db.prepare('SELECT rowid, id, v FROM t').all()).toEqual([{ rowid: 1, id: 'a', v: 1 }])
})

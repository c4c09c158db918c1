// The SQLite side of CaseStore (backend/cases/store.ts): one row per case (a rowid table, so an opening
// appends: store/sqlite/rowidTables.ts), the record as JSON beside the columns a query reads;
// `INSERT OR IGNORE` refuses a second case of one rating (its id is ratingRefId(ref)),
// `UPDATE … WHERE version = ?` is the compare-and-set of every step.
import type Database from 'better-sqlite3'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import { positionalRun } from '../store/sqlite/positional'
import { rebuildAsRowidTable } from '../store/sqlite/rowidTables'
import { type CaseRecord, type CaseStore, newestFirst } from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY NOT NULL,
  worker_code TEXT NOT NULL,
  community_id TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  rater_openid TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_by_worker ON cases (worker_code);
CREATE INDEX IF NOT EXISTS cases_by_community ON cases (community_id);
CREATE INDEX IF NOT EXISTS cases_by_subdistrict ON cases (subdistrict_id);
CREATE INDEX IF NOT EXISTS cases_by_rater ON cases (rater_openid);
DROP INDEX IF EXISTS cases_by_contact_at;
CREATE INDEX IF NOT EXISTS cases_with_contact_at ON cases (json_extract(json, '$.contactAt')) WHERE json_extract(json, '$.contactAt') IS NOT NULL;
`

type Column = 'worker_code' | 'community_id' | 'subdistrict_id' | 'rater_openid'

export class SqliteCaseStore implements CaseStore {
  private readonly stmt

  constructor(
    readonly db: Database.Database,
    /** Cases open with the ratings arriving beside them, sharing their COMMIT (backend/store/sqlite/groupCommit.ts). */
    private readonly commits: GroupCommit,
    /** Writes the cases queued after their ratings (sqlitePendingOpenings.ts): every read and update calls it first. */
    private readonly settle: () => void = () => undefined,
  ) {
    rebuildAsRowidTable(db, 'cases')
    db.exec(SCHEMA)
    const by = (column: Column) => db.prepare<[string], { json: string }>(`SELECT json FROM cases WHERE ${column} = ?`)
    this.stmt = {
      insert: positionalRun<{ id: string; workerCode: string; communityId: string; subdistrictId: string; raterOpenid: string; version: number; json: string }>(
        db,
        `INSERT OR IGNORE INTO cases (id, worker_code, community_id, subdistrict_id, rater_openid, version, json)
         VALUES (@id, @workerCode, @communityId, @subdistrictId, @raterOpenid, @version, @json)`,
      ),
      get: db.prepare<[string], { json: string }>('SELECT json FROM cases WHERE id = ?'),
      byWorker: by('worker_code'),
      byCommunity: by('community_id'),
      bySubdistrict: by('subdistrict_id'),
      unrectified: db.prepare<[string], { json: string }>(`SELECT json FROM cases WHERE subdistrict_id = ? AND json_extract(json, '$.rectification') IS NULL`),
      byRater: by('rater_openid'),
      update: db.prepare<{ id: string; version: number; json: string }>('UPDATE cases SET version = @version, json = @json WHERE id = @id AND version = @version - 1'),
      // contactAt is kept only while the number is (store.ts), so this finds exactly what to erase. The
      // index holds only cases that have one: a case opening writes no page of it.
      phonesBefore: db.prepare<[string], { json: string }>(`SELECT json FROM cases WHERE json_extract(json, '$.contactAt') < ?`),
    }
  }

  async open(record: CaseRecord): Promise<boolean> {
    return this.commits.run(() => this.openNow(record))
  }

  /** Inside a transaction: open() (a whole submit opens its case in its own: ratings/sqliteOneTransaction.ts). */
  openNow(record: CaseRecord): boolean {
    const { id, workerCode, communityId, subdistrictId, raterOpenid, version } = record
    return this.stmt.insert({ id, workerCode, communityId, subdistrictId, raterOpenid, version, json: JSON.stringify(record) }).changes === 1
  }

  async get(id: string): Promise<CaseRecord | null> {
    this.settle()
    const row = this.stmt.get.get(id)
    return row === undefined ? null : (JSON.parse(row.json) as CaseRecord)
  }

  private list(stmt: Database.Statement<[string], { json: string }>, key: string): CaseRecord[] {
    this.settle()
    return stmt.all(key).map((row) => JSON.parse(row.json) as CaseRecord).sort(newestFirst)
  }

  async listByWorker(workerCode: string): Promise<CaseRecord[]> {
    return this.list(this.stmt.byWorker, workerCode)
  }

  async listByCommunity(communityId: string): Promise<CaseRecord[]> {
    return this.list(this.stmt.byCommunity, communityId)
  }

  async listBySubdistrict(subdistrictId: string): Promise<CaseRecord[]> {
    return this.list(this.stmt.bySubdistrict, subdistrictId)
  }

  async listUnrectified(subdistrictId: string): Promise<CaseRecord[]> {
    return this.list(this.stmt.unrectified, subdistrictId)
  }

  async listByRater(openid: string): Promise<CaseRecord[]> {
    return this.list(this.stmt.byRater, openid)
  }

  async listPhonesLeftBefore(before: string): Promise<CaseRecord[]> {
    return this.list(this.stmt.phonesBefore, before)
  }

  async update(next: CaseRecord): Promise<boolean> {
    this.settle()
    return this.stmt.update.run({ id: next.id, version: next.version, json: JSON.stringify(next) }).changes === 1
  }
}

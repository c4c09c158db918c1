// The SQLite side of VisitStore (cloudfunctions/api/src/stores/visits.ts). Creates its own table.
import type Database from 'better-sqlite3'
import type { VisitRecord, VisitStore } from '../../cloudfunctions/api/src/stores/visits'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS visits (
  visit_code TEXT PRIMARY KEY,
  worker_code TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  community_id TEXT NOT NULL,
  type TEXT NOT NULL,
  place TEXT NOT NULL,
  note TEXT NOT NULL,
  at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS visits_by_worker ON visits (worker_code, at);
`

const SELECT = `SELECT visit_code AS visitCode, worker_code AS workerCode, subdistrict_id AS subdistrictId,
  community_id AS communityId, type, place, note, at FROM visits`

export class SqliteVisitStore implements VisitStore {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      put: db.prepare<VisitRecord>(`INSERT INTO visits (visit_code, worker_code, subdistrict_id, community_id, type, place, note, at)
        VALUES (@visitCode, @workerCode, @subdistrictId, @communityId, @type, @place, @note, @at)`),
      get: db.prepare<[string], VisitRecord>(`${SELECT} WHERE visit_code = ?`),
      list: db.prepare<[string, string, string], VisitRecord>(`${SELECT} WHERE worker_code = ? AND at >= ? AND at < ? ORDER BY at, visit_code`),
    }
  }

  async putVisit(visit: VisitRecord): Promise<void> {
    this.stmt.put.run(visit)
  }

  async getVisit(visitCode: string): Promise<VisitRecord | null> {
    return this.stmt.get.get(visitCode) ?? null
  }

  async listVisits(workerCode: string, from: string, to: string): Promise<VisitRecord[]> {
    return this.stmt.list.all(workerCode, from, to)
  }
}

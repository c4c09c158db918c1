// The SQLite side of SnapshotStore (backend/reports/store.ts): one row per sub-district
// and period, the evaluation kept as JSON (it is read whole, never queried inside). Creates its own table.
import type Database from 'better-sqlite3'
import type { EvaluationSnapshot, SnapshotStore } from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS evaluation_snapshots (
  subdistrict_id TEXT NOT NULL,
  period TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (subdistrict_id, period)
) WITHOUT ROWID;
`

export class SqliteSnapshotStore implements SnapshotStore {
  private readonly stmt

  constructor(readonly db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      put: db.prepare<[string, string, string, string]>(
        `INSERT INTO evaluation_snapshots (subdistrict_id, period, taken_at, json) VALUES (?, ?, ?, ?)
         ON CONFLICT (subdistrict_id, period) DO UPDATE SET taken_at = excluded.taken_at, json = excluded.json`,
      ),
      get: db.prepare<[string, string], { json: string }>('SELECT json FROM evaluation_snapshots WHERE subdistrict_id = ? AND period = ?'),
      taken: db.prepare<[string, string], { period: string }>(
        'SELECT period FROM evaluation_snapshots WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))',
      ),
      list: db.prepare<[string, string], { json: string }>(
        'SELECT json FROM evaluation_snapshots WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))',
      ),
      drop: db.prepare<[string, string]>('DELETE FROM evaluation_snapshots WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))'),
    }
  }

  async put(snapshot: EvaluationSnapshot): Promise<void> {
    this.stmt.put.run(snapshot.subdistrictId, snapshot.period, snapshot.takenAt, JSON.stringify(snapshot))
  }

  async get(subdistrictId: string, period: string): Promise<EvaluationSnapshot | null> {
    const row = this.stmt.get.get(subdistrictId, period)
    return row === undefined ? null : (JSON.parse(row.json) as EvaluationSnapshot)
  }

  async listTaken(subdistrictId: string, periods: string[]): Promise<string[]> {
    if (periods.length === 0) return []
    return this.stmt.taken.all(subdistrictId, JSON.stringify(periods)).map((row) => row.period)
  }

  async list(subdistrictId: string, periods: string[]): Promise<EvaluationSnapshot[]> {
    if (periods.length === 0) return []
    return this.stmt.list.all(subdistrictId, JSON.stringify(periods)).map((row) => JSON.parse(row.json) as EvaluationSnapshot)
  }

  async drop(subdistrictId: string, periods: string[]): Promise<void> {
    if (periods.length === 0) return
    this.stmt.drop.run(subdistrictId, JSON.stringify(periods))
  }
}

// The SQLite side of SheetStore (backend/sheets/store.ts): one row per (sub-district, kind,
// period) holding the sheet as JSON and its version; putSheet is an INSERT (version 1) or an UPDATE that
// matches the previous version, so of two writes from the same version exactly one lands.
import type Database from 'better-sqlite3'
import type { SheetKind } from '@core/sheets'
import { type SheetRecord, type SheetStore, type YearEndScore, yearEndScoresOf } from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sheets (
  subdistrict_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (subdistrict_id, kind, period)
) WITHOUT ROWID;
`

interface SheetRow {
  subdistrict_id: string
  kind: string
  period: string
  version: number
  json: string
}

export class SqliteSheetStore implements SheetStore {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      get: db.prepare<[string, string, string], { json: string }>('SELECT json FROM sheets WHERE subdistrict_id = ? AND kind = ? AND period = ?'),
      insert: db.prepare<SheetRow>(
        'INSERT OR IGNORE INTO sheets (subdistrict_id, kind, period, version, json) VALUES (@subdistrict_id, @kind, @period, @version, @json)',
      ),
      update: db.prepare<SheetRow>(
        `UPDATE sheets SET version = @version, json = @json
          WHERE subdistrict_id = @subdistrict_id AND kind = @kind AND period = @period AND version = @version - 1`,
      ),
    }
  }

  async getSheet(subdistrictId: string, kind: SheetKind, period: string): Promise<SheetRecord | null> {
    const row = this.stmt.get.get(subdistrictId, kind, period)
    return row === undefined ? null : (JSON.parse(row.json) as SheetRecord)
  }

  async putSheet(sheet: SheetRecord): Promise<boolean> {
    const row: SheetRow = { subdistrict_id: sheet.subdistrictId, kind: sheet.kind, period: sheet.period, version: sheet.version, json: JSON.stringify(sheet) }
    const result = sheet.version === 1 ? this.stmt.insert.run(row) : this.stmt.update.run(row)
    return result.changes === 1
  }

  async listYearEnd(subdistrictId: string, year: string): Promise<YearEndScore[]> {
    return yearEndScoresOf(await this.getSheet(subdistrictId, 'yearEnd', year))
  }
}

// The SQLite side of HallStore (store.ts): one row per (community, month), the record as JSON beside
// the columns a query reads; `INSERT OR IGNORE` for a rota's first version, `UPDATE … WHERE version = n - 1`
// for every later one (the compare-and-set). By month, not by year as on CloudBase: a local read costs
// no request, and a row per month keeps each write to its own month.
import type Database from 'better-sqlite3'
import type { HallRotaRecord, HallStore, RotaDays } from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS hall_rotas (
  community_id TEXT NOT NULL,
  month TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (community_id, month)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS hall_rotas_by_subdistrict ON hall_rotas (subdistrict_id, month);
`

export class SqliteHallStore implements HallStore {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      get: db.prepare<[string, string], { json: string }>('SELECT json FROM hall_rotas WHERE community_id = ? AND month = ?'),
      insert: db.prepare<{ communityId: string; month: string; subdistrictId: string; version: number; json: string }>(
        'INSERT OR IGNORE INTO hall_rotas (community_id, month, subdistrict_id, version, json) VALUES (@communityId, @month, @subdistrictId, @version, @json)',
      ),
      update: db.prepare<{ communityId: string; month: string; version: number; json: string }>(
        'UPDATE hall_rotas SET version = @version, json = @json WHERE community_id = @communityId AND month = @month AND version = @version - 1',
      ),
      byCommunity: db.prepare<[string, string], { json: string }>('SELECT json FROM hall_rotas WHERE community_id = ? AND month IN (SELECT value FROM json_each(?)) ORDER BY month'),
      bySubdistrict: db.prepare<[string, string], { json: string }>(
        'SELECT json FROM hall_rotas WHERE subdistrict_id = ? AND month IN (SELECT value FROM json_each(?)) ORDER BY community_id, month',
      ),
    }
  }

  async getRota(communityId: string, month: string): Promise<HallRotaRecord | null> {
    const row = this.stmt.get.get(communityId, month)
    return row === undefined ? null : (JSON.parse(row.json) as HallRotaRecord)
  }

  async putRota(rota: HallRotaRecord): Promise<boolean> {
    const { communityId, month, subdistrictId, version } = rota
    const json = JSON.stringify(rota)
    if (version === 1) return this.stmt.insert.run({ communityId, month, subdistrictId, version, json }).changes === 1
    return this.stmt.update.run({ communityId, month, version, json }).changes === 1
  }

  async listRotaDays(where: { communityId: string } | { subdistrictId: string }, months: readonly string[]): Promise<RotaDays[]> {
    const list = JSON.stringify(months)
    const rows = 'communityId' in where ? this.stmt.byCommunity.all(where.communityId, list) : this.stmt.bySubdistrict.all(where.subdistrictId, list)
    return rows.map((row) => {
      const { communityId, subdistrictId, month, days } = JSON.parse(row.json) as HallRotaRecord
      return { communityId, subdistrictId, month, days }
    })
  }
}

// The SQLite side of ContentReportStore (store.ts): one row per report, the record as JSON beside the
// columns a query reads; `INSERT OR IGNORE` on the id keeps one report per reporter and item.
import type Database from 'better-sqlite3'
import { type ContentReportRecord, type ContentReportStore, type ReportedKind, oldestFirst } from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS content_reports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  status TEXT NOT NULL,
  json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS content_reports_open ON content_reports (subdistrict_id) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS content_reports_item ON content_reports (kind, item_id) WHERE status = 'open';
`

export class SqliteContentReportStore implements ContentReportStore {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      insert: db.prepare<{ id: string; kind: string; itemId: string; subdistrictId: string; json: string }>(
        `INSERT OR IGNORE INTO content_reports (id, kind, item_id, subdistrict_id, status, json) VALUES (@id, @kind, @itemId, @subdistrictId, 'open', @json)`,
      ),
      get: db.prepare<[string], { status: string; json: string }>('SELECT status, json FROM content_reports WHERE id = ?'),
      open: db.prepare<[string], { status: string; json: string }>("SELECT status, json FROM content_reports WHERE subdistrict_id = ? AND status = 'open'"),
      close: db.prepare<[string, string]>("UPDATE content_reports SET status = 'closed' WHERE kind = ? AND item_id = ? AND status = 'open'"),
    }
  }

  async file(report: ContentReportRecord): Promise<boolean> {
    const { id, kind, itemId, subdistrictId } = report
    return this.stmt.insert.run({ id, kind, itemId, subdistrictId, json: JSON.stringify({ ...report, status: 'open' }) }).changes === 1
  }

  async get(id: string): Promise<ContentReportRecord | null> {
    const row = this.stmt.get.get(id)
    return row === undefined ? null : recordOf(row)
  }

  async listOpen(subdistrictId: string): Promise<ContentReportRecord[]> {
    return this.stmt.open.all(subdistrictId).map(recordOf).sort(oldestFirst)
  }

  async close(kind: ReportedKind, itemId: string): Promise<number> {
    return this.stmt.close.run(kind, itemId).changes
  }
}

/** The status column is the one a close updates: it wins over the JSON's. */
function recordOf(row: { status: string; json: string }): ContentReportRecord {
  return { ...(JSON.parse(row.json) as ContentReportRecord), status: row.status === 'open' ? 'open' : 'closed' }
}

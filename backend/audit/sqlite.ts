// The SQLite side of AuditStore (backend/audit/store.ts): one row per entry, the entry as
// JSON beside the columns a filter reads; ids sort as time does, so newest first is `ORDER BY id DESC`.
import type Database from 'better-sqlite3'
import { auditSuffix } from '../store/ids'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import {
  type AuditDraft,
  type AuditEntry,
  type AuditFilter,
  type AuditPage,
  type AuditStore,
  auditEntryId,
} from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  subdistrict_id TEXT,
  json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS audit_by_subdistrict ON audit (subdistrict_id, id);
CREATE INDEX IF NOT EXISTS audit_by_action ON audit (action, id);
`

interface FilterParams {
  action: string | null
  subdistrictId: string | null
  from: string | null
  to: string | null
  before: string | null
  limit: number
}

export class SqliteAuditStore implements AuditStore {
  private readonly stmt

  constructor(
    db: Database.Database,
    /** Entries are written with the ratings and cases arriving beside them, sharing their COMMIT (groupCommit.ts). */
    private readonly commits: GroupCommit,
    /** Writes the cases queued after their ratings, with their entries (cases/sqlitePendingOpenings.ts): a listing calls it first. */
    private readonly settle: () => void = () => undefined,
  ) {
    db.exec(SCHEMA)
    this.stmt = {
      insert: db.prepare<[string, string, string, string | null, string]>(
        'INSERT OR IGNORE INTO audit (id, at, action, subdistrict_id, json) VALUES (?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[string], { json: string }>('SELECT json FROM audit WHERE id = ?'),
      list: db.prepare<FilterParams, { json: string }>(
        `SELECT json FROM audit
          WHERE (@action IS NULL OR action = @action) AND (@subdistrictId IS NULL OR subdistrict_id = @subdistrictId)
            AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) AND (@before IS NULL OR id < @before)
          ORDER BY id DESC LIMIT @limit`,
      ),
    }
  }

  async append(draft: AuditDraft, key?: string): Promise<AuditEntry> {
    return this.commits.run(() => this.appendNow(draft, key))
  }

  /** Inside a transaction: append() (a whole submit audits its case in its own: ratings/sqliteOneTransaction.ts). */
  appendNow(draft: AuditDraft, key?: string): AuditEntry {
    const entry: AuditEntry = { id: auditEntryId(draft.at, auditSuffix(key)), ...draft }
    const json = JSON.stringify(entry)
    if (this.stmt.insert.run(entry.id, entry.at, entry.action, entry.subdistrictId ?? null, json).changes === 1) return entry
    return JSON.parse(this.stmt.get.get(entry.id)?.json ?? json) as AuditEntry
  }

  async list(filter: AuditFilter, page: { limit: number; before?: string }): Promise<AuditPage> {
    this.settle()
    const limit = Math.max(1, Math.min(99, Math.floor(page.limit)))
    const rows = this.stmt.list.all({
      action: filter.action ?? null,
      subdistrictId: filter.subdistrictId ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      before: page.before ?? null,
      limit: limit + 1,
    })
    const entries = rows.slice(0, limit).map((row) => JSON.parse(row.json) as AuditEntry)
    return rows.length > limit ? { entries, next: entries[entries.length - 1].id } : { entries }
  }
}

// The settings in force: the one `settings` row (schema.ts), which getSettings reads and saveSettings and
// settings.save (backend/settings/sqlite.ts) write. Every bad rating reads it (its case's calendar), and it
// changes seldom, so it is kept parsed until a save through this store; the process is the only writer
// of its DATA_DIR, as the cached workers assume (orgRecords.ts). Frozen: every caller gets the same object.
import type Database from 'better-sqlite3'
import type { Settings } from '@core/types'

export class SqliteSettingsRow {
  private readonly stmt
  private parsed: Settings | null = null

  constructor(db: Database.Database) {
    this.stmt = {
      get: db.prepare<[], { json: string }>('SELECT json FROM settings WHERE id = 1'),
      save: db.prepare<[string]>('INSERT INTO settings (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json'),
    }
  }

  get(): Settings | null {
    if (this.parsed !== null) return this.parsed
    const row = this.stmt.get.get()
    if (row === undefined) return null
    this.parsed = deepFrozen(JSON.parse(row.json) as Settings)
    return this.parsed
  }

  save(settings: Settings): void {
    this.stmt.save.run(JSON.stringify(settings))
    this.forget()
  }

  /** After the row was written some other way (settings.save). */
  forget(): void {
    this.parsed = null
  }
}

function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFrozen(inner)
    Object.freeze(value)
  }
  return value
}

// The SQLite side of SettingsStore (backend/settings/store.ts). The settings in force stay
// in the `settings` row of backend/store/sqlite/schema.ts (what getSettings reads); this adds the append-only history
// `settings_versions`. A save writes the history row and the row in force in one transaction.
import type Database from 'better-sqlite3'
import type { Settings } from '@core/types'
import type { CurrentSettings, SettingsSaver, SettingsStore, SettingsVersionRecord } from './store'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings_versions (
  version INTEGER PRIMARY KEY,
  json TEXT NOT NULL,
  previous TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL
);
`

interface VersionRow {
  version: number
  json: string
  previous: string
  saved_at: string
  saved_by: string
}

const recordOf = (row: VersionRow): SettingsVersionRecord => ({
  version: row.version,
  settings: JSON.parse(row.json) as Settings,
  previous: JSON.parse(row.previous) as Settings,
  savedAt: row.saved_at,
  savedBy: JSON.parse(row.saved_by) as SettingsSaver,
})

export class SqliteSettingsStore implements SettingsStore {
  private readonly stmt
  private readonly saveTx

  constructor(
    db: Database.Database,
    /** Told after every save: the store keeps the settings in force parsed (sqliteStore.ts). */
    private readonly saved: () => void = () => undefined,
  ) {
    db.exec(SCHEMA)
    this.stmt = {
      inForce: db.prepare<[], { json: string }>('SELECT json FROM settings WHERE id = 1'),
      latest: db.prepare<[], VersionRow>('SELECT * FROM settings_versions ORDER BY version DESC LIMIT 1'),
      all: db.prepare<[], VersionRow>('SELECT * FROM settings_versions ORDER BY version'),
      insert: db.prepare<VersionRow>(
        'INSERT INTO settings_versions (version, json, previous, saved_at, saved_by) VALUES (@version, @json, @previous, @saved_at, @saved_by)',
      ),
      replace: db.prepare<[string]>('UPDATE settings SET json = ? WHERE id = 1'),
    }
    this.saveTx = db.transaction((settings: Settings, savedAt: string, savedBy: SettingsSaver): number => {
      const inForce = this.stmt.inForce.get()
      if (inForce === undefined) throw new Error('settings.save before setup: no settings in force')
      const version = (this.stmt.latest.get()?.version ?? 1) + 1
      const json = JSON.stringify(settings)
      this.stmt.insert.run({ version, json, previous: inForce.json, saved_at: savedAt, saved_by: JSON.stringify(savedBy) })
      this.stmt.replace.run(json)
      return version
    })
  }

  async current(): Promise<CurrentSettings | null> {
    const inForce = this.stmt.inForce.get()
    if (inForce === undefined) return null
    const latest = this.stmt.latest.get()
    const settings = JSON.parse(inForce.json) as Settings
    if (latest === undefined) return { version: 1, settings }
    const { version, savedAt, savedBy } = recordOf(latest)
    return { version, settings, savedAt, savedBy }
  }

  async save(settings: Settings, savedAt: string, savedBy: SettingsSaver): Promise<{ version: number }> {
    const version = this.saveTx(settings, savedAt, savedBy)
    this.saved()
    return { version }
  }

  async history(): Promise<SettingsVersionRecord[]> {
    return this.stmt.all.all().map(recordOf)
  }
}

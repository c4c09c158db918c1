// The settings in force and their history (DESIGN section 3). Part of the Store
// (backend/store/index.ts): implemented by backend/settings/sqlite.ts (SQLite) and backend/settings/cloudbase.ts
// (CloudBase), checked by test/storeContracts/settings.ts. Version 1 is what setup saved; every save
// appends version n + 1 with who saved it, when, and the values it replaced. Nothing is ever rewritten.
import type { Settings } from '@core/types'

export interface SettingsSaver {
  openid: string
  name: string
}

/** One saved version of the settings history (2, 3, …). */
export interface SettingsVersionRecord {
  version: number
  settings: Settings
  /** The settings this version replaced. */
  previous: Settings
  savedAt: string
  savedBy: SettingsSaver
}

export interface CurrentSettings {
  version: number
  settings: Settings
  savedAt?: string
  savedBy?: SettingsSaver
}

export interface SettingsStore {
  /** The settings in force with their version; null before setup has saved the first ones. */
  current(): Promise<CurrentSettings | null>
  /** Makes `settings` the version in force (the previous version + 1) and keeps it in the history. */
  save(settings: Settings, savedAt: string, savedBy: SettingsSaver): Promise<{ version: number }>
  /** Every saved version, oldest first (version 1, saved by setup, has no entry). */
  history(): Promise<SettingsVersionRecord[]>
}

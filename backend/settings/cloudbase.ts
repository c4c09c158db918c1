// The CloudBase side of SettingsStore (store.ts), without transactions:
// - `settings/current` holds the settings in force (what getSettings reads, one document) and its
//   `settingsVersion` (absent: version 1, saved by setup);
// - `settings_versions` is the append-only history, _id = the version number padded, so `add` refusing a
//   taken _id lets exactly one of two saves racing from version n make n + 1.
// A save appends version n + 1, then moves `current` from n to n + 1 by compare-and-set. An instance
// dying between the two leaves the history one ahead: the next save finds n + 1 taken, rolls `current`
// forward to it and tries again, so `current` always ends up at the newest version.
import type { Settings } from '@core/types'
import type { CloudCollections, SettingsDoc } from '../store/cloudbase/collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import type { CurrentSettings, SettingsSaver, SettingsStore, SettingsVersionRecord } from './store'

const CURRENT_ID = 'current'
/** Lost races before giving up; each loss means another save came first. */
const MAX_ATTEMPTS = 8

/** Sorts in version order: 00000002 < 00000010. */
export const settingsVersionId = (version: number): string => String(version).padStart(8, '0')

const versionOf = (doc: SettingsDoc): number => doc.settingsVersion ?? 1

export class CloudSettingsStore implements SettingsStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  private inForce(): Promise<WithId<SettingsDoc> | null> {
    return getOrNull(this.db.collection('settings').doc(CURRENT_ID))
  }

  /** Moves `current` from `from` to the saved version; a no-op when another write moved it already. */
  private async advance(from: SettingsDoc, to: SettingsVersionRecord): Promise<void> {
    const _ = this.db.command
    const where = { _id: CURRENT_ID, settingsVersion: from.settingsVersion === undefined ? _.exists(false) : from.settingsVersion } as never
    const data = { value: _.set(to.settings), settingsVersion: to.version, savedAt: to.savedAt, savedBy: _.set(to.savedBy) } as never
    await this.db.collection('settings').where(where).update({ data })
  }

  async current(): Promise<CurrentSettings | null> {
    const doc = await this.inForce()
    if (doc === null) return null
    return { version: versionOf(doc), settings: doc.value, savedAt: doc.savedAt, savedBy: doc.savedBy }
  }

  async save(settings: Settings, savedAt: string, savedBy: SettingsSaver): Promise<{ version: number }> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const doc = await this.inForce()
      if (doc === null) throw new Error('settings.save before setup: no settings in force')
      const record: SettingsVersionRecord = { version: versionOf(doc) + 1, settings, previous: doc.value, savedAt, savedBy }
      try {
        await this.db.collection('settings_versions').add({ data: { ...record, _id: settingsVersionId(record.version) } })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        const taken = await getOrNull(this.db.collection('settings_versions').doc(settingsVersionId(record.version)))
        if (taken !== null) await this.advance(doc, taken)
        continue
      }
      await this.advance(doc, record)
      return { version: record.version }
    }
    throw new Error('settings.save: too many concurrent saves')
  }

  async history(): Promise<SettingsVersionRecord[]> {
    const docs = await listAll(this.db, 'settings_versions', {})
    return docs.map(({ _id, ...record }) => record)
  }
}

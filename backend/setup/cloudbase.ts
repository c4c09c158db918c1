// The setup's progress on CloudBase: one document, `settings/setup`, beside the settings in force
// (`settings/current`, which nothing else of the collection is confused with: both are read by `_id`).
// Server-only like every collection but public cards (trust rule 2), so the demo's visit-code seed stays secret.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull } from '../store/cloudbase/db'
import type { SetupProgress, SetupProgressStore } from './store'

const PROGRESS_ID = 'setup'

type ProgressDb = CloudDb<{ settings: SetupProgress }>

export class CloudSetupProgressStore implements SetupProgressStore {
  private readonly db: ProgressDb

  constructor(db: CloudDb<CloudCollections>) {
    // The same collection holds the settings (SettingsDoc) under another `_id`.
    this.db = db as unknown as ProgressDb
  }

  async get(): Promise<SetupProgress | null> {
    const doc = await getOrNull(this.db.collection('settings').doc(PROGRESS_ID))
    return doc === null ? null : { demo: doc.demo }
  }

  async save(progress: SetupProgress): Promise<void> {
    await this.db.collection('settings').doc(PROGRESS_ID).set({ data: progress })
  }
}

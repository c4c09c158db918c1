// The CloudBase side of SnapshotStore (store.ts): one `evaluation_snapshots` document per
// (sub-district, period), `_id` = snapshotId(...), written whole with `set` (a retaken snapshot replaces
// the old one; one sub-district's rows, 30-100 workers, are tens of KB). Lists page through listAll.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull } from '../store/cloudbase/db'
import { snapshotId } from '../store/ids'
import { listAll } from '../store/cloudbase/lists'
import type { EvaluationSnapshot, SnapshotStore } from './store'

export class CloudSnapshotStore implements SnapshotStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}

  async put(snapshot: EvaluationSnapshot): Promise<void> {
    await this.db.collection('evaluation_snapshots').doc(snapshotId(snapshot.subdistrictId, snapshot.period)).set({ data: snapshot })
  }

  async get(subdistrictId: string, period: string): Promise<EvaluationSnapshot | null> {
    const doc = await getOrNull(this.db.collection('evaluation_snapshots').doc(snapshotId(subdistrictId, period)))
    if (doc === null) return null
    const { _id, ...snapshot } = doc
    return snapshot
  }

  async listTaken(subdistrictId: string, periods: string[]): Promise<string[]> {
    return (await this.list(subdistrictId, periods)).map((snapshot) => snapshot.period)
  }

  async list(subdistrictId: string, periods: string[]): Promise<EvaluationSnapshot[]> {
    if (periods.length === 0) return []
    const docs = await listAll(this.db, 'evaluation_snapshots', { subdistrictId, period: this.db.command.in(periods) })
    return docs.map(({ _id, ...snapshot }) => snapshot)
  }

  async drop(subdistrictId: string, periods: string[]): Promise<void> {
    await Promise.all(periods.map((period) => this.db.collection('evaluation_snapshots').doc(snapshotId(subdistrictId, period)).remove()))
  }
}

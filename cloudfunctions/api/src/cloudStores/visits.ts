// The CloudBase side of VisitStore (../stores/visits.ts): one document per visit, `_id` = its visit code
// (so `add` refuses a code twice), listed by (workerCode, at) — an index collections.json declares.
import type { CloudCollections } from '../cloudCollections'
import { type CloudDb, getOrNull } from '../cloudDb'
import { listAll } from '../cloudLists'
import type { VisitRecord, VisitStore } from '../stores/visits'

export class CloudVisitStore implements VisitStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  async putVisit(visit: VisitRecord): Promise<void> {
    await this.db.collection('visits').add({ data: { ...visit, _id: visit.visitCode } })
  }

  async getVisit(visitCode: string): Promise<VisitRecord | null> {
    const doc = await getOrNull(this.db.collection('visits').doc(visitCode))
    if (doc === null) return null
    const { _id, ...visit } = doc
    return visit
  }

  async listVisits(workerCode: string, from: string, to: string): Promise<VisitRecord[]> {
    const docs = await listAll(this.db, 'visits', { workerCode, at: this.db.command.gte(from) })
    return docs
      .filter((doc) => doc.at < to)
      .map(({ _id, ...visit }) => visit)
      .sort((a, b) => (a.at === b.at ? (a.visitCode < b.visitCode ? -1 : 1) : a.at < b.at ? -1 : 1))
  }
}

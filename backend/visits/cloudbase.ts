// The CloudBase side of VisitStore (store.ts): one document per visit, `_id` = its visit code
// (so `add` refuses a code twice), listed by (workerCode, at) — an index collections.json declares. A
// visit's feedback is the `feedback` document whose `_id` is the visit code (backend/feedback/cloudbase.ts writes it).
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { recordOf } from '../store/cloudbase/writes'
import type { FeedbackRecord } from '../store/records'
import type { VisitRecord, VisitStore } from './store'
import type { Level } from '@core/types'

/** Visit codes per `_.in` query: one page of feedback documents at most. */
const CODES_PER_QUERY = 100

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
    // Both bounds in the query: an older month never pulls every later visit.
    const _ = this.db.command
    const docs = await listAll(this.db, 'visits', { workerCode, at: _.gte(from).and(_.lt(to)) })
    return docs
      .map(({ _id, ...visit }) => visit)
      .sort((a, b) => (a.at === b.at ? (a.visitCode < b.visitCode ? -1 : 1) : a.at < b.at ? -1 : 1))
  }

  /** The feedback documents' `_id` is their visit code (writeFeedback): one `_.in` query per 100 codes. */
  async feedbackLevels(visitCodes: readonly string[]): Promise<Map<string, Level>> {
    const levels = new Map<string, Level>()
    for (let i = 0; i < visitCodes.length; i += CODES_PER_QUERY) {
      const codes = visitCodes.slice(i, i + CODES_PER_QUERY)
      const docs = await listAll(this.db, 'feedback', { _id: this.db.command.in([...codes]) })
      for (const doc of docs) levels.set(doc._id, doc.level)
    }
    return levels
  }

  async getFeedback(visitCode: string): Promise<FeedbackRecord | null> {
    const doc = await getOrNull(this.db.collection('feedback').doc(visitCode))
    if (doc === null) return null
    // The record without the document's id and the two-step write's bookkeeping (backend/store/cloudbase/writes.ts).
    return recordOf<FeedbackRecord>(doc)
  }
}

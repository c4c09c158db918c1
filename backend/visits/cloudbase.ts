// The CloudBase side of VisitStore (store.ts): one document per visit, `_id` = its visit code
// (so `add` refuses a code twice), listed by (workerCode, at) — an index collections.json declares. A
// visit's feedback is the `feedback` document whose `_id` is the visit code (backend/feedback/cloudbase.ts writes it).
// A visit whose worker is out of post carries `workerOutOfPost: true` (markWorkerVisits), so a feedback
// learns it from the visit it reads anyway, one request fewer than reading the worker.
import { FEEDBACK_WINDOW_MAX_DAYS } from '@core/settings'
import type { Level } from '@core/types'
import { feedbackOpenSince } from '@core/visits'
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { recordOf } from '../store/cloudbase/writes'
import type { FeedbackRecord } from '../store/records'
import type { VisitRecord, VisitStore, VisitToRate } from './store'

/** A stored visit: the record, marked while its worker is out of post (absent: in post). */
export type VisitDoc = VisitRecord & { workerOutOfPost?: true }

/** Visit codes per `_.in` query: one page of feedback documents at most. */
const CODES_PER_QUERY = 100

export class CloudVisitStore implements VisitStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  /**
   * The visit, then its worker read again: visit.log checked them in post before (a code image may lie
   * between that check and this write), and a worker taken out of post meanwhile marked only the visits
   * already there, so this one is marked here (markWorkerVisits marks once more after the worker's own
   * write, for a visit landing between the two).
   */
  async putVisit(visit: VisitRecord): Promise<void> {
    await this.db.collection('visits').add({ data: { ...visit, _id: visit.visitCode } })
    const worker = await getOrNull(this.db.collection('workers').doc(visit.workerCode))
    if (worker?.active === false) await this.db.collection('visits').doc(visit.visitCode).update({ data: { workerOutOfPost: true } })
  }

  async getVisit(visitCode: string): Promise<VisitRecord | null> {
    const visit = await this.getVisitToRate(visitCode)
    if (visit === null) return null
    const { workerInPost, ...record } = visit
    return record
  }

  async getVisitToRate(visitCode: string): Promise<VisitToRate | null> {
    const doc = await getOrNull(this.db.collection('visits').doc(visitCode))
    if (doc === null) return null
    const { _id, workerOutOfPost, ...visit } = doc
    return { ...visit, workerInPost: workerOutOfPost !== true }
  }

  async listVisits(workerCode: string, from: string, to: string): Promise<VisitRecord[]> {
    // Both bounds in the query: an older month never pulls every later visit.
    const _ = this.db.command
    const docs = await listAll(this.db, 'visits', { workerCode, at: _.gte(from).and(_.lt(to)) })
    return docs
      .map(({ _id, workerOutOfPost, ...visit }) => visit)
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

/**
 * Marks (`outOfPost`) or unmarks a worker's visits that may still take feedback under any setting: `at`
 * within the longest window (FEEDBACK_WINDOW_MAX_DAYS) of `now`; older ones are closed by time anyway.
 * One request, by the (workerCode, at) index. Called only where a worker goes out of or back into post
 * (backend/org/cloudbase.ts updateWorker); visit.log refuses a worker out of post, and a visit.log in
 * flight at that moment (its check passed before) marks its own visit when it finds the worker out
 * after its write (putVisit), or is marked by the second pass that follows the worker's write.
 */
export async function markWorkerVisits(db: CloudDb<CloudCollections>, workerCode: string, outOfPost: boolean, now: Date): Promise<void> {
  const _ = db.command
  const since = feedbackOpenSince(now, FEEDBACK_WINDOW_MAX_DAYS)
  await db.collection('visits').where({ workerCode, at: _.gte(since) }).update({ data: { workerOutOfPost: outOfPost ? true : _.remove() } })
}

// The CloudBase side of ContentReportStore (store.ts): one document per report, `_id` = its id, so `add`
// refuses a second report of one item by one person. Open reports are read by (subdistrictId, status) and
// closed by (kind, itemId, status) — both indexed in collections.json — and lists are paged (listAll).
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { type ContentReportDoc, type ContentReportRecord, type ContentReportStore, type ReportedKind, oldestFirst } from './store'

const recordOf = ({ _id, ...doc }: WithId<ContentReportDoc>): ContentReportRecord => ({ id: _id, ...doc })

export class CloudContentReportStore implements ContentReportStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}

  async file(report: ContentReportRecord): Promise<boolean> {
    const { id, ...doc } = report
    try {
      await this.db.collection('content_reports').add({ data: { ...doc, status: 'open', _id: id } })
      return true
    } catch (error) {
      if (isDuplicateKey(error)) return false
      throw error
    }
  }

  async get(id: string): Promise<ContentReportRecord | null> {
    const doc = await getOrNull(this.db.collection('content_reports').doc(id))
    return doc === null ? null : recordOf(doc)
  }

  async listOpen(subdistrictId: string): Promise<ContentReportRecord[]> {
    return (await listAll(this.db, 'content_reports', { subdistrictId, status: 'open' as const })).map(recordOf).sort(oldestFirst)
  }

  async close(kind: ReportedKind, itemId: string): Promise<number> {
    const result = await this.db.collection('content_reports').where({ kind, itemId, status: 'open' }).update({ data: { status: 'closed' } })
    return updatedCount(result)
  }
}

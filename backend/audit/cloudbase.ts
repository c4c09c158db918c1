// The CloudBase side of AuditStore (store.ts): one `audit` document per entry, `_id` = its id
// (time digits + suffix), so `add` refuses a retried append with the same key and newest first is
// descending `_id`. A page is one query: the filters, `_id < before`, `_id` descending, `limit + 1` rows.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type Where, getOrNull, isDuplicateKey } from '../store/cloudbase/db'
import { PAGE } from '../store/cloudbase/lists'
import { auditSuffix } from '../store/ids'
import { type AuditDraft, type AuditEntry, type AuditFilter, type AuditPage, type AuditStore, auditEntryId } from './store'

export class CloudAuditStore implements AuditStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  async append(draft: AuditDraft, key?: string): Promise<AuditEntry> {
    const entry: AuditEntry = { id: auditEntryId(draft.at, auditSuffix(key)), ...draft }
    try {
      await this.db.collection('audit').add({ data: { ...entry, _id: entry.id } })
      return entry
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const first = await getOrNull(this.db.collection('audit').doc(entry.id))
      if (first === null) throw error
      const { _id, ...stored } = first
      return stored
    }
  }

  async list(filter: AuditFilter, page: { limit: number; before?: string }): Promise<AuditPage> {
    // One get() returns at most PAGE rows; one more than the page tells whether there is a next.
    const limit = Math.max(1, Math.min(PAGE - 1, Math.floor(page.limit)))
    const _ = this.db.command
    const where: Where<CloudCollections['audit']> = {}
    if (filter.action !== undefined) where.action = filter.action
    if (filter.subdistrictId !== undefined) where.subdistrictId = filter.subdistrictId
    if (filter.from !== undefined && filter.to !== undefined) where.at = _.gte(filter.from).and(_.lt(filter.to))
    else if (filter.from !== undefined) where.at = _.gte(filter.from)
    else if (filter.to !== undefined) where.at = _.lt(filter.to)
    if (page.before !== undefined) where._id = _.lt(page.before)
    const { data } = await this.db.collection('audit').where(where).orderBy('_id', 'desc').limit(limit + 1).get()
    const entries = data.slice(0, limit).map(({ _id, ...entry }) => entry)
    return data.length > limit ? { entries, next: entries[entries.length - 1].id } : { entries }
  }
}

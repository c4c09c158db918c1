// The CloudBase side of CaseStore (store.ts): one document per case, `_id` = ratingRefId of its
// rating, so `add` refuses a second case of one rating; every step is `where({ _id, version }).update()`,
// a compare-and-set that one of two writers at once wins. Lists page through listAll on the indexes
// collections.json declares (by worker, community, sub-district and rater).
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type UpdateData, type WithId, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { type CaseDoc, type CaseRecord, type CaseStore, newestFirst } from './store'

const recordOf = ({ _id, ...doc }: WithId<CaseDoc>): CaseRecord => ({ id: _id, ...doc })

export class CloudCaseStore implements CaseStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}

  async open(record: CaseRecord): Promise<boolean> {
    const { id, ...doc } = record
    try {
      await this.db.collection('cases').add({ data: { ...doc, _id: id } })
      return true
    } catch (error) {
      if (isDuplicateKey(error)) return false
      throw error
    }
  }

  async get(id: string): Promise<CaseRecord | null> {
    const doc = await getOrNull(this.db.collection('cases').doc(id))
    return doc === null ? null : recordOf(doc)
  }

  private async list(where: Partial<CaseDoc>): Promise<CaseRecord[]> {
    return (await listAll(this.db, 'cases', where)).map(recordOf).sort(newestFirst)
  }

  listByWorker(workerCode: string): Promise<CaseRecord[]> {
    return this.list({ workerCode })
  }

  listByCommunity(communityId: string): Promise<CaseRecord[]> {
    return this.list({ communityId })
  }

  listBySubdistrict(subdistrictId: string): Promise<CaseRecord[]> {
    return this.list({ subdistrictId })
  }

  listByRater(openid: string): Promise<CaseRecord[]> {
    return this.list({ raterOpenid: openid })
  }

  async update(next: CaseRecord): Promise<boolean> {
    // The steps are only added, never removed; the contact alone is replaced as a whole (`_.set`: a nested
    // object would be merged field by field and keep the phone beside `erased`), and contactAt goes with
    // the number. So the document after equals `next`.
    const _ = this.db.command
    const { id, version, contact, contactAt, callback, rectification, notifiedAt, confirmation } = next
    const steps = { callback, rectification, notifiedAt, confirmation }
    const data = Object.fromEntries(Object.entries(steps).filter(([, value]) => value !== undefined)) as Partial<typeof steps>
    // UpdateData types an optional nested object as merged fields only; `_.set` replaces it whole.
    const contactData = (contact === undefined ? {} : { contact: _.set(contact), contactAt: contactAt ?? _.remove() }) as UpdateData<CaseDoc>
    const result = await this.db
      .collection('cases')
      .where({ _id: id, version: version - 1 })
      .update({ data: { ...data, ...contactData, version } })
    return updatedCount(result) === 1
  }

  async listPhonesLeftBefore(before: string): Promise<CaseRecord[]> {
    return (await listAll(this.db, 'cases', { contactAt: this.db.command.lt(before) })).map(recordOf).sort(newestFirst)
  }
}

// The CloudBase side of CaseStore (store.ts): one document per case, `_id` = ratingRefId of its
// rating, so `add` refuses a second case of one rating; every step is `where({ _id, version }).update()`,
// a compare-and-set that one of two writers at once wins. Lists page through listAll on the indexes
// collections.json declares (by worker, community, sub-district and rater). The marks of the cases due
// (caseMarks.ts) are read, and cleared, here for the timer (dueCases.ts).
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type UpdateData, type Where, type WithId, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { type CaseDoc, type CaseRecord, type CaseStore, newestFirst } from './store'
import type { CaseDue } from './caseMarks'
import type { RatingRef } from '../store/records'

const recordOf = ({ _id, ...doc }: WithId<CaseDoc>): CaseRecord => ({ id: _id, ...doc })

/** A rating or feedback whose case is due: who gave it, about whom, and the bad rating it was marked for. */
export interface DueCase {
  ref: RatingRef
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
  due: CaseDue
}

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

  private async list(where: Where<CaseDoc>): Promise<CaseRecord[]> {
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

  listUnrectified(subdistrictId: string): Promise<CaseRecord[]> {
    return this.list({ subdistrictId, rectification: this.db.command.exists(false) })
  }

  listByRater(openid: string): Promise<CaseRecord[]> {
    return this.list({ raterOpenid: openid })
  }

  async update(next: CaseRecord): Promise<boolean> {
    // The steps are only added, never removed; the contact alone is replaced as a whole (`_.set`: a nested
    // object would be merged field by field and keep the phone beside `erased`), and contactAt goes with
    // the number. So the document after equals `next`.
    const _ = this.db.command
    const { id, version, contact, contactAt, callback, rectification, notifiedAt, notifyFailure, confirmation, withdrawal, noteHidden } = next
    const steps = { callback, rectification, notifiedAt, notifyFailure, confirmation, withdrawal, noteHidden }
    const data = Object.fromEntries(Object.entries(steps).filter(([, value]) => value !== undefined)) as Partial<typeof steps>
    // UpdateData types an optional nested object as merged fields only; `_.set` replaces it whole.
    const contactData = (contact === undefined ? {} : { contact: _.set(contact), contactAt: contactAt ?? _.remove() }) as UpdateData<CaseDoc>
    const result = await this.db
      .collection('cases')
      .where({ _id: id, version: version - 1 })
      .update({ data: { ...data, ...contactData, version } })
    return updatedCount(result) === 1
  }

  /** Every rating and feedback marked with a case due: two paged queries on the `case_due` indexes. */
  async listDue(): Promise<DueCase[]> {
    const marked = { caseDue: this.db.command.exists(true) }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', marked), listAll(this.db, 'feedback', marked)])
    const dueOf = (kind: RatingRef['kind']) => (doc: (typeof ratings)[number] | (typeof feedback)[number]): DueCase[] =>
      doc.caseDue === undefined || doc.caseDue === null ? [] : [{ ref: { kind, id: doc._id }, openid: doc.openid, workerCode: doc.workerCode, subdistrictId: doc.subdistrictId, month: doc.month, due: doc.caseDue }]
    return [...ratings.flatMap(dueOf('resident')), ...feedback.flatMap(dueOf('recipient'))]
  }

  /** The mark removed once the case is open; the record's version is not its to move (a re-rate's compare-and-set). */
  async clearDue(ref: RatingRef): Promise<void> {
    const name = ref.kind === 'resident' ? 'resident_ratings' : 'feedback'
    // UpdateData types an optional object as its fields only; `_.remove()` deletes it whole.
    await this.db.collection(name).doc(ref.id).update({ data: { caseDue: this.db.command.remove() } as never })
  }

  /** The community of each worker named: one paged query, whatever the number of cases. */
  async communitiesOf(workerCodes: string[]): Promise<Map<string, string>> {
    if (workerCodes.length === 0) return new Map()
    const workers = await listAll(this.db, 'workers', { _id: this.db.command.in(workerCodes) })
    return new Map(workers.map((worker) => [worker._id, worker.communityId]))
  }

  async listPhonesLeftBefore(before: string): Promise<CaseRecord[]> {
    return (await listAll(this.db, 'cases', { contactAt: this.db.command.lt(before) })).map(recordOf).sort(newestFirst)
  }
}

// The CloudBase side of AppealStore (store.ts): one document per appeal, `_id` = ratingRefId
// of its rating, so `add` refuses a second appeal of one rating; a decision is `where({ _id, status:
// 'pending' }).update()`, a compare-and-set that one of two deciders at once wins. Lists page through
// listAll on the indexes collections.json declares (appeals by sub-district and by worker; ratings and
// feedback by worker and submittedAt).
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { type AppealDecision, type AppealRecord, type AppealStore, type BadRating, appealOrder } from './store'
import type { WithId } from '../store/cloudbase/db'
import type { AppealDoc } from './store'

const recordOf = ({ _id, ...doc }: WithId<AppealDoc>): AppealRecord => ({ id: _id, ...doc })

/** The bad reviews (差评): levels 1 and 2. */
const BAD_LEVELS: Array<1 | 2> = [1, 2]

export class CloudAppealStore implements AppealStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}

  async create(appeal: AppealRecord): Promise<boolean> {
    const { id, ...doc } = appeal
    try {
      await this.db.collection('appeals').add({ data: { ...doc, _id: id } })
      return true
    } catch (error) {
      if (isDuplicateKey(error)) return false
      throw error
    }
  }

  async get(id: string): Promise<AppealRecord | null> {
    const doc = await getOrNull(this.db.collection('appeals').doc(id))
    return doc === null ? null : recordOf(doc)
  }

  async listBySubdistrict(subdistrictId: string, status?: 'pending'): Promise<AppealRecord[]> {
    const where = status === 'pending' ? { subdistrictId, status } : { subdistrictId }
    return (await listAll(this.db, 'appeals', where)).map(recordOf).sort(appealOrder)
  }

  async listByWorker(workerCode: string): Promise<AppealRecord[]> {
    return (await listAll(this.db, 'appeals', { workerCode }))
      .map(recordOf)
      .sort((a, b) => (a.filedAt === b.filedAt ? (a.id < b.id ? -1 : 1) : a.filedAt > b.filedAt ? -1 : 1))
  }

  async decide(id: string, decision: AppealDecision): Promise<boolean> {
    const status = decision.decision === 'uphold' ? 'upheld' : 'rejected'
    const result = await this.db.collection('appeals').where({ _id: id, status: 'pending' }).update({ data: { status, decision } })
    return updatedCount(result) === 1
  }

  async badRatingsSince(workerCode: string, since: string): Promise<BadRating[]> {
    const _ = this.db.command
    const where = { workerCode, level: _.in(BAD_LEVELS), submittedAt: _.gte(since) }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', where), listAll(this.db, 'feedback', where)])
    const bad: BadRating[] = [
      ...ratings.map((doc) => ({ ref: { kind: 'resident' as const, id: doc._id }, level: doc.level, month: doc.month, comment: doc.comment, commentStatus: doc.commentStatus, submittedAt: doc.submittedAt })),
      ...feedback.map((doc) => ({ ref: { kind: 'recipient' as const, id: doc._id }, level: doc.level, month: doc.month, comment: doc.comment, commentStatus: doc.commentStatus, submittedAt: doc.submittedAt })),
    ]
    return bad.sort((a, b) => (a.submittedAt === b.submittedAt ? (a.ref.id < b.ref.id ? -1 : 1) : a.submittedAt > b.submittedAt ? -1 : 1))
  }
}

// The CloudBase side of CommentStore (store.ts). The comments live on their rating documents
// (resident_ratings, feedback). Held ones are read by (subdistrictId, commentStatus), passed ones by
// (workerCode, month) — both indexed in collections.json — and every list is paged
// (backend/store/cloudbase/lists.ts). A decision is one conditional update of one document:
// `where({ _id, commentStatus: 'review', submittedAt })`, so of two decisions only one matches; `version`
// and `pending` are left alone, they belong to the rating's own two-step write
// (backend/store/cloudbase/writes.ts), which a re-rate racing the decision still wins cleanly.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type WithId, getOrNull, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import type { CommentDecisionOutcome, CommentHoldOutcome, CommentStore, HeldComment, PassedComment } from './store'
import type { FeedbackRecord, RatingRef, ResidentRatingRecord } from '../store/records'

const COLLECTION = { resident: 'resident_ratings', recipient: 'feedback' } as const

function held(kind: RatingRef['kind'], doc: WithId<ResidentRatingRecord | FeedbackRecord>): HeldComment {
  const { openid, workerCode, subdistrictId, month, level, comment, submittedAt } = doc
  return { ref: { kind, id: doc._id }, openid, workerCode, subdistrictId, month, level, comment, submittedAt }
}

const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export class CloudCommentStore implements CommentStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}

  async listHeld(subdistrictId: string): Promise<HeldComment[]> {
    const where = { subdistrictId, commentStatus: 'review' as const }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', where), listAll(this.db, 'feedback', where)])
    const all = [...ratings.map((doc) => held('resident', doc)), ...feedback.map((doc) => held('recipient', doc))]
    return all.sort((a, b) => byCodePoints(a.submittedAt, b.submittedAt) || byCodePoints(a.ref.id, b.ref.id))
  }

  async decide(ref: RatingRef, submittedAt: string, status: 'pass' | 'rejected'): Promise<CommentDecisionOutcome> {
    const collection = this.db.collection(COLLECTION[ref.kind])
    const where = { _id: ref.id, commentStatus: 'review', submittedAt } as never
    const result = await collection.where(where).update({ data: { commentStatus: status } })
    if (updatedCount(result) === 1) return 'decided'
    return (await getOrNull(collection.doc(ref.id))) === null ? 'not-found' : 'not-held'
  }

  async hold(ref: RatingRef, submittedAt: string): Promise<CommentHoldOutcome> {
    const collection = this.db.collection(COLLECTION[ref.kind])
    const where = { _id: ref.id, commentStatus: 'pass', submittedAt } as never
    const result = await collection.where(where).update({ data: { commentStatus: 'review' } })
    if (updatedCount(result) === 1) return 'held'
    return (await getOrNull(collection.doc(ref.id))) === null ? 'not-found' : 'not-shown'
  }

  async listPassed(workerCode: string, months: readonly string[]): Promise<PassedComment[]> {
    const where = { workerCode, month: this.db.command.in([...months]), commentStatus: 'pass' as const }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', where), listAll(this.db, 'feedback', where)])
    const passed = (kind: RatingRef['kind']) => (doc: WithId<ResidentRatingRecord | FeedbackRecord>): PassedComment => ({ kind, month: doc.month, comment: doc.comment, ref: { kind, id: doc._id } })
    // A rating that no longer counts (excluded by review or appeal) shows no comment either.
    const counted = (doc: { excluded?: unknown }) => doc.excluded === undefined || doc.excluded === null
    const all = [...ratings.filter(counted).map(passed('resident')), ...feedback.filter(counted).map(passed('recipient'))]
    return all.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'resident' ? -1 : 1) || byCodePoints(a.month, b.month) || byCodePoints(a.comment, b.comment))
  }
}

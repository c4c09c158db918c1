// The CloudBase side of ReviewStore (store.ts). One `reviews` document per flagged rating,
// `_id` = ratingRefId(ref), so `add` refuses a second item for the same rating; a decision is a
// compare-and-set on `status: 'open'`. An exclusion is written in the two steps of every rating write
// (backend/store/cloudbase/writes.ts writeExclusion). Every list pages through listAll.
import type { CloudCollections, FeedbackDoc, RatingDoc } from '../store/cloudbase/collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { writeExclusion } from '../store/cloudbase/writes'
import type { Exclusion, RatingRef } from '../store/records'
import type { RatingSample, ReviewDecision, ReviewRecord, ReviewStore } from './store'

const counted = (doc: { excluded?: Exclusion | null }) => doc.excluded === undefined || doc.excluded === null

function sampleOfRating(doc: WithId<RatingDoc>): RatingSample {
  const { id, openid, workerCode, subdistrictId, month, level, submittedAt, clientHash } = doc
  return { ref: { kind: 'resident', id }, openid, workerCode, subdistrictId, month, level, submittedAt, ...(clientHash === undefined ? {} : { clientHash }) }
}

function sampleOfFeedback(doc: WithId<FeedbackDoc>): RatingSample {
  const { serviceId, openid, workerCode, subdistrictId, month, level, submittedAt, clientHash } = doc
  return { ref: { kind: 'recipient', id: serviceId }, openid, workerCode, subdistrictId, month, level, submittedAt, ...(clientHash === undefined ? {} : { clientHash }) }
}

function reviewOf(doc: WithId<ReviewRecord>): ReviewRecord {
  const { _id, ...item } = doc
  return item
}

export class CloudReviewStore implements ReviewStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}

  excludeRating(ref: RatingRef, exclusion: Exclusion): Promise<boolean> {
    return writeExclusion(this.db, ref.kind, ref.id, exclusion)
  }

  async listRatedBetween(from: string, to: string): Promise<RatingSample[]> {
    const _ = this.db.command
    const where = { submittedAt: _.gte(from).and(_.lt(to)) }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', where), listAll(this.db, 'feedback', where)])
    return [...ratings.filter(counted).map(sampleOfRating), ...feedback.filter(counted).map(sampleOfFeedback)]
  }

  async listWorkerRatedBetween(workerCode: string, from: string, to: string): Promise<RatingSample[]> {
    const _ = this.db.command
    const where = { workerCode, submittedAt: _.gte(from).and(_.lt(to)) }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', where), listAll(this.db, 'feedback', where)])
    return [...ratings.filter(counted).map(sampleOfRating), ...feedback.filter(counted).map(sampleOfFeedback)]
  }

  async listRaterWorkerBetween(openid: string, workerCode: string, from: string, to: string): Promise<RatingSample[]> {
    const _ = this.db.command
    const where = { openid, workerCode, submittedAt: _.gte(from).and(_.lt(to)) }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', where), listAll(this.db, 'feedback', where)])
    return [...ratings.filter(counted).map(sampleOfRating), ...feedback.filter(counted).map(sampleOfFeedback)]
  }

  async ratedBefore(openids: string[], before: string): Promise<Set<string>> {
    if (openids.length === 0) return new Set()
    const _ = this.db.command
    const where = { openid: _.in(openids), submittedAt: _.lt(before) }
    const [ratings, feedback] = await Promise.all([listAll(this.db, 'resident_ratings', where), listAll(this.db, 'feedback', where)])
    return new Set([...ratings, ...feedback].map((doc) => doc.openid))
  }

  async addReview(item: ReviewRecord): Promise<boolean> {
    try {
      await this.db.collection('reviews').add({ data: { ...item, _id: item.id } })
      return true
    } catch (error) {
      if (isDuplicateKey(error)) return false
      throw error
    }
  }

  async getReview(id: string): Promise<ReviewRecord | null> {
    const doc = await getOrNull(this.db.collection('reviews').doc(id))
    return doc === null ? null : reviewOf(doc)
  }

  async listReviews(subdistrictId: string, status?: 'open'): Promise<ReviewRecord[]> {
    const where = status === 'open' ? { subdistrictId, status } : { subdistrictId }
    const items = (await listAll(this.db, 'reviews', where)).map(reviewOf)
    const rank = (item: ReviewRecord) => (item.status === 'open' ? 0 : 1)
    return items.sort((a, b) => rank(a) - rank(b) || b.flaggedAt.localeCompare(a.flaggedAt) || a.id.localeCompare(b.id))
  }

  async decideReview(id: string, status: 'kept' | 'excluded', decision: ReviewDecision): Promise<boolean> {
    const where = { _id: id, status: 'open' } as never
    return updatedCount(await this.db.collection('reviews').where(where).update({ data: { status, decision } as never })) === 1
  }
}

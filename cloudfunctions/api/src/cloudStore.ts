// The Store on WeChat CloudBase: the cloud database through wx-server-sdk (the subset in cloudDb.ts).
// Deterministic document ids make the uniqueness rules hold without queries (a rating's id is
// hash(openid | workerCode | month), a feedback's is its serviceId); a rating and its tallies change in
// one transaction with `_.inc` (cloudTallies.ts); every list read pages with `.limit(1000)`.
import { periodKind } from '../../../src/core/periods'
import type { Settings } from '../../../src/core/types'
import { type CloudDb, type Where, type WithId, getOrNull } from './cloudDb'
import { type TallyDoc, applyToTallies, tallyRecordOf } from './cloudTallies'
import { addedLevel, monthlyScoreChange, movedLevel } from './domain/tallyChange'
import { subdistrictScoreId } from './ids'
import type {
  CommunityRecord,
  FeedbackRecord,
  GridRecord,
  IdempotencyRecord,
  OrgSeed,
  PostRecord,
  PrincipalRecord,
  ResidentRatingRecord,
  Store,
  SubdistrictRecord,
  SubdistrictScoreRecord,
  TallyRecord,
  WorkerRecord,
} from './store'

/** Every collection and the type of its documents (the record itself; `_id` is derived from it). */
export interface CloudCollections {
  settings: { value: Settings }
  subdistricts: SubdistrictRecord
  communities: CommunityRecord
  grids: GridRecord
  posts: PostRecord
  workers: WorkerRecord
  principals: PrincipalRecord
  resident_ratings: ResidentRatingRecord
  feedback: FeedbackRecord
  tallies: TallyDoc
  subdistrict_scores: SubdistrictScoreRecord
  idempotency: IdempotencyRecord
}

export type CloudDatabase = CloudDb<CloudCollections>
type Name = keyof CloudCollections

/** The server SDK's maximum rows per get(). */
const PAGE = 1000
/** Writes of a bulk putOrg in flight at once: fast, without tripping the database's rate limits. */
const PUT_CONCURRENCY = 20
const SETTINGS_ID = 'current'

/** The record without the database's `_id`. */
function fieldsOf<T>(doc: WithId<T>): T {
  const { _id, ...fields } = doc
  // Removing `_id` from `T & { _id }` gives back T; TypeScript cannot see that through the generic.
  return fields as unknown as T
}

/** The SDK does not take `undefined` fields; optional fields are left out instead. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T
}

export class CloudStore implements Store {
  constructor(private readonly db: CloudDatabase) {}

  async isEmpty(): Promise<boolean> {
    const { data } = await this.db.collection('subdistricts').limit(1).get()
    return data.length === 0
  }

  async putOrg(org: OrgSeed): Promise<void> {
    const writes: Array<() => Promise<unknown>> = [
      ...org.subdistricts.map((s) => () => this.put('subdistricts', s.id, s)),
      ...org.communities.map((c) => () => this.put('communities', c.id, c)),
      ...org.grids.map((g) => () => this.put('grids', g.id, g)),
      ...org.posts.map((p) => () => this.put('posts', p.id, p)),
      ...org.workers.map((w) => () => this.put('workers', w.code, w)),
      ...org.principals.map((p) => () => this.put('principals', p.openid, p)),
    ]
    for (let i = 0; i < writes.length; i += PUT_CONCURRENCY) {
      await Promise.all(writes.slice(i, i + PUT_CONCURRENCY).map((write) => write()))
    }
  }

  async getSettings(): Promise<Settings | null> {
    return (await this.get('settings', SETTINGS_ID))?.value ?? null
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.put('settings', SETTINGS_ID, { value: settings })
  }

  getWorker(code: string): Promise<WorkerRecord | null> {
    return this.get('workers', code)
  }

  listWorkers(subdistrictId: string): Promise<WorkerRecord[]> {
    return this.listAll('workers', { subdistrictId })
  }

  getCommunity(id: string): Promise<CommunityRecord | null> {
    return this.get('communities', id)
  }

  listCommunities(subdistrictId: string): Promise<CommunityRecord[]> {
    return this.listAll('communities', { subdistrictId })
  }

  getGrid(id: string): Promise<GridRecord | null> {
    return this.get('grids', id)
  }

  getPost(id: string): Promise<PostRecord | null> {
    return this.get('posts', id)
  }

  listSubdistricts(): Promise<SubdistrictRecord[]> {
    return this.listAll('subdistricts', {})
  }

  getSubdistrict(id: string): Promise<SubdistrictRecord | null> {
    return this.get('subdistricts', id)
  }

  getPrincipal(openid: string): Promise<PrincipalRecord | null> {
    return this.get('principals', openid)
  }

  listPrincipals(): Promise<PrincipalRecord[]> {
    return this.listAll('principals', {})
  }

  async submitResidentRating(rating: ResidentRatingRecord): Promise<{ replaced: boolean }> {
    const record = defined(rating)
    // No side effects in here: the SDK may run this callback again after a conflict.
    return this.db.runTransaction(async (tx) => {
      const ratingRef = tx.collection('resident_ratings').doc(rating.id)
      const previous = await getOrNull(ratingRef)
      await ratingRef.set({ data: record })
      if (previous === null) {
        await applyToTallies(tx, this.db.command, rating, { residents: addedLevel(rating.level) }, 'read')
        return { replaced: false }
      }
      // Same id means same rater, worker and month: the count moves between levels of that month's
      // tallies, which the first rating created.
      const moved = movedLevel(previous.level, rating.level)
      if (moved !== null) await applyToTallies(tx, this.db.command, rating, { residents: moved }, 'known')
      return { replaced: true }
    })
  }

  async getResidentRating(id: string): Promise<ResidentRatingRecord | null> {
    return this.get('resident_ratings', id)
  }

  async submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
    const record = defined(feedback)
    return this.db.runTransaction(async (tx) => {
      const feedbackRef = tx.collection('feedback').doc(feedback.serviceId)
      // One feedback per service visit: a second one for the same serviceId changes nothing.
      if ((await getOrNull(feedbackRef)) !== null) return { inserted: false }
      await feedbackRef.set({ data: record })
      await applyToTallies(tx, this.db.command, feedback, { recipients: addedLevel(feedback.level) }, 'read')
      return { inserted: true }
    })
  }

  async listTallies(subdistrictId: string, periods: string[]): Promise<TallyRecord[]> {
    if (periods.length === 0) return []
    // One query on (subdistrictId, period), which the collection must index: a year of 1000 workers
    // is 1000 documents, two reads.
    const docs = await this.listAll('tallies', { subdistrictId, period: this.db.command.in(periods) })
    return docs.map(tallyRecordOf)
  }

  async putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void> {
    const id = subdistrictScoreId(score.workerCode, score.period)
    // A half-year or year score is read as it is; only monthly scores roll up into the tallies.
    if (periodKind(score.period) !== 'month') {
      await this.put('subdistrict_scores', id, score)
      return
    }
    const record = defined(score)
    await this.db.runTransaction(async (tx) => {
      const ref = tx.collection('subdistrict_scores').doc(id)
      const previous = await getOrNull(ref)
      await ref.set({ data: record })
      const change = monthlyScoreChange(score.score, previous?.score ?? null)
      const at = { workerCode: score.workerCode, subdistrictId: score.subdistrictId, month: score.period }
      // The month's first score creates whatever tallies are missing; a replaced one finds all three.
      if (change !== null) await applyToTallies(tx, this.db.command, at, change, previous === null ? 'read' : 'known')
    })
  }

  async listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]> {
    if (periods.length === 0) return []
    return this.listAll('subdistrict_scores', { subdistrictId, period: this.db.command.in(periods) })
  }

  getIdempotent(key: string): Promise<IdempotencyRecord | null> {
    return this.get('idempotency', key)
  }

  async putIdempotent(record: IdempotencyRecord): Promise<void> {
    const stored: IdempotencyRecord = { ...record, result: record.result ?? null }
    // The first result wins: a retry racing the original must not overwrite what was already returned.
    await this.db.runTransaction(async (tx) => {
      const ref = tx.collection('idempotency').doc(record.key)
      if ((await getOrNull(ref)) === null) await ref.set({ data: stored })
    })
  }

  private async get<K extends Name>(name: K, id: string): Promise<CloudCollections[K] | null> {
    const doc = await getOrNull(this.db.collection(name).doc(id))
    return doc === null ? null : fieldsOf<CloudCollections[K]>(doc)
  }

  private put<K extends Name>(name: K, id: string, data: CloudCollections[K]): Promise<unknown> {
    return this.db.collection(name).doc(id).set({ data: defined(data) })
  }

  /** Every matching document, page by page: a short page is the last one. */
  private async listAll<K extends Name>(name: K, where: Where<CloudCollections[K]>): Promise<CloudCollections[K][]> {
    const all: CloudCollections[K][] = []
    for (let skip = 0; ; skip += PAGE) {
      // Ordered by _id so that pages neither overlap nor skip documents.
      const { data } = await this.db.collection(name).where(where).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
      for (const doc of data) all.push(fieldsOf<CloudCollections[K]>(doc))
      if (data.length < PAGE) return all
    }
  }
}

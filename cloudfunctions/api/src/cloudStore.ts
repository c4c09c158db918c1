// The Store on WeChat CloudBase: the cloud database through wx-server-sdk (the subset in cloudDb.ts).
// Deterministic document ids make the uniqueness rules hold without queries (a rating's id is
// hash(openid | workerCode | month), a feedback's is its serviceId); a rating and its tally change in
// one transaction with `_.inc`; every list read pages with `.limit(1000)`.
import type { Level, RatedParty, Settings } from '../../../src/core/types'
import { type CloudDb, type Transaction, type UpdateData, type Where, type WithId, getOrNull } from './cloudDb'
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

/** A tally document: the five level counts as flat fields, so `_.inc` can move one of them. */
export interface TallyDoc {
  workerCode: string
  subdistrictId: string
  month: string
  party: RatedParty
  n1: number
  n2: number
  n3: number
  n4: number
  n5: number
}

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

type LevelField = 'n1' | 'n2' | 'n3' | 'n4' | 'n5'

function levelField(level: Level): LevelField {
  return `n${level}`
}

export function tallyId(workerCode: string, month: string, party: RatedParty): string {
  return `${workerCode}_${month}_${party}`
}

export function subdistrictScoreId(workerCode: string, period: string): string {
  return `${workerCode}_${period}`
}

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
      if (previous === null) {
        const tally = await this.readTally(tx, rating, 'residents')
        await ratingRef.set({ data: record })
        await this.addToTally(tx, rating, 'residents', rating.level, tally)
        return { replaced: false }
      }
      await ratingRef.set({ data: record })
      // Same id means same rater, worker and month: the count moves between levels of that month's tally.
      if (previous.level !== rating.level) {
        const move: UpdateData<TallyDoc> = {
          [levelField(previous.level)]: this.db.command.inc(-1),
          [levelField(rating.level)]: this.db.command.inc(1),
        }
        await tx.collection('tallies').doc(tallyId(rating.workerCode, rating.month, 'residents')).update({ data: move })
      }
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
      const tally = await this.readTally(tx, feedback, 'recipients')
      await feedbackRef.set({ data: record })
      await this.addToTally(tx, feedback, 'recipients', feedback.level, tally)
      return { inserted: true }
    })
  }

  async listTallies(subdistrictId: string, months: string[]): Promise<TallyRecord[]> {
    if (months.length === 0) return []
    // One indexed query for all months (not one per month or per worker): 2000 tallies are 3 reads.
    const docs = await this.listAll('tallies', { subdistrictId, month: this.db.command.in(months) })
    return docs.map(({ workerCode, subdistrictId: sid, month, party, n1, n2, n3, n4, n5 }) => ({
      workerCode,
      subdistrictId: sid,
      month,
      party,
      hist: [n1, n2, n3, n4, n5],
    }))
  }

  async putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void> {
    await this.put('subdistrict_scores', subdistrictScoreId(score.workerCode, score.period), score)
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

  private readTally(
    tx: Transaction<CloudCollections>,
    at: { workerCode: string; month: string },
    party: RatedParty,
  ): Promise<WithId<TallyDoc> | null> {
    return getOrNull(tx.collection('tallies').doc(tallyId(at.workerCode, at.month, party)))
  }

  /** +1 on a level: `_.inc` on an existing tally, or the tally's first document. */
  private async addToTally(
    tx: Transaction<CloudCollections>,
    at: { workerCode: string; subdistrictId: string; month: string },
    party: RatedParty,
    level: Level,
    existing: WithId<TallyDoc> | null,
  ): Promise<void> {
    const ref = tx.collection('tallies').doc(tallyId(at.workerCode, at.month, party))
    if (existing !== null) {
      await ref.update({ data: { [levelField(level)]: this.db.command.inc(1) } })
      return
    }
    const tally: TallyDoc = { workerCode: at.workerCode, subdistrictId: at.subdistrictId, month: at.month, party, n1: 0, n2: 0, n3: 0, n4: 0, n5: 0 }
    tally[levelField(level)] = 1
    await ref.set({ data: tally })
  }
}

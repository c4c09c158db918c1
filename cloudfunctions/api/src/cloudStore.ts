// The Store on WeChat CloudBase: the cloud database through wx-server-sdk (the subset in cloudDb.ts).
// Deterministic document ids make the uniqueness rules hold without queries (a rating's id is
// hash(openid | workerCode | month), a feedback's is its serviceId). Writes that move a tally go through
// cloudWrites.ts (no transaction: atomic single-document writes, a `pending` mark, a recount by the timer
// trigger); tallies are one document per worker and year (cloudTallies.ts); lists page by 100.
import { periodKind } from '../../../src/core/periods'
import type { Settings } from '../../../src/core/types'
import { type CloudCollections, type CollectionName, type TwoStepFields, COLLECTION_NAMES } from './cloudCollections'
import { type CloudDb, type WithId, getOrNull, isCollectionMissing, isCollectionTaken } from './cloudDb'
import { loadActivity, prepareYear } from './cloudBulk'
import { SECRETS_DOC } from './cloudSecrets'
import { claimIdempotent, getIdempotent, putIdempotent, releaseIdempotent, takeOverIdempotent } from './cloudIdempotency'
import { listAll } from './cloudLists'
import { type RepairReport, repairPending } from './cloudRecount'
import { tallyRecordsOf } from './cloudTallies'
import { CloudCatalogStore } from './cloudStores/catalog'
import { CloudFieldTimeStore } from './cloudStores/fieldTime'
import { CloudInviteStore } from './cloudStores/invites'
import { CloudSettingsStore } from './cloudStores/settings'
import { CloudOrgStore } from './cloudStores/org'
import { CloudRosterStore } from './cloudStores/roster'
import { CloudSheetStore } from './cloudStores/sheets'
import { CloudAuditStore } from './cloudStores/audit'
import { CloudSnapshotStore } from './cloudStores/snapshots'
import { CloudLimitStore } from './cloudStores/limits'
import { CloudReviewStore } from './cloudStores/reviews'
import { CloudCommentStore } from './cloudStores/comments'
import { CloudCaseStore } from './cloudStores/cases'
import { CloudAppealStore } from './cloudStores/appeals'
import { CloudVisitStore } from './cloudStores/visits'
import { defined, writeFeedback, writeRating, writeScore } from './cloudWrites'
import type {
  ActivityLoad,
  CommunityRecord,
  FeedbackRecord,
  GridRecord,
  IdempotencyRecord,
  OrgSeed,
  PostRecord,
  PrincipalRecord,
  RatingReceipt,
  ResidentRatingRecord,
  Store,
  SubdistrictRecord,
  SubdistrictScoreRecord,
  TallyRecord,
  WorkerRecord,
} from './store'

export type { CloudCollections } from './cloudCollections'
export type CloudDatabase = CloudDb<CloudCollections>

/** Writes of a bulk putOrg in flight at once: fast, without tripping the database's rate limits. */
const PUT_CONCURRENCY = 20
const SETTINGS_ID = 'current'

/** The record without the database's `_id` and the write bookkeeping (version, pending). */
function recordOf<T>(doc: WithId<T> | (WithId<T> & TwoStepFields)): T {
  const { _id, version, pending, receipt, ...fields } = doc as WithId<T> & Partial<TwoStepFields>
  return fields as unknown as T
}

export class CloudStore implements Store {
  readonly visits: CloudVisitStore
  readonly invites: CloudInviteStore
  readonly catalog: CloudCatalogStore
  readonly fieldTime: CloudFieldTimeStore
  readonly settings: CloudSettingsStore
  readonly org: CloudOrgStore
  readonly roster: CloudRosterStore
  readonly sheets: CloudSheetStore
  readonly audit: CloudAuditStore
  readonly snapshots: CloudSnapshotStore
  readonly limits: CloudLimitStore
  readonly reviews: CloudReviewStore
  readonly comments: CloudCommentStore
  readonly cases: CloudCaseStore
  readonly appeals: CloudAppealStore

  constructor(private readonly db: CloudDatabase) {
    this.visits = new CloudVisitStore(db)
    this.invites = new CloudInviteStore(db)
    this.catalog = new CloudCatalogStore(db)
    this.fieldTime = new CloudFieldTimeStore(db)
    this.settings = new CloudSettingsStore(db)
    this.org = new CloudOrgStore(db)
    this.roster = new CloudRosterStore(db)
    this.sheets = new CloudSheetStore(db)
    this.audit = new CloudAuditStore(db)
    this.snapshots = new CloudSnapshotStore(db)
    this.limits = new CloudLimitStore(db)
    this.reviews = new CloudReviewStore(db)
    this.comments = new CloudCommentStore(db)
    this.cases = new CloudCaseStore(db)
    this.appeals = new CloudAppealStore(db)
  }

  /** Creates the collections of collections.json that are missing; the second run creates none. */
  async setup(): Promise<string[]> {
    const created: string[] = []
    for (const name of COLLECTION_NAMES) {
      try {
        await this.db.createCollection(name)
        created.push(name)
      } catch (error) {
        if (!isCollectionTaken(error)) throw error
      }
    }
    return created
  }

  /** Set up once the settings exist: admin.setup saves them after creating every collection. */
  // Settings are written last by a setup, and the keys' document only by a setup that also created
  // every collection this version uses: an environment set up by an earlier version (settings, no keys)
  // is not set up yet, so the bureau is offered 初始化 again, which adds what is missing.
  async isSetUp(): Promise<boolean> {
    try {
      const [settings, keys] = await Promise.all([this.getSettings(), getOrNull(this.db.collection('secrets').doc(SECRETS_DOC))])
      return settings !== null && keys !== null
    } catch (error) {
      if (isCollectionMissing(error)) return false
      throw error
    }
  }

  isNotSetUp(error: unknown): boolean {
    return isCollectionMissing(error)
  }

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

  loadActivity(activity: ActivityLoad): Promise<void> {
    return loadActivity(this.db, activity)
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
    return this.list('workers', { subdistrictId })
  }

  getCommunity(id: string): Promise<CommunityRecord | null> {
    return this.get('communities', id)
  }

  listCommunities(subdistrictId: string): Promise<CommunityRecord[]> {
    return this.list('communities', { subdistrictId })
  }

  getGrid(id: string): Promise<GridRecord | null> {
    return this.get('grids', id)
  }

  getPost(id: string): Promise<PostRecord | null> {
    return this.get('posts', id)
  }

  listSubdistricts(): Promise<SubdistrictRecord[]> {
    return this.list('subdistricts', {})
  }

  getSubdistrict(id: string): Promise<SubdistrictRecord | null> {
    return this.get('subdistricts', id)
  }

  getPrincipal(openid: string): Promise<PrincipalRecord | null> {
    return this.get('principals', openid)
  }

  listPrincipals(): Promise<PrincipalRecord[]> {
    return this.list('principals', {})
  }

  submitResidentRating(rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }> {
    return writeRating(this.db, rating, receiptKey)
  }

  async getRatingReceipt(id: string): Promise<RatingReceipt | null> {
    const doc = await getOrNull(this.db.collection('resident_ratings').doc(id))
    return doc?.receipt ?? null
  }

  getResidentRating(id: string): Promise<ResidentRatingRecord | null> {
    return this.get('resident_ratings', id)
  }

  submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
    return writeFeedback(this.db, feedback)
  }

  async listTallies(subdistrictId: string, periods: string[]): Promise<TallyRecord[]> {
    if (periods.length === 0) return []
    // One query on (subdistrictId, year), which the collection indexes: a year of 300 workers is 300
    // documents, four reads of 100; a month or half-year reads the same documents.
    const years = [...new Set(periods.map((period) => period.slice(0, 4)))]
    const docs = await listAll(this.db, 'tallies', { subdistrictId, year: this.db.command.in(years) })
    return docs.flatMap((doc) => tallyRecordsOf(doc, periods))
  }

  putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void> {
    return writeScore(this.db, score, periodKind(score.period) === 'month')
  }

  async listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]> {
    if (periods.length === 0) return []
    return this.list('subdistrict_scores', { subdistrictId, period: this.db.command.in(periods) })
  }

  // Exactly-once submits: claims and first results in cloudIdempotency.ts.
  getIdempotent(key: string): Promise<IdempotencyRecord | null> {
    return getIdempotent(this.db, key)
  }

  claimIdempotent(key: string, claimedAt: string, payloadHash?: string): Promise<IdempotencyRecord | null> {
    return claimIdempotent(this.db, key, claimedAt, payloadHash)
  }

  takeOverIdempotent(key: string, staleAt: string, claimedAt: string): Promise<boolean> {
    return takeOverIdempotent(this.db, key, staleAt, claimedAt)
  }

  releaseIdempotent(key: string, claimedAt: string): Promise<void> {
    return releaseIdempotent(this.db, key, claimedAt)
  }

  putIdempotent(record: IdempotencyRecord): Promise<void> {
    return putIdempotent(this.db, record)
  }

  /** Each worker's tally document of the year, created ahead of the year's first rating. */
  prepareYear(year: string): Promise<number> {
    return prepareYear(this.db, year)
  }

  /** The timer trigger: recount what instances that died mid-write left pending (cloudRecount.ts). */
  repairPending(now: Date, settleMs: number): Promise<RepairReport> {
    return repairPending(this.db, now, settleMs)
  }

  private async get<K extends CollectionName>(name: K, id: string): Promise<CloudCollections[K] | null> {
    const doc = await getOrNull(this.db.collection(name).doc(id))
    return doc === null ? null : recordOf<CloudCollections[K]>(doc)
  }

  private put<K extends CollectionName>(name: K, id: string, data: CloudCollections[K]): Promise<unknown> {
    return this.db.collection(name).doc(id).set({ data: defined(data) })
  }

  private async list<K extends CollectionName>(name: K, where: Parameters<typeof listAll<K>>[2]): Promise<CloudCollections[K][]> {
    return (await listAll(this.db, name, where)).map((doc) => recordOf<CloudCollections[K]>(doc))
  }
}

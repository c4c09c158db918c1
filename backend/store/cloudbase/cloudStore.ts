// The Store on WeChat CloudBase: the cloud database through wx-server-sdk (the subset in db.ts).
// Deterministic document ids make the uniqueness rules hold without queries (a rating's id is
// hash(openid | workerCode | month), a feedback's is its serviceId). Writes that move a tally go through
// writes.ts (no transaction: atomic single-document writes, a `pending` mark, a recount by the timer
// trigger; docs/cloud-consistency.md); tallies are one document per worker and year (tallies.ts); lists page by 100.
// The parts are in their feature folders (backend/<feature>/cloudbase.ts); this composes them.
import type { Settings } from '@core/types'
import { type CloudCollections, type CollectionName, COLLECTION_NAMES } from './collections'
import { type CloudDb, getOrNull, isCollectionMissing, isCollectionTaken } from './db'
import { loadActivity, prepareYear } from './bulk'
import { SECRETS_DOC } from '../../secrets/cloudbase'
import { claimIdempotent, getIdempotent, putIdempotent, releaseIdempotent, takeOverIdempotent } from '../../idempotency/cloudbase'
import { listAll } from './lists'
import { withLimitRetry } from './limitRetry'
import { type RepairReport, repairPending } from './recount'
import { CloudRecordClaims, getRatingReceipt, getResidentRating, writeRating } from '../../ratings/cloudbase'
import { writeFeedback } from '../../feedback/cloudbase'
import { listTallies } from '../../tallies/cloudbase'
import { listSubdistrictScores, writeScore } from '../../scores/cloudbase'
import { CloudCatalogStore } from '../../catalog/cloudbase'
import { CloudFieldTimeStore } from '../../fieldTime/cloudbase'
import { CloudInviteStore } from '../../invites/cloudbase'
import { CloudSettingsStore } from '../../settings/cloudbase'
import { CloudOrgStore } from '../../org/cloudbase'
import { CloudRosterStore } from '../../roster/cloudbase'
import { CloudSheetStore } from '../../sheets/cloudbase'
import { CloudAuditStore } from '../../audit/cloudbase'
import { CloudSnapshotStore } from '../../reports/cloudbase'
import { CloudLimitStore, limitCounterId } from '../../limits/cloudbase'
import type { LimitCounter } from '../../limits/store'
import { CloudReviewStore } from '../../reviews/cloudbase'
import { CloudCommentStore } from '../../comments/cloudbase'
import { CloudCaseStore } from '../../cases/cloudbase'
import { CloudAppealStore } from '../../appeals/cloudbase'
import { CloudContentReportStore } from '../../contentReports/cloudbase'
import { CloudHallStore } from '../../hall/cloudbase'
import { CloudVisitStore } from '../../visits/cloudbase'
import { CloudSetupProgressStore } from '../../setup/cloudbase'
import { defined, recordOf } from './writes'
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
} from '..'

export type { CloudCollections } from './collections'
export type CloudDatabase = CloudDb<CloudCollections>

/** Writes of a bulk putOrg in flight at once: fast, without tripping the database's rate limits. */
const PUT_CONCURRENCY = 20
/** Collections created at once by setup: half the base plan's 20 connections. */
const SETUP_CONCURRENCY = 10
const SETTINGS_ID = 'current'

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
  readonly contentReports: CloudContentReportStore
  readonly hall: CloudHallStore
  readonly setupProgress: CloudSetupProgressStore
  /** A bad rating's write marks it; the hourly timer opens its case (backend/cases/dueCases.ts). */
  readonly casesByTimer = true
  readonly recordClaims: CloudRecordClaims

  private readonly db: CloudDatabase

  constructor(database: CloudDatabase) {
    // Every request retries a refusal for the connection limit (limitRetry.ts); a wrapped handle stays as it is.
    const db = withLimitRetry(database)
    this.db = db
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
    this.contentReports = new CloudContentReportStore(db)
    this.hall = new CloudHallStore(db)
    this.setupProgress = new CloudSetupProgressStore(db)
    this.recordClaims = new CloudRecordClaims(db, this.limits)
  }

  /** Creates the collections of collections.json that are missing, 10 at once; the second run creates none. */
  async setup(): Promise<string[]> {
    const create = async (name: string): Promise<boolean> => {
      try {
        await this.db.createCollection(name)
        return true
      } catch (error) {
        if (!isCollectionTaken(error)) throw error
        return false
      }
    }
    const created: string[] = []
    for (let i = 0; i < COLLECTION_NAMES.length; i += SETUP_CONCURRENCY) {
      const names = COLLECTION_NAMES.slice(i, i + SETUP_CONCURRENCY)
      const done = await Promise.all(names.map(create))
      created.push(...names.filter((_, k) => done[k]))
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

  loadActivity(activity: ActivityLoad, options: { resume?: boolean } = {}): Promise<void> {
    return loadActivity(this.db, activity, options.resume === true)
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

  /**
   * The caller's principal and, in the same request, their rate-limit counter (same collection, its own
   * `_id`): the limit store keeps it as a hint, so a submit's take is one write (limits/cloudbase.ts).
   */
  async getPrincipal(openid: string): Promise<PrincipalRecord | null> {
    const counterId = limitCounterId(openid)
    const { data } = await this.db.collection('principals').where({ _id: this.db.command.in([openid, counterId]) }).get()
    const counter = data.find((doc) => doc._id === counterId) as unknown as LimitCounter | undefined
    this.limits.remember(openid, counter ?? null)
    const principal = data.find((doc) => doc._id === openid)
    return principal === undefined ? null : recordOf<PrincipalRecord>(principal)
  }

  /** Every principal has a role; the rate-limit counters beside them have none (index `role`). */
  listPrincipals(): Promise<PrincipalRecord[]> {
    return this.list('principals', { role: this.db.command.exists(true) })
  }

  submitResidentRating(rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }> {
    return writeRating(this.db, rating, receiptKey)
  }

  getRatingReceipt(id: string): Promise<RatingReceipt | null> {
    return getRatingReceipt(this.db, id)
  }

  getResidentRating(id: string): Promise<ResidentRatingRecord | null> {
    return getResidentRating(this.db, id)
  }

  submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
    return writeFeedback(this.db, feedback)
  }

  listTallies(subdistrictId: string, periods: string[], groupsOf?: readonly string[]): Promise<TallyRecord[]> {
    return listTallies(this.db, subdistrictId, periods, groupsOf)
  }

  putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void> {
    return writeScore(this.db, score)
  }

  listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]> {
    return listSubdistrictScores(this.db, subdistrictId, periods)
  }

  // Exactly-once submits: claims and first results in backend/idempotency/cloudbase.ts.
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

  /** The timer trigger: recount what instances that died mid-write left pending (recount.ts). */
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

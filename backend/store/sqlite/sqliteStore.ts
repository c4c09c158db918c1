// The local runtime's Store: one SQLite file (better-sqlite3, synchronous and in-process). This opens
// the database (WAL, the schema) and composes the parts, each beside its port in its feature folder
// (backend/<feature>/sqlite.ts); every statement is prepared once, when the store opens. Ratings, feedback
// and monthly scores change their month's three tallies (month, half-year, year) in the same transaction,
// so an evaluation of any period reads one tally row per worker and never scans ratings.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Settings } from '@core/types'
import type {
  ActivityLoad,
  CommunityRecord,
  FeedbackRecord,
  GridRecord,
  IdempotencyRecord,
  RatingReceipt,
  OrgSeed,
  PostRecord,
  PrincipalRecord,
  ResidentRatingRecord,
  Store,
  SubdistrictRecord,
  SubdistrictScoreRecord,
  TallyRecord,
  WorkerRecord,
} from '..'
import { SqliteFeedback, SqliteRecipients } from '../../feedback/sqlite'
import { GroupCommit } from './groupCommit'
import { SqliteIdempotency } from '../../idempotency/sqlite'
import { SqliteRatings } from '../../ratings/sqlite'
import { SqliteWholeSubmits } from '../../ratings/sqliteOneTransaction'
import { SqliteRecordClaims } from '../../ratings/sqliteRecordClaims'
import { SqliteScores } from '../../scores/sqlite'
import { SqliteTallies } from '../../tallies/sqlite'
import { SqliteCatalogStore } from '../../catalog/sqlite'
import { SqliteFieldTimeStore } from '../../fieldTime/sqlite'
import { SqliteInviteStore } from '../../invites/sqlite'
import { SqliteSettingsStore } from '../../settings/sqlite'
import { SqliteVisitStore } from '../../visits/sqlite'
import { SqliteOrgStore, addWorkerActiveColumn } from '../../org/sqlite'
import { SqliteRosterStore } from '../../roster/sqlite'
import { SqliteSheetStore } from '../../sheets/sqlite'
import { SqliteAuditStore } from '../../audit/sqlite'
import { SqliteSnapshotStore } from '../../reports/sqlite'
import { SqliteLimitStore } from '../../limits/sqlite'
import { SqliteReviewStore } from '../../reviews/sqlite'
import { SqliteCommentStore } from '../../comments/sqlite'
import { SqliteCaseStore } from '../../cases/sqlite'
import { PendingCaseOpenings } from '../../cases/sqlitePendingOpenings'
import { SqliteAppealStore } from '../../appeals/sqlite'
import { SqliteContentReportStore } from '../../contentReports/sqlite'
import { SqliteHallStore } from '../../hall/sqlite'
import { WalCheckpointer } from './walCheckpointer'
import { addRatingColumns } from './ratingColumns'
import { type BulkLoad, type BulkLoadCounts, bulkLoad } from './bulkLoad'
import { rebuildAsRowidTable } from './rowidTables'
import { SCHEMA, assertCurrentSchema } from './schema'
import { SqliteOrgRecords } from './orgRecords'
import { SqliteSettingsRow } from './settingsRow'

export class SqliteStore implements Store {
  readonly visits: SqliteVisitStore
  readonly invites: SqliteInviteStore
  readonly catalog: SqliteCatalogStore
  readonly fieldTime: SqliteFieldTimeStore
  readonly settings: SqliteSettingsStore
  readonly org: SqliteOrgStore
  readonly roster: SqliteRosterStore
  readonly sheets: SqliteSheetStore
  readonly audit: SqliteAuditStore
  readonly snapshots: SqliteSnapshotStore
  readonly limits: SqliteLimitStore
  readonly reviews: SqliteReviewStore
  readonly comments: SqliteCommentStore
  readonly cases: SqliteCaseStore
  readonly appeals: SqliteAppealStore
  readonly contentReports: SqliteContentReportStore
  readonly hall: SqliteHallStore
  readonly wholeSubmits: SqliteWholeSubmits
  /** A rating's or feedback's row carries its submit's receipt: the submit's claim (sqliteRecordClaims.ts). */
  readonly recordClaims: SqliteRecordClaims
  private readonly db: Database.Database
  /** The organisation of putOrg, getWorker, getPrincipal, ... (see orgRecords.ts). */
  private readonly orgRecords: SqliteOrgRecords
  /** Claims, first results and rating receipts of exactly-once submits (see backend/idempotency/sqlite.ts). */
  private readonly idempotency: SqliteIdempotency
  /** People counted once in the 服务对象 party: the tallies' groups (see backend/feedback/sqlite.ts). */
  private readonly recipients: SqliteRecipients
  private readonly tallies: SqliteTallies
  private readonly ratings: SqliteRatings
  private readonly feedback: SqliteFeedback
  private readonly scores: SqliteScores
  /** The settings in force, kept parsed between saves (settingsRow.ts). */
  private readonly settingsRow: SqliteSettingsRow
  /** Bad ratings' cases, queued once their ratings are committed (see backend/cases/sqlitePendingOpenings.ts). */
  readonly caseOpenings: PendingCaseOpenings
  /** On-disk stores checkpoint the WAL in a worker thread (see walCheckpointer.ts). */
  private checkpointer: WalCheckpointer | null = null

  /** `file` may be ':memory:' (tests), or a database image (image()) to open in memory. */
  constructor(file: string | Buffer) {
    this.db = new Database(file)
    // WAL lets readers (evaluations) run beside the writer. NORMAL skips the fsync per commit: in WAL
    // mode a process crash loses nothing and a power cut at most the last commits, never consistency.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    // An erased call-back phone must not linger in the free space of the page it was in (trust rule 9):
    // FAST zeroes deleted content where that costs no extra I/O.
    this.db.pragma('secure_delete = FAST')
    assertCurrentSchema(this.db)
    for (const table of ['resident_ratings', 'feedback']) rebuildAsRowidTable(this.db, table)
    this.db.exec(SCHEMA)
    // Workers in post or not: the column a database made before gets, before anything reads workers.
    addWorkerActiveColumn(this.db)
    // Ratings' and feedback's `excluded` and `client_hash`, before any store prepares a SELECT of them.
    addRatingColumns(this.db)
    // Ratings, feedback, cases and audit entries arriving together share one COMMIT (see groupCommit.ts).
    const commits = new GroupCommit(this.db)
    this.recipients = new SqliteRecipients(this.db)
    this.idempotency = new SqliteIdempotency(this.db)
    this.orgRecords = new SqliteOrgRecords(this.db)
    this.visits = new SqliteVisitStore(this.db, (code) => this.orgRecords.worker(code))
    // An accepted invite changes who is bound: the cached principals are read again.
    this.invites = new SqliteInviteStore(this.db, () => this.orgRecords.forget())
    this.catalog = new SqliteCatalogStore(this.db)
    this.fieldTime = new SqliteFieldTimeStore(this.db)
    this.settingsRow = new SqliteSettingsRow(this.db)
    this.settings = new SqliteSettingsStore(this.db, () => this.settingsRow.forget())
    // Org edits and roster imports change workers: the cached ones are read again.
    this.org = new SqliteOrgStore(this.db, () => this.orgRecords.forget())
    this.roster = new SqliteRosterStore(this.db, () => this.orgRecords.forget())
    this.sheets = new SqliteSheetStore(this.db)
    // Bad ratings' cases, written just after their ratings; cases and audit entries are read after them.
    const settle = (): void => void this.caseOpenings.settle()
    this.audit = new SqliteAuditStore(this.db, commits, settle)
    this.snapshots = new SqliteSnapshotStore(this.db)
    this.limits = new SqliteLimitStore(this.db)
    this.reviews = new SqliteReviewStore(this.db, this.recipients)
    this.comments = new SqliteCommentStore(this.db)
    this.cases = new SqliteCaseStore(this.db, commits, settle)
    this.caseOpenings = new PendingCaseOpenings(this.db, this.cases, this.audit, commits)
    this.appeals = new SqliteAppealStore(this.db)
    this.contentReports = new SqliteContentReportStore(this.db)
    this.hall = new SqliteHallStore(this.db)
    const db = this.db
    this.tallies = new SqliteTallies(db, this.recipients)
    this.ratings = new SqliteRatings(db, commits, this.tallies, this.idempotency)
    this.feedback = new SqliteFeedback(db, commits, this.tallies, this.recipients)
    this.scores = new SqliteScores(db, this.tallies)
    // A submit's count, record with its receipt (its claim), tallies and case: one job of the same group commit.
    const settings = () => this.settingsRow.get()
    this.recordClaims = new SqliteRecordClaims({ commits, idempotency: this.idempotency, ratings: this.ratings, feedback: this.feedback })
    const parts = { commits, idempotency: this.idempotency, limits: this.limits, ratings: this.ratings, feedback: this.feedback, openings: this.caseOpenings }
    this.wholeSubmits = new SqliteWholeSubmits({ ...parts, claims: this.recordClaims, settings })
  }

  /** The database file under the local runtime's DATA_DIR. */
  static fileIn(dataDir: string): string {
    return join(dataDir, 'community-3456.db')
  }

  /** The database file under the local runtime's DATA_DIR, with its WAL checkpointed in a worker thread. */
  static openDir(dataDir: string): SqliteStore {
    mkdirSync(dataDir, { recursive: true })
    const store = new SqliteStore(SqliteStore.fileIn(dataDir))
    store.checkpointer = new WalCheckpointer(store.db)
    return store
  }

  /** The whole database as bytes (SQLite's serialize): tests seed the demo once and open copies of it. */
  image(): Buffer {
    this.caseOpenings.settle()
    return this.db.serialize()
  }

  close(): void {
    this.caseOpenings.settle()
    this.checkpointer?.stop()
    this.db.close()
  }

  async isEmpty(): Promise<boolean> {
    return this.orgRecords.isEmpty()
  }

  async putOrg(org: OrgSeed): Promise<void> {
    this.orgRecords.put(org)
  }

  async getSettings(): Promise<Settings | null> {
    return this.settingsRow.get()
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settingsRow.save(settings)
  }

  async getWorker(code: string): Promise<WorkerRecord | null> {
    return this.orgRecords.worker(code)
  }

  async listWorkers(subdistrictId: string): Promise<WorkerRecord[]> {
    return this.orgRecords.workers(subdistrictId)
  }

  async getCommunity(id: string): Promise<CommunityRecord | null> {
    return this.orgRecords.community(id)
  }

  async listCommunities(subdistrictId: string): Promise<CommunityRecord[]> {
    return this.orgRecords.communities(subdistrictId)
  }

  async getGrid(id: string): Promise<GridRecord | null> {
    return this.orgRecords.grid(id)
  }

  async getPost(id: string): Promise<PostRecord | null> {
    return this.orgRecords.post(id)
  }

  async listSubdistricts(): Promise<SubdistrictRecord[]> {
    return this.orgRecords.subdistricts()
  }

  async getSubdistrict(id: string): Promise<SubdistrictRecord | null> {
    return this.orgRecords.subdistrict(id)
  }

  async getPrincipal(openid: string): Promise<PrincipalRecord | null> {
    return this.orgRecords.principal(openid)
  }

  async listPrincipals(): Promise<PrincipalRecord[]> {
    return this.orgRecords.principals()
  }

  /**
   * Scale seeders only (not part of Store): loads ratings, feedback and monthly scores that are all new,
   * much faster than one submit each, with the tallies they make; see bulkLoad.ts.
   */
  bulkLoad(load: BulkLoad): BulkLoadCounts {
    return bulkLoad(this.db, load, this.recipients)
  }

  async loadActivity(activity: ActivityLoad): Promise<void> {
    bulkLoad(this.db, activity, this.recipients)
  }

  /** The tables are created when the database opens (SCHEMA); nothing is ever missing. */
  async setup(): Promise<string[]> {
    return []
  }

  /** Set up once settings are saved, as in the cloud; the tables themselves always exist. */
  async isSetUp(): Promise<boolean> {
    return (await this.getSettings()) !== null
  }

  /** SQLite creates its tables when it opens: no failure means "not set up". */
  isNotSetUp(): boolean {
    return false
  }

  /** A tally row is created by its first change: nothing to prepare. */
  async prepareYear(): Promise<number> {
    return 0
  }

  async submitResidentRating(rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }> {
    return this.ratings.submit(rating, receiptKey)
  }

  async getResidentRating(id: string): Promise<ResidentRatingRecord | null> {
    return this.ratings.get(id)
  }

  async submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
    return this.feedback.submit(feedback)
  }

  async listTallies(subdistrictId: string, periods: string[], groupsOf?: readonly string[]): Promise<TallyRecord[]> {
    return this.tallies.list(subdistrictId, periods, groupsOf)
  }

  async putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void> {
    this.scores.put(score)
  }

  async listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]> {
    return this.scores.list(subdistrictId, periods)
  }

  async getRatingReceipt(id: string): Promise<RatingReceipt | null> {
    return this.ratings.receipt(id)
  }

  async getIdempotent(key: string): Promise<IdempotencyRecord | null> {
    return this.idempotency.get(key)
  }

  async claimIdempotent(key: string, claimedAt: string, payloadHash?: string): Promise<IdempotencyRecord | null> {
    return this.idempotency.claim(key, claimedAt, payloadHash)
  }

  async takeOverIdempotent(key: string, staleAt: string, claimedAt: string): Promise<boolean> {
    return this.idempotency.takeOver(key, staleAt, claimedAt)
  }

  async releaseIdempotent(key: string, claimedAt: string): Promise<void> {
    this.idempotency.release(key, claimedAt)
  }

  async putIdempotent(record: IdempotencyRecord): Promise<void> {
    this.idempotency.put(record)
  }
}

// The local runtime's Store: one SQLite file (better-sqlite3, synchronous and in-process).
// Every statement is prepared once here; ratings, feedback and monthly scores change their month's
// three tallies (month, half-year, year) in the same transaction, so an evaluation of any period reads
// one tally row per worker and never scans ratings.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Level, Settings } from '../src/core/types'
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
} from '../cloudfunctions/api/src/store'
import { periodKind } from '../src/core/periods'
import { rollUpMonths } from '../src/core/tallies'
import { type TallyChange, addedLevel, countsOfChange, monthlyScoreChange, movedLevel, personChange } from '../cloudfunctions/api/src/domain/tallyChange'
import { withLevel } from '../src/core/recipients'
import { SqliteRecipients } from './sqliteRecipients'
import { GroupCommit } from './groupCommit'
import { SqliteIdempotency } from './sqliteIdempotency'
import { SqliteCatalogStore } from './stores/catalog'
import { SqliteFieldTimeStore } from './stores/fieldTime'
import { SqliteInviteStore } from './stores/invites'
import { SqliteSettingsStore } from './stores/settings'
import { SqliteVisitStore } from './stores/visits'
import { SqliteOrgStore, type WorkerRow, addWorkerActiveColumn, workerOf } from './stores/org'
import { SqliteRosterStore } from './stores/roster'
import { SqliteSheetStore } from './stores/sheets'
import { SqliteAuditStore } from './stores/audit'
import { SqliteSnapshotStore } from './stores/snapshots'
import { SqliteLimitStore } from './stores/limits'
import { SqliteReviewStore } from './stores/reviews'
import { SqliteCommentStore } from './stores/comments'
import { SqliteCaseStore } from './stores/cases'
import { SqliteAppealStore } from './stores/appeals'
import { WalCheckpointer } from './walCheckpointer'
import { RATING_COLUMNS, type WithRatingColumns, addRatingColumns, ratingColumnValues, ratingColumnsOf } from './ratingColumns'
import { type BulkLoad, type BulkLoadCounts, bulkLoad } from './sqliteBulkLoad'
import {
  BUMP_TALLY,
  MOVE_TALLY,
  SCHEMA,
  TALLY_COLUMNS,
  type PrincipalRow,
  type TallyRow,
  assertCurrentSchema,
  principalOf,
  principalRow,
  tallyRowOf,
  tallyOf,
} from './sqliteSchema'

type One = [string]

interface OrgCache {
  workers: Map<string, WorkerRecord>
  principals: Map<string, PrincipalRecord>
}

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
  private readonly db: Database.Database
  private readonly stmt
  private readonly tx
  /** Ratings and feedback arriving together share one COMMIT (see groupCommit.ts). */
  private readonly commits: GroupCommit
  /** Claims, first results and rating receipts of exactly-once submits (see sqliteIdempotency.ts). */
  private readonly idempotency: SqliteIdempotency
  /** People counted once in the 服务对象 party: the tallies' groups (see sqliteRecipients.ts). */
  private readonly recipients: SqliteRecipients
  private orgCache: OrgCache | null = null
  /** On-disk stores checkpoint the WAL in a worker thread (see walCheckpointer.ts). */
  private checkpointer: WalCheckpointer | null = null

  /** `file` may be ':memory:' (tests). */
  constructor(file: string) {
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
    this.db.exec(SCHEMA)
    // Workers in post or not (issue 8): the column a database made before gets, before anything reads workers.
    addWorkerActiveColumn(this.db)
    // Issue 9: ratings' and feedback's `excluded` and `client_hash`, before any store prepares a SELECT of them.
    addRatingColumns(this.db)
    this.recipients = new SqliteRecipients(this.db)
    this.idempotency = new SqliteIdempotency(this.db)
    this.visits = new SqliteVisitStore(this.db)
    // An accepted invite changes who is bound: the cached principals are read again.
    this.invites = new SqliteInviteStore(this.db, () => (this.orgCache = null))
    this.catalog = new SqliteCatalogStore(this.db)
    this.fieldTime = new SqliteFieldTimeStore(this.db)
    this.settings = new SqliteSettingsStore(this.db)
    // Org edits and roster imports change workers: the cached ones are read again.
    this.org = new SqliteOrgStore(this.db, () => (this.orgCache = null))
    this.roster = new SqliteRosterStore(this.db, () => (this.orgCache = null))
    this.sheets = new SqliteSheetStore(this.db)
    this.audit = new SqliteAuditStore(this.db)
    this.snapshots = new SqliteSnapshotStore(this.db)
    this.limits = new SqliteLimitStore(this.db)
    this.reviews = new SqliteReviewStore(this.db, this.recipients)
    this.comments = new SqliteCommentStore(this.db)
    this.cases = new SqliteCaseStore(this.db)
    this.appeals = new SqliteAppealStore(this.db)
    const db = this.db
    this.stmt = {
      hasOrg: db.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM subdistricts) AS found'),
      getSettings: db.prepare<[], { json: string }>('SELECT json FROM settings WHERE id = 1'),
      saveSettings: db.prepare<[string]>(
        'INSERT INTO settings (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
      ),
      putSubdistrict: db.prepare<SubdistrictRecord>(
        'INSERT INTO subdistricts (id, name) VALUES (@id, @name) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
      ),
      putCommunity: db.prepare<CommunityRecord>(
        `INSERT INTO communities (id, name, subdistrict_id) VALUES (@id, @name, @subdistrictId)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, subdistrict_id = excluded.subdistrict_id`,
      ),
      putGrid: db.prepare<GridRecord>(
        `INSERT INTO grids (id, name, community_id, households) VALUES (@id, @name, @communityId, @households)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, community_id = excluded.community_id,
           households = excluded.households`,
      ),
      putPost: db.prepare<{ id: string; name: string; duties: string }>(
        `INSERT INTO posts (id, name, duties) VALUES (@id, @name, @duties)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, duties = excluded.duties`,
      ),
      putWorker: db.prepare<WorkerRow>(
        `INSERT INTO workers (code, name, post_id, community_id, grid_id, subdistrict_id, active)
         VALUES (@code, @name, @postId, @communityId, @gridId, @subdistrictId, @active)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, post_id = excluded.post_id,
           community_id = excluded.community_id, grid_id = excluded.grid_id, subdistrict_id = excluded.subdistrict_id,
           active = excluded.active`,
      ),
      putPrincipal: db.prepare<PrincipalRow>(
        `INSERT INTO principals (openid, role, name, worker_code, community_id, subdistrict_id)
         VALUES (@openid, @role, @name, @workerCode, @communityId, @subdistrictId)
         ON CONFLICT (openid) DO UPDATE SET role = excluded.role, name = excluded.name,
           worker_code = excluded.worker_code, community_id = excluded.community_id,
           subdistrict_id = excluded.subdistrict_id`,
      ),
      allWorkers: db.prepare<[], WorkerRow>(WORKER_SELECT),
      listWorkers: db.prepare<One, WorkerRow>(`${WORKER_SELECT} WHERE subdistrict_id = ? ORDER BY code`),
      getCommunity: db.prepare<One, CommunityRecord>(`${COMMUNITY_SELECT} WHERE id = ?`),
      listCommunities: db.prepare<One, CommunityRecord>(`${COMMUNITY_SELECT} WHERE subdistrict_id = ? ORDER BY id`),
      getGrid: db.prepare<One, GridRecord>(
        'SELECT id, name, community_id AS communityId, households FROM grids WHERE id = ?',
      ),
      getPost: db.prepare<One, { id: string; name: string; duties: string }>(
        'SELECT id, name, duties FROM posts WHERE id = ?',
      ),
      listSubdistricts: db.prepare<[], SubdistrictRecord>('SELECT id, name FROM subdistricts ORDER BY id'),
      getSubdistrict: db.prepare<One, SubdistrictRecord>('SELECT id, name FROM subdistricts WHERE id = ?'),
      listPrincipals: db.prepare<[], PrincipalRow>(`${PRINCIPAL_SELECT} ORDER BY openid`),
      getRating: db.prepare<One, WithRatingColumns<ResidentRatingRecord>>(`${RATING_SELECT} WHERE id = ?`),
      // An excluded rating (issue 9) stays excluded when re-rated: its level moves no tally.
      ratingLevel: db.prepare<One, { level: Level; excluded: number }>('SELECT level, exclusion IS NOT NULL AS excluded FROM resident_ratings WHERE id = ?'),
      putRating: db.prepare<WithRatingColumns<ResidentRatingRecord>>(
        `INSERT INTO resident_ratings (id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at, client_hash)
         VALUES (@id, @openid, @workerCode, @subdistrictId, @month, @level, @comment, @commentStatus, @submittedAt, @clientHash)
         ON CONFLICT (id) DO UPDATE SET level = excluded.level, comment = excluded.comment,
           comment_status = excluded.comment_status, submitted_at = excluded.submitted_at, client_hash = excluded.client_hash`,
      ),
      insertFeedback: db.prepare<WithRatingColumns<FeedbackRecord>>(
        `INSERT INTO feedback (service_id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at, client_hash)
         VALUES (@serviceId, @openid, @workerCode, @subdistrictId, @month, @level, @comment, @commentStatus, @submittedAt, @clientHash)
         ON CONFLICT (service_id) DO NOTHING`,
      ),
      // The first rating, feedback or monthly score of a worker's month (creates missing rows).
      bumpTally: db.prepare<TallyRow>(BUMP_TALLY),
      // A change to rows an earlier change of the same month created (a re-rate, a replaced score).
      moveTally: db.prepare<TallyRow>(MOVE_TALLY),
      listTallies: db.prepare<[string, string], TallyRow>(
        `SELECT ${TALLY_COLUMNS} FROM tallies WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))`,
      ),
      scoreOf: db.prepare<[string, string], { score: number }>(
        'SELECT score FROM subdistrict_scores WHERE worker_code = ? AND period = ?',
      ),
      putScore: db.prepare<SubdistrictScoreRecord>(
        `INSERT INTO subdistrict_scores (worker_code, period, subdistrict_id, score, entered_by, entered_at)
         VALUES (@workerCode, @period, @subdistrictId, @score, @enteredBy, @enteredAt)
         ON CONFLICT (worker_code, period) DO UPDATE SET subdistrict_id = excluded.subdistrict_id,
           score = excluded.score, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
      ),
      listScores: db.prepare<[string, string], SubdistrictScoreRecord>(
        `SELECT worker_code AS workerCode, subdistrict_id AS subdistrictId, period, score,
           entered_by AS enteredBy, entered_at AS enteredAt
         FROM subdistrict_scores WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))`,
      ),
    }
    this.commits = new GroupCommit(db)
    this.tx = {
      // Parents before children, so the foreign keys hold at every step.
      putOrg: db.transaction((org: OrgSeed): void => {
        const st = this.stmt
        for (const s of org.subdistricts) st.putSubdistrict.run(s)
        for (const c of org.communities) st.putCommunity.run(c)
        for (const g of org.grids) st.putGrid.run(g)
        for (const p of org.posts) st.putPost.run({ id: p.id, name: p.name, duties: JSON.stringify(p.duties) })
        for (const w of org.workers) st.putWorker.run({ ...w, active: w.active === false ? 0 : 1 })
        for (const p of org.principals) st.putPrincipal.run(principalRow(p))
      }),
      // Run inside a group commit (this.commits), which supplies the transaction.
      submitRating: (rating: ResidentRatingRecord, receiptKey: string | undefined): { replaced: boolean } => {
        const previous = this.stmt.ratingLevel.get(rating.id)
        this.stmt.putRating.run({ ...rating, ...ratingColumnValues(rating) })
        // The receipt commits with the rating: a retry can rebuild this write's result (domain/idempotency.ts).
        this.idempotency.writeReceipt(rating.id, receiptKey, previous !== undefined)
        if (previous === undefined) {
          this.applyToTallies(rating, { residents: addedLevel(rating.level) }, 'new')
          return { replaced: false }
        }
        // Same id means same rater, worker and month: only the level moves within that month's tallies;
        // an excluded rating is in no tally, and stays out.
        if (previous.excluded === 1) return { replaced: true }
        const moved = movedLevel(previous.level, rating.level)
        if (moved !== null) this.applyToTallies(rating, { residents: moved }, 'known')
        return { replaced: true }
      },
      submitFeedback: (feedback: FeedbackRecord): { inserted: boolean } => {
        // The person's feedback on the worker that counts this month so far: one person counts once.
        const before = this.recipients.personLevels(feedback.openid, feedback.workerCode, feedback.month)
        // One feedback per service visit: a second one for the same serviceId changes nothing.
        if (this.stmt.insertFeedback.run({ ...feedback, ...ratingColumnValues(feedback) }).changes === 0) return { inserted: false }
        // Their first feedback of the month only adds (the rows may be new); a later one moves counts within rows that exist.
        this.applyToTallies(feedback, personChange(before, withLevel(before, feedback.level, 1)), before.every((n) => n === 0) ? 'new' : 'known')
        return { inserted: true }
      },
      putScore: db.transaction((score: SubdistrictScoreRecord): void => {
        const previous = this.stmt.scoreOf.get(score.workerCode, score.period)
        this.stmt.putScore.run(score)
        // A half-year or year score is read as it is; only monthly scores roll up into the tallies.
        if (periodKind(score.period) !== 'month') return
        const change = monthlyScoreChange(score.score, previous?.score ?? null)
        const at = { workerCode: score.workerCode, subdistrictId: score.subdistrictId, month: score.period }
        if (change !== null) this.applyToTallies(at, change, previous === undefined ? 'new' : 'known')
      }),
    }
  }

  /** The database file under the local runtime's DATA_DIR. */
  static openDir(dataDir: string): SqliteStore {
    mkdirSync(dataDir, { recursive: true })
    const store = new SqliteStore(join(dataDir, 'community-3456.db'))
    store.checkpointer = new WalCheckpointer(store.db)
    return store
  }

  close(): void {
    this.checkpointer?.stop()
    this.db.close()
  }

  async isEmpty(): Promise<boolean> {
    return this.stmt.hasOrg.get()?.found !== 1
  }

  async putOrg(org: OrgSeed): Promise<void> {
    this.tx.putOrg(org)
    this.orgCache = null
  }

  /**
   * Workers and bound identities change only through putOrg, accepted invites, org edits and roster imports of this process (the local
   * runtime owns its DATA_DIR), so every call after the first reads them from memory: two fewer SQLite
   * lookups per rating.
   */
  private cachedOrg(): OrgCache {
    if (this.orgCache === null) {
      this.orgCache = {
        workers: new Map(this.stmt.allWorkers.all().map((row) => [row.code, workerOf(row)])),
        principals: new Map(this.stmt.listPrincipals.all().map((row) => [row.openid, principalOf(row)])),
      }
    }
    return this.orgCache
  }

  async getSettings(): Promise<Settings | null> {
    const row = this.stmt.getSettings.get()
    return row ? (JSON.parse(row.json) as Settings) : null
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.stmt.saveSettings.run(JSON.stringify(settings))
  }

  async getWorker(code: string): Promise<WorkerRecord | null> {
    return this.cachedOrg().workers.get(code) ?? null
  }

  async listWorkers(subdistrictId: string): Promise<WorkerRecord[]> {
    return this.stmt.listWorkers.all(subdistrictId).map(workerOf)
  }

  async getCommunity(id: string): Promise<CommunityRecord | null> {
    return this.stmt.getCommunity.get(id) ?? null
  }

  async listCommunities(subdistrictId: string): Promise<CommunityRecord[]> {
    return this.stmt.listCommunities.all(subdistrictId)
  }

  async getGrid(id: string): Promise<GridRecord | null> {
    return this.stmt.getGrid.get(id) ?? null
  }

  async getPost(id: string): Promise<PostRecord | null> {
    const row = this.stmt.getPost.get(id)
    return row ? { id: row.id, name: row.name, duties: JSON.parse(row.duties) as string[] } : null
  }

  async listSubdistricts(): Promise<SubdistrictRecord[]> {
    return this.stmt.listSubdistricts.all()
  }

  async getSubdistrict(id: string): Promise<SubdistrictRecord | null> {
    return this.stmt.getSubdistrict.get(id) ?? null
  }

  async getPrincipal(openid: string): Promise<PrincipalRecord | null> {
    return this.cachedOrg().principals.get(openid) ?? null
  }

  async listPrincipals(): Promise<PrincipalRecord[]> {
    return this.stmt.listPrincipals.all().map(principalOf)
  }

  async submitResidentRating(rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }> {
    return this.commits.run(() => this.tx.submitRating(rating, receiptKey))
  }

  /**
   * Scale seeders only (not part of Store): loads ratings, feedback and monthly scores that are all new,
   * much faster than one submit each, with the tallies they make; see sqliteBulkLoad.ts.
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

  /** The change on the month's three tallies; callers wrap it in a transaction. */
  private applyToTallies(at: { workerCode: string; subdistrictId: string; month: string }, change: TallyChange, rows: 'new' | 'known'): void {
    const statement = rows === 'new' ? this.stmt.bumpTally : this.stmt.moveTally
    for (const [period, counts] of rollUpMonths([[at.month, countsOfChange(change)]])) {
      statement.run(tallyRowOf(at, period, counts))
      this.recipients.addGroups(at, period, counts.recipientGroups)
    }
  }

  async getResidentRating(id: string): Promise<ResidentRatingRecord | null> {
    const row = this.stmt.getRating.get(id)
    return row === undefined ? null : ratingColumnsOf(row)
  }

  async submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
    return this.commits.run(() => this.tx.submitFeedback(feedback))
  }

  async listTallies(subdistrictId: string, periods: string[]): Promise<TallyRecord[]> {
    return this.recipients.withGroups(subdistrictId, periods, this.stmt.listTallies.all(subdistrictId, JSON.stringify(periods)).map(tallyOf))
  }

  async putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void> {
    this.tx.putScore(score)
  }

  async listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]> {
    return this.stmt.listScores.all(subdistrictId, JSON.stringify(periods))
  }

  async getRatingReceipt(id: string): Promise<RatingReceipt | null> {
    return this.idempotency.receipt(id)
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

const WORKER_SELECT = `SELECT code, name, post_id AS postId, community_id AS communityId, grid_id AS gridId,
  subdistrict_id AS subdistrictId, active FROM workers`
const COMMUNITY_SELECT = 'SELECT id, name, subdistrict_id AS subdistrictId FROM communities'
const PRINCIPAL_SELECT = `SELECT openid, role, name, worker_code AS workerCode, community_id AS communityId,
  subdistrict_id AS subdistrictId FROM principals`
const RATING_SELECT = `SELECT id, openid, worker_code AS workerCode, subdistrict_id AS subdistrictId, month, level,
  comment, comment_status AS commentStatus, submitted_at AS submittedAt, ${RATING_COLUMNS} FROM resident_ratings`

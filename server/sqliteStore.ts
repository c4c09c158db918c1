// The local runtime's Store: one SQLite file (better-sqlite3, synchronous and in-process).
// Every statement is prepared once here; ratings and their tallies change in one transaction,
// so an evaluation reads O(workers x months) tally rows and never scans ratings.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Level, Settings } from '../src/core/types'
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
} from '../cloudfunctions/api/src/store'
import { SCHEMA, type PrincipalRow, type TallyRow, principalOf, principalRow, tallyDelta, tallyOf } from './sqliteSchema'

type One = [string]

export class SqliteStore implements Store {
  private readonly db: Database.Database
  private readonly stmt
  private readonly tx

  /** `file` may be ':memory:' (tests). */
  constructor(file: string) {
    this.db = new Database(file)
    // WAL lets readers (evaluations) run beside the writer. NORMAL skips the fsync per commit: in WAL
    // mode a process crash loses nothing and a power cut at most the last commits, never consistency.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    this.db.exec(SCHEMA)
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
      putWorker: db.prepare<WorkerRecord>(
        `INSERT INTO workers (code, name, post_id, community_id, grid_id, subdistrict_id)
         VALUES (@code, @name, @postId, @communityId, @gridId, @subdistrictId)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, post_id = excluded.post_id,
           community_id = excluded.community_id, grid_id = excluded.grid_id, subdistrict_id = excluded.subdistrict_id`,
      ),
      putPrincipal: db.prepare<PrincipalRow>(
        `INSERT INTO principals (openid, role, name, worker_code, community_id, subdistrict_id)
         VALUES (@openid, @role, @name, @workerCode, @communityId, @subdistrictId)
         ON CONFLICT (openid) DO UPDATE SET role = excluded.role, name = excluded.name,
           worker_code = excluded.worker_code, community_id = excluded.community_id,
           subdistrict_id = excluded.subdistrict_id`,
      ),
      getWorker: db.prepare<One, WorkerRecord>(`${WORKER_SELECT} WHERE code = ?`),
      listWorkers: db.prepare<One, WorkerRecord>(`${WORKER_SELECT} WHERE subdistrict_id = ? ORDER BY code`),
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
      getPrincipal: db.prepare<One, PrincipalRow>(`${PRINCIPAL_SELECT} WHERE openid = ?`),
      listPrincipals: db.prepare<[], PrincipalRow>(`${PRINCIPAL_SELECT} ORDER BY openid`),
      getRating: db.prepare<One, ResidentRatingRecord>(`${RATING_SELECT} WHERE id = ?`),
      ratingLevel: db.prepare<One, { level: Level }>('SELECT level FROM resident_ratings WHERE id = ?'),
      putRating: db.prepare<ResidentRatingRecord>(
        `INSERT INTO resident_ratings (id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at)
         VALUES (@id, @openid, @workerCode, @subdistrictId, @month, @level, @comment, @commentStatus, @submittedAt)
         ON CONFLICT (id) DO UPDATE SET level = excluded.level, comment = excluded.comment,
           comment_status = excluded.comment_status, submitted_at = excluded.submitted_at`,
      ),
      insertFeedback: db.prepare<FeedbackRecord>(
        `INSERT INTO feedback (service_id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at)
         VALUES (@serviceId, @openid, @workerCode, @subdistrictId, @month, @level, @comment, @commentStatus, @submittedAt)
         ON CONFLICT (service_id) DO NOTHING`,
      ),
      // A new rating: +1 on its level, creating the tally row on the first rating of the month.
      addToTally: db.prepare<TallyRow>(
        `INSERT INTO tallies (worker_code, month, party, subdistrict_id, n1, n2, n3, n4, n5)
         VALUES (@workerCode, @month, @party, @subdistrictId, @n1, @n2, @n3, @n4, @n5)
         ON CONFLICT (worker_code, month, party) DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2,
           n3 = n3 + excluded.n3, n4 = n4 + excluded.n4, n5 = n5 + excluded.n5`,
      ),
      // A re-rate: -1 on the old level, +1 on the new; the row exists since the first rating made it.
      // (Not an upsert: SQLite checks the n >= 0 CHECKs on the proposed insert row before the conflict.)
      moveInTally: db.prepare<TallyRow>(
        `UPDATE tallies SET n1 = n1 + @n1, n2 = n2 + @n2, n3 = n3 + @n3, n4 = n4 + @n4, n5 = n5 + @n5
         WHERE worker_code = @workerCode AND month = @month AND party = @party`,
      ),
      listTallies: db.prepare<[string, string], TallyRow>(
        `SELECT worker_code AS workerCode, month, party, subdistrict_id AS subdistrictId, n1, n2, n3, n4, n5
         FROM tallies WHERE subdistrict_id = ? AND month IN (SELECT value FROM json_each(?))`,
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
      getIdempotent: db.prepare<One, { key: string; result: string; createdAt: string }>(
        'SELECT key, result, created_at AS createdAt FROM idempotency WHERE key = ?',
      ),
      // The first result wins: a retry racing the original must not overwrite what was already returned.
      putIdempotent: db.prepare<[string, string, string]>(
        'INSERT INTO idempotency (key, result, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
      ),
    }
    this.tx = {
      // Parents before children, so the foreign keys hold at every step.
      putOrg: db.transaction((org: OrgSeed): void => {
        const st = this.stmt
        for (const s of org.subdistricts) st.putSubdistrict.run(s)
        for (const c of org.communities) st.putCommunity.run(c)
        for (const g of org.grids) st.putGrid.run(g)
        for (const p of org.posts) st.putPost.run({ id: p.id, name: p.name, duties: JSON.stringify(p.duties) })
        for (const w of org.workers) st.putWorker.run(w)
        for (const p of org.principals) st.putPrincipal.run(principalRow(p))
      }),
      submitRating: db.transaction((rating: ResidentRatingRecord) => this.applyRating(rating)),
      submitRatings: db.transaction((ratings: ResidentRatingRecord[]) => {
        for (const rating of ratings) this.applyRating(rating)
      }),
      submitFeedback: db.transaction((feedback: FeedbackRecord): { inserted: boolean } => {
        // One feedback per service visit: a second one for the same serviceId changes nothing.
        if (this.stmt.insertFeedback.run(feedback).changes === 0) return { inserted: false }
        this.stmt.addToTally.run(tallyDelta(feedback, 'recipients', feedback.level))
        return { inserted: true }
      }),
    }
  }

  /** The database file under the local runtime's DATA_DIR. */
  static openDir(dataDir: string): SqliteStore {
    mkdirSync(dataDir, { recursive: true })
    return new SqliteStore(join(dataDir, 'community-3456.db'))
  }

  close(): void {
    this.db.close()
  }

  async isEmpty(): Promise<boolean> {
    return this.stmt.hasOrg.get()?.found !== 1
  }

  async putOrg(org: OrgSeed): Promise<void> {
    this.tx.putOrg(org)
  }

  async getSettings(): Promise<Settings | null> {
    const row = this.stmt.getSettings.get()
    return row ? (JSON.parse(row.json) as Settings) : null
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.stmt.saveSettings.run(JSON.stringify(settings))
  }

  async getWorker(code: string): Promise<WorkerRecord | null> {
    return this.stmt.getWorker.get(code) ?? null
  }

  async listWorkers(subdistrictId: string): Promise<WorkerRecord[]> {
    return this.stmt.listWorkers.all(subdistrictId)
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
    const row = this.stmt.getPrincipal.get(openid)
    return row ? principalOf(row) : null
  }

  async listPrincipals(): Promise<PrincipalRecord[]> {
    return this.stmt.listPrincipals.all().map(principalOf)
  }

  async submitResidentRating(rating: ResidentRatingRecord): Promise<{ replaced: boolean }> {
    return this.tx.submitRating(rating)
  }

  /**
   * Scale seeders only (not part of Store): many ratings in one transaction, each applied exactly as
   * submitResidentRating does, so the tallies stay in step; one commit instead of one per rating.
   */
  bulkSubmitResidentRatings(ratings: ResidentRatingRecord[]): void {
    this.tx.submitRatings(ratings)
  }

  /** The rating and its tally; callers wrap it in a transaction. */
  private applyRating(rating: ResidentRatingRecord): { replaced: boolean } {
    const previous = this.stmt.ratingLevel.get(rating.id)
    this.stmt.putRating.run(rating)
    // Same id means same rater, worker and month: only the level moves within that month's tally.
    if (previous === undefined) this.stmt.addToTally.run(tallyDelta(rating, 'residents', rating.level))
    else if (previous.level !== rating.level) {
      this.stmt.moveInTally.run(tallyDelta(rating, 'residents', rating.level, previous.level))
    }
    return { replaced: previous !== undefined }
  }

  async getResidentRating(id: string): Promise<ResidentRatingRecord | null> {
    return this.stmt.getRating.get(id) ?? null
  }

  async submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
    return this.tx.submitFeedback(feedback)
  }

  async listTallies(subdistrictId: string, months: string[]): Promise<TallyRecord[]> {
    return this.stmt.listTallies.all(subdistrictId, JSON.stringify(months)).map(tallyOf)
  }

  async putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void> {
    this.stmt.putScore.run(score)
  }

  async listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]> {
    return this.stmt.listScores.all(subdistrictId, JSON.stringify(periods))
  }

  async getIdempotent(key: string): Promise<IdempotencyRecord | null> {
    const row = this.stmt.getIdempotent.get(key)
    return row ? { key: row.key, result: JSON.parse(row.result) as unknown, createdAt: row.createdAt } : null
  }

  async putIdempotent(record: IdempotencyRecord): Promise<void> {
    this.stmt.putIdempotent.run(record.key, JSON.stringify(record.result ?? null), record.createdAt)
  }
}

const WORKER_SELECT = `SELECT code, name, post_id AS postId, community_id AS communityId, grid_id AS gridId,
  subdistrict_id AS subdistrictId FROM workers`
const COMMUNITY_SELECT = 'SELECT id, name, subdistrict_id AS subdistrictId FROM communities'
const PRINCIPAL_SELECT = `SELECT openid, role, name, worker_code AS workerCode, community_id AS communityId,
  subdistrict_id AS subdistrictId FROM principals`
const RATING_SELECT = `SELECT id, openid, worker_code AS workerCode, subdistrict_id AS subdistrictId, month, level,
  comment, comment_status AS commentStatus, submitted_at AS submittedAt FROM resident_ratings`

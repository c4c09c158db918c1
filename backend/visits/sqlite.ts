// The SQLite side of VisitStore (backend/visits/store.ts). Creates its own table. Whether a visit's
// worker is in post is their record's, as the store holds it (orgRecords.ts): nothing is copied to visits.
import type Database from 'better-sqlite3'
import type { FeedbackRecord, WorkerRecord } from '../store/records'
import type { VisitRecord, VisitStore, VisitToRate } from './store'
import { isActiveWorker } from '@core/org'
import type { Level } from '@core/types'
import { RATING_COLUMNS, type WithRatingColumns, ratingColumnsOf } from '../store/sqlite/ratingColumns'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS visits (
  visit_code TEXT PRIMARY KEY,
  worker_code TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  community_id TEXT NOT NULL,
  type TEXT NOT NULL,
  place TEXT NOT NULL,
  note TEXT NOT NULL,
  at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS visits_by_worker ON visits (worker_code, at);
`

const SELECT = `SELECT visit_code AS visitCode, worker_code AS workerCode, subdistrict_id AS subdistrictId,
  community_id AS communityId, type, place, note, at FROM visits`

export class SqliteVisitStore implements VisitStore {
  private readonly stmt

  /** `workerOf`: the store's worker by code (SqliteStore.getWorker's). */
  constructor(
    db: Database.Database,
    private readonly workerOf: (code: string) => WorkerRecord | null,
  ) {
    db.exec(SCHEMA)
    this.stmt = {
      put: db.prepare<VisitRecord>(`INSERT INTO visits (visit_code, worker_code, subdistrict_id, community_id, type, place, note, at)
        VALUES (@visitCode, @workerCode, @subdistrictId, @communityId, @type, @place, @note, @at)`),
      get: db.prepare<[string], VisitRecord>(`${SELECT} WHERE visit_code = ?`),
      list: db.prepare<[string, string, string], VisitRecord>(`${SELECT} WHERE worker_code = ? AND at >= ? AND at < ? ORDER BY at, visit_code`),
      // The feedback table is the Store's (backend/store/sqlite/schema.ts); a feedback's service_id is its visit code.
      feedbackLevels: db.prepare<[string], { visitCode: string; level: Level }>(
        'SELECT service_id AS visitCode, level FROM feedback WHERE service_id IN (SELECT value FROM json_each(?))',
      ),
      getFeedback: db.prepare<[string], WithRatingColumns<FeedbackRecord>>(
        `SELECT service_id AS serviceId, openid, worker_code AS workerCode, subdistrict_id AS subdistrictId, month, level,
          comment, comment_status AS commentStatus, submitted_at AS submittedAt, ${RATING_COLUMNS} FROM feedback WHERE service_id = ?`,
      ),
    }
  }

  async putVisit(visit: VisitRecord): Promise<void> {
    this.stmt.put.run(visit)
  }

  async getVisit(visitCode: string): Promise<VisitRecord | null> {
    return this.stmt.get.get(visitCode) ?? null
  }

  async getVisitToRate(visitCode: string): Promise<VisitToRate | null> {
    const visit = this.stmt.get.get(visitCode)
    if (visit === undefined) return null
    // A worker record that is not there is never out of post (visit.card reads it the same way).
    const worker = this.workerOf(visit.workerCode)
    return { ...visit, workerInPost: worker === null || isActiveWorker(worker) }
  }

  async listVisits(workerCode: string, from: string, to: string): Promise<VisitRecord[]> {
    return this.stmt.list.all(workerCode, from, to)
  }

  async feedbackLevels(visitCodes: readonly string[]): Promise<Map<string, Level>> {
    if (visitCodes.length === 0) return new Map()
    const rows = this.stmt.feedbackLevels.all(JSON.stringify(visitCodes))
    return new Map(rows.map((row) => [row.visitCode, row.level]))
  }

  async getFeedback(visitCode: string): Promise<FeedbackRecord | null> {
    const row = this.stmt.getFeedback.get(visitCode)
    return row === undefined ? null : ratingColumnsOf(row)
  }
}

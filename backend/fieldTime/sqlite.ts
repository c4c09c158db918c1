// The SQLite side of FieldTimeStore (backend/fieldTime/store.ts). Creates its own table.
// better-sqlite3 is synchronous, so a start's checks and its insert run in one transaction and no other
// write comes between them; a partial unique index holds one open session per worker besides.
import type Database from 'better-sqlite3'
import type { FieldSessionRecord, FieldTimeStore, OpenFieldSession, StartRefusal } from './store'
import { monthsSpanned } from '@core/fieldSessions'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS field_sessions (
  session_id TEXT PRIMARY KEY,
  worker_code TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  community_id TEXT NOT NULL,
  grid TEXT NOT NULL,
  started_at TEXT NOT NULL,
  -- NULL while the session runs
  ended_at TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS field_sessions_by_worker ON field_sessions (worker_code, started_at);
CREATE UNIQUE INDEX IF NOT EXISTS field_sessions_one_open ON field_sessions (worker_code) WHERE ended_at IS NULL;
-- A worker's ratings of a month, what corroborates their sessions: the cloud has the same index (worker_month).
CREATE INDEX IF NOT EXISTS resident_ratings_by_worker_month ON resident_ratings (worker_code, month);
`

const SELECT = `SELECT session_id AS sessionId, worker_code AS workerCode, subdistrict_id AS subdistrictId,
  community_id AS communityId, grid, started_at AS startedAt, ended_at AS endedAt FROM field_sessions`

type Row = Omit<FieldSessionRecord, 'endedAt'> & { endedAt: string | null }

function openOf({ endedAt, ...open }: Row): OpenFieldSession {
  return open
}

export class SqliteFieldTimeStore implements FieldTimeStore {
  private readonly stmt
  private readonly start: (session: OpenFieldSession) => { started: true } | StartRefusal
  private readonly end: (workerCode: string, sessionId: string, endedAt: string) => FieldSessionRecord | null

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      open: db.prepare<[string], Row>(`${SELECT} WHERE worker_code = ? AND ended_at IS NULL`),
      lastEnd: db.prepare<[string], { lastEndedAt: string | null }>('SELECT MAX(ended_at) AS lastEndedAt FROM field_sessions WHERE worker_code = ?'),
      insert: db.prepare<OpenFieldSession>(`INSERT INTO field_sessions (session_id, worker_code, subdistrict_id, community_id, grid, started_at, ended_at)
        VALUES (@sessionId, @workerCode, @subdistrictId, @communityId, @grid, @startedAt, NULL)`),
      get: db.prepare<[string, string], Row>(`${SELECT} WHERE session_id = ? AND worker_code = ?`),
      close: db.prepare<[string, string]>('UPDATE field_sessions SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL'),
      list: db.prepare<[string, string, string], FieldSessionRecord>(
        `${SELECT} WHERE worker_code = ? AND started_at >= ? AND started_at < ? AND ended_at IS NOT NULL ORDER BY started_at, session_id`,
      ),
      ratingTimes: db.prepare<[string, string, string, string], { at: string }>(
        `SELECT submitted_at AS at FROM resident_ratings
         WHERE worker_code = ? AND month IN (SELECT value FROM json_each(?)) AND submitted_at >= ? AND submitted_at < ?
         ORDER BY submitted_at`,
      ),
    }
    this.start = db.transaction((session: OpenFieldSession): { started: true } | StartRefusal => {
      const open = this.stmt.open.get(session.workerCode)
      if (open !== undefined) return { started: false, reason: 'open', open: openOf(open) }
      const { lastEndedAt } = this.stmt.lastEnd.get(session.workerCode) ?? { lastEndedAt: null }
      if (lastEndedAt !== null && lastEndedAt > session.startedAt) return { started: false, reason: 'overlap', lastEndedAt }
      this.stmt.insert.run(session)
      return { started: true }
    })
    this.end = db.transaction((workerCode: string, sessionId: string, endedAt: string): FieldSessionRecord | null => {
      const row = this.stmt.get.get(sessionId, workerCode)
      if (row === undefined) return null
      if (row.endedAt !== null) return { ...row, endedAt: row.endedAt }
      this.stmt.close.run(endedAt, sessionId)
      return { ...row, endedAt }
    })
  }

  async getOpenSession(workerCode: string): Promise<OpenFieldSession | null> {
    const row = this.stmt.open.get(workerCode)
    return row === undefined ? null : openOf(row)
  }

  async startSession(session: OpenFieldSession): Promise<{ started: true } | StartRefusal> {
    return this.start(session)
  }

  async endSession(workerCode: string, sessionId: string, endedAt: string): Promise<FieldSessionRecord | null> {
    return this.end(workerCode, sessionId, endedAt)
  }

  async listSessions(workerCode: string, from: string, to: string): Promise<FieldSessionRecord[]> {
    return this.stmt.list.all(workerCode, from, to)
  }

  async listRatingTimes(workerCode: string, from: string, to: string): Promise<string[]> {
    const months = JSON.stringify(monthsSpanned(from, to))
    return this.stmt.ratingTimes.all(workerCode, months, from, to).map((row) => row.at)
  }
}

// The SQLite side of FieldTimeStore (backend/fieldTime/store.ts). Creates its own tables.
// better-sqlite3 is synchronous, so a start's checks and its insert run in one transaction and no other
// write comes between them; a partial unique index holds one open session per worker besides. An end adds
// the session's minutes to `field_minutes` (per worker and China month) in the same transaction, so the
// totals a report reads are always those of the logged sessions.
import type Database from 'better-sqlite3'
import type { FieldSessionRecord, FieldTimeStore, OpenFieldSession, StartRefusal } from './store'
import { minutesByMonth, monthsSpanned } from '@core/fieldSessions'

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
-- Each worker's logged minutes per China month (minutesByMonth): a report's grid time in one read.
CREATE TABLE IF NOT EXISTS field_minutes (
  worker_code TEXT NOT NULL,
  month TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  PRIMARY KEY (worker_code, month)
) WITHOUT ROWID;
-- A worker's ratings in a span of time, what corroborates their sessions (ratingTimes, bounded by time).
CREATE INDEX IF NOT EXISTS resident_ratings_by_worker_time ON resident_ratings (worker_code, submitted_at);
`

const SELECT = `SELECT session_id AS sessionId, worker_code AS workerCode, subdistrict_id AS subdistrictId,
  community_id AS communityId, grid, started_at AS startedAt, ended_at AS endedAt FROM field_sessions`

type Row = Omit<FieldSessionRecord, 'endedAt'> & { endedAt: string | null }

function openOf({ endedAt, ...open }: Row): OpenFieldSession {
  return open
}

type LoggedTimes = Pick<FieldSessionRecord, 'workerCode' | 'startedAt' | 'endedAt'>

/** Ended sessions' minutes summed per worker and month, then added to `field_minutes` in one go (an end, a bulk load). */
export class FieldMinutesBatch {
  private readonly totals = new Map<string, { workerCode: string; month: string; minutes: number }>()
  private readonly add

  constructor(db: Database.Database) {
    this.add = db.prepare<[string, string, number]>(
      `INSERT INTO field_minutes (worker_code, month, minutes) VALUES (?, ?, ?)
       ON CONFLICT (worker_code, month) DO UPDATE SET minutes = minutes + excluded.minutes`,
    )
  }

  count(session: LoggedTimes): void {
    for (const [month, minutes] of minutesByMonth(session.startedAt, session.endedAt)) {
      const key = `${session.workerCode}\u0000${month}`
      const total = this.totals.get(key)
      if (total === undefined) this.totals.set(key, { workerCode: session.workerCode, month, minutes })
      else total.minutes += minutes
    }
  }

  write(): void {
    for (const { workerCode, month, minutes } of this.totals.values()) this.add.run(workerCode, month, minutes)
    this.totals.clear()
  }
}

/** A DATA_DIR from before `field_minutes`: its logged sessions counted once, when the table is made. */
function countLoggedSessions(db: Database.Database): void {
  const batch = new FieldMinutesBatch(db)
  const logged = db.prepare<[], LoggedTimes>('SELECT worker_code AS workerCode, started_at AS startedAt, ended_at AS endedAt FROM field_sessions WHERE ended_at IS NOT NULL')
  db.transaction(() => {
    for (const session of logged.iterate()) batch.count(session)
    batch.write()
  })()
}

export class SqliteFieldTimeStore implements FieldTimeStore {
  private readonly stmt
  private readonly start: (session: OpenFieldSession) => { started: true } | StartRefusal
  private readonly end: (workerCode: string, sessionId: string, endedAt: string) => FieldSessionRecord | null
  private readonly minutes: FieldMinutesBatch

  constructor(db: Database.Database) {
    const hadMinutes = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'field_minutes'").get() !== undefined
    db.exec(SCHEMA)
    if (!hadMinutes) countLoggedSessions(db)
    this.minutes = new FieldMinutesBatch(db)
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
      minutesLogged: db.prepare<[string, string], { workerCode: string; minutes: number }>(
        `SELECT worker_code AS workerCode, SUM(minutes) AS minutes FROM field_minutes
         WHERE worker_code IN (SELECT value FROM json_each(?)) AND month IN (SELECT value FROM json_each(?))
         GROUP BY worker_code`,
      ),
      ratingTimes: db.prepare<[string, string, string, string], { at: string }>(
        `SELECT submitted_at AS at FROM resident_ratings
         WHERE worker_code = ? AND month IN (SELECT value FROM json_each(?)) AND submitted_at >= ? AND submitted_at < ?
           AND exclusion IS NULL
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
      this.minutes.count({ workerCode, startedAt: row.startedAt, endedAt })
      this.minutes.write()
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

  async minutesLogged(workerCodes: readonly string[], months: readonly string[]): Promise<Map<string, number>> {
    const totals = new Map(workerCodes.map((code) => [code, 0]))
    for (const { workerCode, minutes } of this.stmt.minutesLogged.all(JSON.stringify(workerCodes), JSON.stringify(months))) totals.set(workerCode, minutes)
    return totals
  }

  async listRatingTimes(workerCode: string, from: string, to: string): Promise<string[]> {
    const months = JSON.stringify(monthsSpanned(from, to))
    return this.stmt.ratingTimes.all(workerCode, months, from, to).map((row) => row.at)
  }
}

// Field sessions: the time a worker logs down in the grid, the 5 of 3456. No location is
// stored, only when a session started and ended and the 小区 the worker named (DESIGN section 2).
// Part of the Store (backend/store/index.ts): one interface, implemented by backend/fieldTime/sqlite.ts (SQLite) and
// backend/fieldTime/cloudbase.ts (CloudBase), checked by one contract suite
// (test/storeContracts/fieldTime.ts).

/** A session still running: at most one per worker. */
export interface OpenFieldSession {
  /** fieldSessionId(workerCode, startedAt) */
  sessionId: string
  workerCode: string
  subdistrictId: string
  communityId: string
  /** The 小区 the worker named, '' when none. */
  grid: string
  /** ISO, UTC. */
  startedAt: string
}

/** A logged (ended) session. */
export interface FieldSessionRecord extends OpenFieldSession {
  /** ISO, UTC; after startedAt, at most 12 hours later (src/core/fieldSessions.ts checks before storing). */
  endedAt: string
}

/** Why a session could not start: one is open, or the last one ended after the new start. */
export type StartRefusal = { started: false; reason: 'open'; open: OpenFieldSession } | { started: false; reason: 'overlap'; lastEndedAt: string }

export interface FieldTimeStore {
  /** The worker's running session, if any. */
  getOpenSession(workerCode: string): Promise<OpenFieldSession | null>
  /**
   * Opens a session, atomically refusing it while the worker has one open or when their latest session
   * ended after its start (sessions never overlap). Stores nothing when it refuses.
   */
  startSession(session: OpenFieldSession): Promise<{ started: true } | StartRefusal>
  /**
   * Ends the worker's open session `sessionId` at `endedAt` and returns it as logged. A session that is
   * already ended is returned as it was logged (a retried end changes nothing); an unknown one gives null.
   */
  endSession(workerCode: string, sessionId: string, endedAt: string): Promise<FieldSessionRecord | null>
  /** The worker's ended sessions with `from <= startedAt < to` (ISO), oldest first. */
  listSessions(workerCode: string, from: string, to: string): Promise<FieldSessionRecord[]>
  /**
   * The minutes each of these workers logged in these China months (minutesByMonth, src/core/fieldSessions.ts),
   * from totals kept per worker and month as each session ends or is loaded: what a report needs of grid
   * time, read for a whole sub-district at once instead of every worker's sessions. A worker with no
   * session there gets 0.
   */
  minutesLogged(workerCodes: readonly string[], months: readonly string[]): Promise<Map<string, number>>
  /**
   * When the worker's resident ratings were (last) submitted, for `from <= submittedAt < to`: what
   * corroborates a session. Times only — never who rated. Reads the worker's months, not all ratings.
   * A rating staff excluded is left out: it no longer counts, so it proves no time in the grid either.
   */
  listRatingTimes(workerCode: string, from: string, to: string): Promise<string[]>
}

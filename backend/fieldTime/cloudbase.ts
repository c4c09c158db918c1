// The CloudBase side of FieldTimeStore (store.ts), without transactions: atomic
// single-document writes, as backend/store/cloudbase/writes.ts does for ratings.
// - `field_states`, one document per worker (_id fieldStateId): the running session and the end of the
//   last one, under a `version`. Starting is a compare-and-set on it (`add` when it is missing, which
//   refuses a taken _id; `where({ _id, version }).update()` otherwise), so two taps at once open one session.
// - `field_sessions`: the logged sessions (_id = sessionId, `add` refuses it twice), read by (workerCode, month).
// Ending writes the session first, then clears the state, adding the session's minutes to the state's
// `minutes` in the same compare-and-set (minutesCloudbase.ts: what reports read). An instance dying between
// the two leaves the state open with its session already logged: the next end (or its retry) finds the
// logged session by its id and clears the state, so nothing is lost and nothing is logged or counted twice.
import { monthOf } from '@core/periods'
import { monthsSpanned } from '@core/fieldSessions'
import type { CloudCollections, FieldSessionDoc, FieldStateDoc } from '../store/cloudbase/collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { fieldStateId } from '../store/ids'
import { MAX_ATTEMPTS, compareAndSetState, minutesLogged, minutesUpdate } from './minutesCloudbase'
import type { FieldSessionRecord, FieldTimeStore, OpenFieldSession, StartRefusal } from './store'

function recordOf({ _id, month, ...record }: WithId<FieldSessionDoc>): FieldSessionRecord {
  return record
}

/** The document of a logged session: the record and the month it is read by. */
export function fieldSessionDoc(record: FieldSessionRecord): FieldSessionDoc & { _id: string } {
  return { ...record, month: monthOf(record.startedAt), _id: record.sessionId }
}

export class CloudFieldTimeStore implements FieldTimeStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  private state(workerCode: string): Promise<WithId<FieldStateDoc> | null> {
    return getOrNull(this.db.collection('field_states').doc(fieldStateId(workerCode)))
  }

  async getOpenSession(workerCode: string): Promise<OpenFieldSession | null> {
    return (await this.state(workerCode))?.open ?? null
  }

  async startSession(session: OpenFieldSession): Promise<{ started: true } | StartRefusal> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const state = await this.state(session.workerCode)
      if (state === null) {
        const first: FieldStateDoc & { _id: string } = { _id: fieldStateId(session.workerCode), workerCode: session.workerCode, open: session, lastEndedAt: '', version: 1, minutes: {} }
        try {
          await this.db.collection('field_states').add({ data: first })
          return { started: true }
        } catch (error) {
          if (isDuplicateKey(error)) continue
          throw error
        }
      }
      if (state.open !== undefined) return { started: false, reason: 'open', open: state.open }
      if (state.lastEndedAt > session.startedAt) return { started: false, reason: 'overlap', lastEndedAt: state.lastEndedAt }
      if (await compareAndSetState(this.db, state, { open: this.db.command.set(session) })) return { started: true }
    }
    throw new Error(`field session of ${session.workerCode}: too many concurrent writes`)
  }

  async endSession(workerCode: string, sessionId: string, endedAt: string): Promise<FieldSessionRecord | null> {
    const state = await this.state(workerCode)
    if (state?.open?.sessionId !== sessionId) return this.loggedSession(workerCode, sessionId)
    let logged: FieldSessionRecord = { ...state.open, endedAt }
    try {
      await this.db.collection('field_sessions').add({ data: fieldSessionDoc(logged) })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // Logged before by an end whose instance died before clearing the state: that end stands.
      logged = (await this.loggedSession(workerCode, sessionId)) ?? logged
    }
    await this.clearOpen(workerCode, logged)
    return logged
  }

  /** Step 2 of an end: the state forgets the session (unless a newer write already did). */
  private async clearOpen(workerCode: string, logged: FieldSessionRecord): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const state = await this.state(workerCode)
      if (state === null || state.open?.sessionId !== logged.sessionId) return
      const lastEndedAt = state.lastEndedAt > logged.endedAt ? state.lastEndedAt : logged.endedAt
      const minutes = await minutesUpdate(this.db, state, logged)
      if (await compareAndSetState(this.db, state, { open: this.db.command.remove(), lastEndedAt, ...minutes })) return
    }
    throw new Error(`field session ${logged.sessionId}: too many concurrent writes`)
  }

  private async loggedSession(workerCode: string, sessionId: string): Promise<FieldSessionRecord | null> {
    const doc = await getOrNull(this.db.collection('field_sessions').doc(sessionId))
    return doc === null || doc.workerCode !== workerCode ? null : recordOf(doc)
  }

  async listSessions(workerCode: string, from: string, to: string): Promise<FieldSessionRecord[]> {
    const month = this.db.command.in(monthsSpanned(from, to))
    const docs = await listAll(this.db, 'field_sessions', { workerCode, month })
    return docs
      .filter((doc) => doc.startedAt >= from && doc.startedAt < to)
      .map(recordOf)
      .sort((a, b) => (a.startedAt === b.startedAt ? (a.sessionId < b.sessionId ? -1 : 1) : a.startedAt < b.startedAt ? -1 : 1))
  }

  minutesLogged(workerCodes: readonly string[], months: readonly string[]): Promise<Map<string, number>> {
    return minutesLogged(this.db, workerCodes, months)
  }

  async listRatingTimes(workerCode: string, from: string, to: string): Promise<string[]> {
    const month = this.db.command.in(monthsSpanned(from, to))
    const docs = await listAll(this.db, 'resident_ratings', { workerCode, month })
    return docs
      .filter((doc) => doc.excluded == null)
      .map((doc) => doc.submittedAt)
      .filter((at) => at >= from && at < to)
      .sort()
  }
}

// Each worker's logged minutes per China month in the cloud, what a report needs of grid time: kept in
// the worker's field state (`field_states`, one document per worker, field `minutes`), added by the same
// compare-and-set that clears the open session when it ends (cloudbase.ts). That write happens once per
// session — a retried end after an instance died between logging the session and clearing the state does
// it then — so the minutes are added exactly once. A report of 300 workers reads their 300 states, 100 by
// `_id` a request, instead of three queries per worker (sessions, visits, rating times).
import { minutesByMonth } from '@core/fieldSessions'
import type { CloudCollections, FieldStateDoc } from '../store/cloudbase/collections'
import { type CloudDb, type UpdateCommand, type WithId, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { PAGE, listAll } from '../store/cloudbase/lists'
import { fieldStateId } from '../store/ids'
import type { FieldSessionRecord } from './store'

type Db = CloudDb<CloudCollections>
type LoggedTimes = Pick<FieldSessionRecord, 'workerCode' | 'startedAt' | 'endedAt'>

/** Lost compare-and-set races before giving up; each loss means another write for the same worker won. */
export const MAX_ATTEMPTS = 8

/** A month's field in `minutes`: 2026-03 is `m202603`. */
export function minuteField(month: string): string {
  return `m${month.slice(0, 4)}${month.slice(5, 7)}`
}

/** Sessions' minutes per month field (minutesByMonth, the one rule). */
export function minutesOf(sessions: Iterable<LoggedTimes>): Record<string, number> {
  const minutes: Record<string, number> = {}
  for (const session of sessions) {
    for (const [month, n] of minutesByMonth(session.startedAt, session.endedAt)) minutes[minuteField(month)] = (minutes[minuteField(month)] ?? 0) + n
  }
  return minutes
}

/** Replaces the version read; false when another write came first (`where({ _id, version })` is atomic). */
export async function compareAndSetState(db: Db, state: WithId<FieldStateDoc>, data: Record<string, unknown>): Promise<boolean> {
  const where = { _id: state._id, version: state.version } as never
  const result = await db.collection('field_states').where(where).update({ data: { ...data, version: state.version + 1 } as never })
  return updatedCount(result) === 1
}

/**
 * What the compare-and-set ending `logged` adds to the state's minutes: `minutes.m202603: _.inc(n)`; for a
 * state from before minutes were kept, all the worker's logged sessions (this one included), counted now.
 */
export async function minutesUpdate(db: Db, state: FieldStateDoc, logged: LoggedTimes): Promise<Record<string, UpdateCommand>> {
  const _ = db.command
  if (state.minutes === undefined) return { minutes: _.set(minutesOf(await listAll(db, 'field_sessions', { workerCode: logged.workerCode }))) }
  return Object.fromEntries(Object.entries(minutesOf([logged])).map(([field, n]) => [`minutes.${field}`, _.inc(n)]))
}

/** The states of these workers, 100 by `_id` per request, the requests at once; a worker without one is left out. */
async function statesOf(db: Db, workerCodes: readonly string[]): Promise<Map<string, WithId<FieldStateDoc>>> {
  const _ = db.command
  const batches: string[][] = []
  for (let i = 0; i < workerCodes.length; i += PAGE) batches.push(workerCodes.slice(i, i + PAGE).map(fieldStateId))
  // At most PAGE ids each, so one get() returns all of a batch: no second page to ask for.
  const pages = await Promise.all(batches.map((ids) => db.collection('field_states').where({ _id: _.in(ids) }).limit(PAGE).get()))
  return new Map(pages.flatMap(({ data }) => data.map((state) => [state.workerCode, state] as const)))
}

/**
 * The minutes each worker logged in these months. No state: no session was ever logged (an end or a load
 * writes one). A state from before minutes were kept: its worker's sessions, counted here.
 */
export async function minutesLogged(db: Db, workerCodes: readonly string[], months: readonly string[]): Promise<Map<string, number>> {
  const states = await statesOf(db, workerCodes)
  const fields = [...new Set(months)].map(minuteField)
  const sum = (minutes: Record<string, number>) => fields.reduce((total, field) => total + (minutes[field] ?? 0), 0)
  const totals = new Map<string, number>()
  for (const code of workerCodes) {
    const minutes = states.get(code)?.minutes
    totals.set(code, minutes === undefined && states.has(code) ? sum(minutesOf(await listAll(db, 'field_sessions', { workerCode: code }))) : sum(minutes ?? {}))
  }
  return totals
}

/**
 * Loaded sessions (admin.setup's demo, a bulk load of ended sessions, already in `field_sessions`) in
 * their workers' states: a worker without one gets a new state (in `add` batches of 100) with the loaded
 * minutes; a state that exists gets its minutes recounted from all its worker's logged sessions. Both
 * are idempotent, so a load that is run again (a setup continued after a timeout) counts nothing twice.
 */
export async function addLoadedMinutes(db: Db, sessions: readonly LoggedTimes[]): Promise<void> {
  const byWorker = new Map<string, LoggedTimes[]>()
  for (const session of sessions) byWorker.set(session.workerCode, [...(byWorker.get(session.workerCode) ?? []), session])
  const states = await statesOf(db, [...byWorker.keys()])
  const lastEnd = (logged: LoggedTimes[]) => logged.reduce((last, s) => (s.endedAt > last ? s.endedAt : last), '')
  const fresh = [...byWorker].filter(([code]) => !states.has(code))
  const docs = fresh.map(([workerCode, logged]) => ({ _id: fieldStateId(workerCode), workerCode, lastEndedAt: lastEnd(logged), version: 1, minutes: minutesOf(logged) }))
  for (let i = 0; i < docs.length; i += PAGE) {
    const batch = docs.slice(i, i + PAGE)
    try {
      await db.collection('field_states').add({ data: batch })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // Some were made meanwhile (a worker started a session, an earlier run of this load): one by one.
      for (const doc of batch) await recountLoaded(db, doc.workerCode, byWorker.get(doc.workerCode) ?? [])
    }
  }
  for (const [code, logged] of byWorker) if (states.has(code)) await recountLoaded(db, code, logged)
}

/**
 * A worker's state after a load: created when missing, else its minutes recounted from the worker's logged
 * sessions — all but the one the state shows open, whose end adds its own — and the later last end.
 */
async function recountLoaded(db: Db, workerCode: string, loaded: LoggedTimes[]): Promise<void> {
  const _ = db.command
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const state = await getOrNull(db.collection('field_states').doc(fieldStateId(workerCode)))
    const lastEndedAt = [state?.lastEndedAt ?? '', ...loaded.map((s) => s.endedAt)].reduce((a, b) => (b > a ? b : a))
    if (state === null) {
      try {
        await db.collection('field_states').add({ data: { _id: fieldStateId(workerCode), workerCode, lastEndedAt, version: 1, minutes: minutesOf(loaded) } })
        return
      } catch (error) {
        if (isDuplicateKey(error)) continue
        throw error
      }
    }
    const logged = (await listAll(db, 'field_sessions', { workerCode })).filter((session) => session._id !== state.open?.sessionId)
    if (await compareAndSetState(db, state, { minutes: _.set(minutesOf(logged)), lastEndedAt })) return
  }
  throw new Error(`field state of ${workerCode}: too many concurrent writes`)
}

// How CloudStore writes a record and moves its tally without a transaction (the shared tally would be
// a hot spot, DESIGN section 7): the record by compare-and-set, marked `pending`; one `_.inc` on its
// tally; the mark removed, and only then the reply. What a dying instance leaves pending, the timer
// recounts (recount.ts). Why this holds: docs/cloud-consistency.md. The records' own writes use these
// steps from their feature folders (backend/ratings, feedback, scores: cloudbase.ts); an exclusion's are here.
import type { CloudCollections, FeedbackDoc, RatingDoc, TwoStepFields } from './collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey, updatedCount } from './db'
import type { TallyChange } from '@core/tallyChange'
import { applyToTally } from './tallies'
import { afterLostRace } from './races'
import { movePersonLevel } from '../../feedback/recipientsCloudbase'
import type { Exclusion, RatingReceipt, ResidentRatingRecord } from '../records'
import { type CaseMark, caseMarkOf } from '../../cases/caseMarks'

type Db = CloudDb<CloudCollections>
type TwoStepCollection = 'resident_ratings' | 'subdistrict_scores'

/**
 * Lost compare-and-set races before giving up; each loss means another write of the same record won.
 * With the pauses of races.ts at 10-20 ms a request, 24 losses take about 6 s, well within the
 * function's 20 s.
 */
const MAX_ATTEMPTS = 24

/** The SDK does not take `undefined` fields; optional fields are left out instead. */
export function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T
}

/** The record without the database's `_id` and the write bookkeeping (version, pending, receipt, caseDue). */
export function recordOf<T>(doc: WithId<T> | (WithId<T> & TwoStepFields)): T {
  const { _id, version, pending, receipt, caseDue, ...fields } = doc as WithId<T> & Partial<TwoStepFields> & CaseMark
  return fields as unknown as T
}

interface Replaced<D> {
  previous: WithId<D> | null
  version: number
}

/** What a submit's write carries: its key (idempotencyKeyOf) and its payload's hash (docs/idempotency.md). */
export interface WriteReceipt {
  key: string
  payloadHash?: string
}

/** The record already carries this submit's receipt: a retry, whose first write stands. */
export interface Held {
  held: RatingReceipt
}

export const heldBy = (doc: { receipt?: RatingReceipt } | null, receipt: WriteReceipt | undefined): Held | null =>
  receipt !== undefined && doc?.receipt?.key === receipt.key ? { held: doc.receipt } : null

/**
 * Step 1 for a record with a deterministic id: create it, or replace the version we read. Returns what
 * it replaced, or null when another write won the race (the caller reads again). `addFirst`: try `add`
 * before reading, and read only when the id is taken — a first rating costs one request less (the
 * budget of test/cloud/cost.test.ts); after a lost race the record is known to exist, so the caller
 * reads first. A record that carries this submit's receipt already is `held`: nothing is written.
 */
async function compareAndSet<K extends TwoStepCollection>(
  db: Db,
  name: K,
  id: string,
  record: Omit<CloudCollections[K], 'version' | 'pending'>,
  receipt: WriteReceipt | undefined,
  addFirst: boolean,
): Promise<Replaced<CloudCollections[K]> | Held | null> {
  const collection = db.collection(name)
  // The submit's receipt rides in the same single-document write: it is the submit's claim, and a
  // retry answers from it (docs/idempotency.md).
  const receiptOf = (replaced: boolean) => (receipt === undefined ? undefined : { ...receipt, replaced })
  // A bad rating's case is due: marked in this same write; a re-rate keeps a mark (backend/cases/caseMarks.ts).
  const markOf = (previous: CaseMark | null): CaseMark => (name === 'resident_ratings' ? caseMarkOf(record as unknown as ResidentRatingRecord, previous) : {})
  const addNew = async (): Promise<Replaced<CloudCollections[K]> | null> => {
    try {
      const doc = { ...defined(record), _id: id, version: 1, pending: true, ...defined({ receipt: receiptOf(false) }), ...markOf(null) } as unknown as CloudCollections[K] & { _id: string }
      await collection.add({ data: doc })
      return { previous: null, version: 1 }
    } catch (error) {
      if (isDuplicateKey(error)) return null
      throw error
    }
  }
  if (addFirst) {
    const added = await addNew()
    if (added !== null) return added
  }
  const previous = (await getOrNull(collection.doc(id))) as WithId<CloudCollections[K]> | null
  if (previous === null) return addFirst ? null : addNew()
  const held = heldBy(previous as { receipt?: RatingReceipt }, receipt)
  if (held !== null) return held
  const version = previous.version + 1
  const data = { ...defined(record), version, pending: true, receipt: receiptOf(true) ?? db.command.remove(), ...markOf(previous as CaseMark) }
  const where = { _id: id, version: previous.version } as Parameters<typeof collection.where>[0]
  const result = await collection.where(where).update({ data: data as never })
  return updatedCount(result) === 1 ? { previous, version } : null
}

/** Step 3: the tally change is applied; only the version this write made loses its mark. */
export async function settle(db: Db, name: TwoStepCollection | 'feedback', id: string, version: number): Promise<void> {
  const where = { _id: id, version } as never
  await db.collection(name).where(where).update({ data: { pending: db.command.remove() } as never })
}

/** The state a rating is known to be in (its rater's note, backend/limits/store.ts CounterNote): the receipt key of the write that made it, and its level. */
export interface KnownState {
  receiptKey: string
  level: number
}

/**
 * Step 1 of a re-rate whose rating's state is known without reading it: the compare-and-set is guarded
 * on exactly what the tally change depends on — the write that made it (its receipt key), its level,
 * counted (not excluded) and settled (not pending), and for a bad new level no case mark yet (a mark is
 * never replaced). Answers the replaced record as far as the change needs it, or null when the record is
 * in another state (the caller reads it, as for any re-rate). A wrong note can only miss, never mislead.
 */
async function guardedSet<K extends TwoStepCollection>(
  db: Db,
  name: K,
  id: string,
  record: Omit<CloudCollections[K], 'version' | 'pending'>,
  receipt: WriteReceipt,
  known: KnownState,
): Promise<WithId<CloudCollections[K]> | null> {
  const _ = db.command
  const mark = name === 'resident_ratings' ? caseMarkOf(record as unknown as ResidentRatingRecord, null) : {}
  const unmarked = mark.caseDue === undefined ? {} : { caseDue: _.exists(false) }
  const where = { _id: id, 'receipt.key': known.receiptKey, level: known.level, pending: _.exists(false), excluded: _.exists(false), ...unmarked } as never
  const data = { ...defined(record), version: _.inc(1), pending: true, receipt: { ...receipt, replaced: true }, ...mark } as never
  if (updatedCount(await db.collection(name).where(where).update({ data })) !== 1) return null
  return { _id: id, level: known.level } as unknown as WithId<CloudCollections[K]>
}

/**
 * The three steps for a record with a deterministic id (a rating, a monthly score): `changeOf` gives
 * the tally change from the record it replaced (null: none). Returns whether it replaced one. `known`:
 * the record's state as its rater's note has it, tried first (guardedSet); then the steps below.
 */
export async function twoStepWrite<K extends TwoStepCollection>(
  db: Db,
  name: K,
  id: string,
  record: Omit<CloudCollections[K], 'version' | 'pending'>,
  changeOf: (previous: WithId<CloudCollections[K]> | null) => TallyChange | null,
  at: { workerCode: string; subdistrictId: string; month: string },
  receipt?: WriteReceipt,
  known?: KnownState,
): Promise<{ replaced: boolean } | Held> {
  const guarded = known === undefined || receipt === undefined ? null : await guardedSet(db, name, id, record, receipt, known)
  if (guarded !== null && receipt !== undefined) {
    const change = changeOf(guarded)
    if (change !== null) await applyToTally(db, at, change)
    // Its version was counted up by the database: the receipt names this write alone.
    await db.collection(name).where({ _id: id, 'receipt.key': receipt.key, pending: true } as never).update({ data: { pending: db.command.remove() } as never })
    return { replaced: true }
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const started = Date.now()
    // A known rating that did not match its note exists: read it first.
    const written = await compareAndSet(db, name, id, record, receipt, attempt === 1 && known === undefined)
    if (written === null) {
      await afterLostRace(attempt, Date.now() - started)
      continue
    }
    if ('held' in written) return written
    const change = changeOf(written.previous)
    if (change !== null) await applyToTally(db, at, change)
    // A record still pending from a write that died may or may not have moved its tally: leave the
    // mark, so the trigger recounts the month instead of trusting a delta from an unknown state.
    if (written.previous?.pending !== true) await settle(db, name, id, written.version)
    return { replaced: written.previous !== null }
  }
  throw new Error(`${name} ${id}: lost ${MAX_ATTEMPTS} compare-and-set races in a row`)
}

/**
 * Takes a rating or feedback out of the counting (staff review, an upheld appeal) in the same steps as
 * a write: the record marked `excluded` and `pending` by a compare-and-set on its `version`, then one
 * `_.inc(-1)` on its level in its month's tally (a feedback: its person's levels move to their group of
 * one fewer, see backend/feedback/recipientsCloudbase.ts), then the mark removed. False when it is
 * missing or already excluded.
 */
export async function writeExclusion(db: Db, kind: 'resident' | 'recipient', id: string, exclusion: Exclusion): Promise<boolean> {
  const name = kind === 'resident' ? 'resident_ratings' : 'feedback'
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const started = Date.now()
    const doc = (await getOrNull(db.collection(name).doc(id))) as WithId<RatingDoc | FeedbackDoc> | null
    if (doc === null || (doc.excluded !== undefined && doc.excluded !== null)) return false
    const version = doc.version + 1
    const where = { _id: id, version: doc.version } as never
    const result = await db.collection(name).where(where).update({ data: { excluded: exclusion, version, pending: true } as never })
    if (updatedCount(result) !== 1) {
      await afterLostRace(attempt, Date.now() - started)
      continue
    }
    const change = kind === 'resident' ? { residents: { [`n${doc.level}`]: -1 } } : await movePersonLevel(db, doc, doc.level, -1, id)
    await applyToTally(db, doc, change)
    if (doc.pending !== true) await settle(db, name, id, version)
    return true
  }
  throw new Error(`${name} ${id}: lost ${MAX_ATTEMPTS} compare-and-set races in a row`)
}

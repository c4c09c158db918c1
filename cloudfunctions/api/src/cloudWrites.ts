// How CloudStore writes a rating, a feedback or a monthly score and moves its tally, without a
// transaction. A transaction on the per-worker tally fails at once when another rater of the same
// worker holds it, and wx-server-sdk's own retry does not catch that (DESIGN section 7): 41 of 50
// neighbours rating at once got 系统繁忙. Instead each document is written atomically on its own:
//   1. the record, as a compare-and-set on its `version` (`add` for a new one, `where({ _id, version })
//      .update()` for a replacement), marked `pending`; a lost race reads again and retries;
//   2. its tally, one `_.inc` (cloudTallies.ts), by exactly the change from the level it replaced;
//   3. the record's `pending` mark removed (again a compare-and-set: a newer write keeps its own mark).
// An instance dying between 1 and 3 leaves `pending` set; the timer trigger recounts that worker's month
// from the records (cloudRecount.ts). Nothing acknowledged is lost: a reply is sent only after step 3.
// A rating's step 1 also carries its submit's receipt (idempotency key, `replaced`), so a retry whose
// idempotency record was never completed rebuilds the first result from it (domain/idempotency.ts).
import type { CloudCollections, FeedbackDoc, RatingDoc, ScoreDoc } from './cloudCollections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey, updatedCount } from './cloudDb'
import { type TallyChange, addedLevel, monthlyScoreChange, movedLevel } from './domain/tallyChange'
import { applyToTally } from './cloudTallies'
import { movePersonLevel } from './cloudRecipients'
import { subdistrictScoreId } from './ids'
import type { FeedbackRecord, ResidentRatingRecord, SubdistrictScoreRecord } from './store'
import type { Exclusion } from './stores/records'

type Db = CloudDb<CloudCollections>
type TwoStepCollection = 'resident_ratings' | 'subdistrict_scores'

/**
 * Lost compare-and-set races before giving up; each loss means another write of the same record won.
 * Between attempts a random pause that grows with each loss spreads the writers of one record out (one
 * rater's many taps at once, issue 9): 200 at once over 10 instances all land (test/cloud/exactlyOnce.test.ts).
 */
const MAX_ATTEMPTS = 16
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 8 * attempt))

/** The SDK does not take `undefined` fields; optional fields are left out instead. */
export function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T
}

interface Replaced<D> {
  previous: WithId<D> | null
  version: number
}

/**
 * Step 1 for a record with a deterministic id: create it, or replace the version we read. Returns what
 * it replaced, or null when another write won the race (the caller reads again). `addFirst`: try `add`
 * before reading, and read only when the id is taken — a first rating costs one request less (issue 4
 * budget); after a lost race the record is known to exist, so the caller reads first.
 */
async function compareAndSet<K extends TwoStepCollection>(
  db: Db,
  name: K,
  id: string,
  record: Omit<CloudCollections[K], 'version' | 'pending'>,
  receiptKey: string | undefined,
  addFirst: boolean,
): Promise<Replaced<CloudCollections[K]> | null> {
  const collection = db.collection(name)
  // The submit's receipt rides in the same single-document write: a retry rebuilds its result from it.
  const receiptOf = (replaced: boolean) => (receiptKey === undefined ? undefined : { key: receiptKey, replaced })
  const addNew = async (): Promise<Replaced<CloudCollections[K]> | null> => {
    try {
      const doc = { ...defined(record), _id: id, version: 1, pending: true, ...defined({ receipt: receiptOf(false) }) } as unknown as CloudCollections[K] & { _id: string }
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
  const version = previous.version + 1
  const data = { ...defined(record), version, pending: true, receipt: receiptOf(true) ?? db.command.remove() }
  const where = { _id: id, version: previous.version } as Parameters<typeof collection.where>[0]
  const result = await collection.where(where).update({ data: data as never })
  return updatedCount(result) === 1 ? { previous, version } : null
}

/** Step 3: the tally change is applied; only the version this write made loses its mark. */
async function settle(db: Db, name: TwoStepCollection | 'feedback', id: string, version: number): Promise<void> {
  const where = { _id: id, version } as never
  await db.collection(name).where(where).update({ data: { pending: db.command.remove() } as never })
}

async function twoStepWrite<K extends TwoStepCollection>(
  db: Db,
  name: K,
  id: string,
  record: Omit<CloudCollections[K], 'version' | 'pending'>,
  changeOf: (previous: WithId<CloudCollections[K]> | null) => TallyChange | null,
  at: { workerCode: string; subdistrictId: string; month: string },
  receiptKey?: string,
): Promise<{ replaced: boolean }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const written = await compareAndSet(db, name, id, record, receiptKey, attempt === 1)
    if (written === null) {
      await backoff(attempt)
      continue
    }
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
 * A first rating adds one to its level; a re-rate moves one from the level it replaces (nothing if the
 * same). An excluded rating (issue 9) is in no tally: its re-rate keeps `excluded` (the update does not
 * touch it) and moves nothing.
 */
function ratingChange(previous: RatingDoc | null, rating: ResidentRatingRecord): TallyChange | null {
  if (previous === null) return { residents: addedLevel(rating.level) }
  if (previous.excluded !== undefined && previous.excluded !== null) return null
  const moved = movedLevel(previous.level, rating.level)
  return moved === null ? null : { residents: moved }
}

export function writeRating(db: Db, rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }> {
  return twoStepWrite(db, 'resident_ratings', rating.id, rating, (previous: RatingDoc | null) => ratingChange(previous, rating), rating, receiptKey)
}

/** A monthly score rolls up into its month's tally; a half-year or year score is read as it is. */
export async function writeScore(db: Db, score: SubdistrictScoreRecord, monthly: boolean): Promise<void> {
  const id = subdistrictScoreId(score.workerCode, score.period)
  if (!monthly) {
    await db.collection('subdistrict_scores').doc(id).set({ data: { ...defined(score), version: 1 } })
    return
  }
  const at = { workerCode: score.workerCode, subdistrictId: score.subdistrictId, month: score.period }
  await twoStepWrite(db, 'subdistrict_scores', id, score, (previous: ScoreDoc | null) => monthlyScoreChange(score.score, previous?.score ?? null), at)
}

/**
 * One feedback per service visit: the visit's id is the document's, so a second one is refused by `add`.
 * Between the feedback and its tally, the person's levels of the month (cloudRecipients.ts) say which
 * group they move from: one person counts once.
 */
export async function writeFeedback(db: Db, feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
  const doc: FeedbackDoc & { _id: string } = { ...defined(feedback), _id: feedback.serviceId, version: 1, pending: true }
  try {
    await db.collection('feedback').add({ data: doc })
  } catch (error) {
    if (isDuplicateKey(error)) return { inserted: false }
    throw error
  }
  await applyToTally(db, feedback, await movePersonLevel(db, feedback, feedback.level, 1, feedback.serviceId))
  await settle(db, 'feedback', feedback.serviceId, 1)
  return { inserted: true }
}

/**
 * Takes a rating or feedback out of the counting (issue 9), in the same two steps as a write: the record
 * marked `excluded` and `pending` by a compare-and-set on its `version`, then one `_.inc(-1)` on its
 * level in its month's tally (a feedback: its person's levels move to their group of one fewer, see
 * cloudRecipients.ts), then the mark removed. False when it is missing or already excluded.
 */
export async function writeExclusion(db: Db, kind: 'resident' | 'recipient', id: string, exclusion: Exclusion): Promise<boolean> {
  const name = kind === 'resident' ? 'resident_ratings' : 'feedback'
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const doc = (await getOrNull(db.collection(name).doc(id))) as WithId<RatingDoc | FeedbackDoc> | null
    if (doc === null || (doc.excluded !== undefined && doc.excluded !== null)) return false
    const version = doc.version + 1
    const where = { _id: id, version: doc.version } as never
    const result = await db.collection(name).where(where).update({ data: { excluded: exclusion, version, pending: true } as never })
    if (updatedCount(result) !== 1) {
      await backoff(attempt)
      continue
    }
    const change = kind === 'resident' ? { residents: { [`n${doc.level}`]: -1 } } : await movePersonLevel(db, doc, doc.level, -1, id)
    await applyToTally(db, doc, change)
    if (doc.pending !== true) await settle(db, name, id, version)
    return true
  }
  throw new Error(`${name} ${id}: lost ${MAX_ATTEMPTS} compare-and-set races in a row`)
}

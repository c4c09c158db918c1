// The CloudBase side of LimitStore (store.ts): ONE document per rater, { day, count, minute,
// minuteCount }, kept in `principals` under `_id` = 'limit-' + hash(rater) (the openid is never stored
// in the clear; an openid never has that form), without the `role` every principal has. It lives there
// so that the door's lookup of the caller (CloudStore.getPrincipal) reads it in the same request as the
// principal and hands it here as a hint: the take then knows the counter's state and makes the ONE
// conditional write that fits it, each atomic on the one document, so instances counting the same rater
// at once cannot overshoot:
//   - none: `add` { day, count: 1, minute, minuteCount: 1 } (fails when another instance added first);
//   - an earlier day's: `where({ _id, day < today }).update(day, count: 1, minute, minuteCount: 1)`;
//   - today's, same minute: `where({ _id, day, minute, minuteCount < perMinute, count < perDay }).update(_.inc(1) both)`;
//   - today's, an earlier minute: `where({ _id, day, minute < this minute, count < perDay }).update({ minute, minuteCount: 1, count: _.inc(1) })`.
// The first two need no limits (1 fits any), so no settings read. A hint is only a guess: when the write
// matches nothing (another instance moved the counter), the take reads the document and decides again —
// a stale hint costs requests, never a wrong count. A full window seen in the hint refuses with no
// request (the count was read moments ago by a role lookup; hints older than 10 s are not used).
// Without a hint (visit.log's and the upload quota's counters, a caller the door did not look up) a
// take is that read and one write.
import { createHash } from 'node:crypto'
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type Collection, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import type { CounterNote, LimitCounter, Limits, LimitStore, LimitTake, LimitUndo, LimitVerdict, RatedNote } from './store'

type Db = CloudDb<CloudCollections>
/** A counter document: the day's counts, and the notes of the rater's ratings this month (store.ts CounterNote). */
type CounterDoc = LimitCounter & Partial<CounterNote>
type Counters = Collection<CounterDoc>
type Where = Parameters<Counters['where']>[0]

/** Rounds of read-and-write before giving up on a counter other instances keep moving. */
const ROUNDS = 5
/** Hints remembered per instance (the callers of the last minutes): a bounded map, oldest dropped first. */
const HINTS_KEPT = 1000
/** A hint older than this is not used: it was read for another call. */
const HINT_MAX_AGE_MS = 10_000

/** The counter document's `_id`: 'limit-' and a hash of the rater, never an openid's form. */
export function limitCounterId(rater: string): string {
  return `limit-${createHash('sha256').update(`limit|${rater}`, 'utf8').digest('hex').slice(0, 32)}`
}

/** The write a counter's state calls for; `at` is the day and minute counted in. */
type Plan =
  | { refused: 'minute' | 'day' }
  | { refused?: undefined; write: 'add'; at: LimitTake }
  | { refused?: undefined; write: 'newDay'; at: LimitTake }
  | { refused?: undefined; write: 'sameMinute'; at: LimitTake; limits: Limits }
  | { refused?: undefined; write: 'newMinute'; at: LimitTake; limits: Limits }

export class CloudLimitStore implements LimitStore {
  /** A settings read is a database request: an instance may use the limits for 60 s (rateLimits.ts). */
  readonly settingsMaxAgeMs = 60_000
  /** The counters the door read with each caller's principal, by rater, with the wall-clock time read. */
  private readonly hints = new Map<string, { counter: LimitCounter | null; rated: CounterNote['rated']; readAt: number }>()

  constructor(readonly db: Db) {}

  /** The counters share `principals` with the principals (read together in one request) but are their own kind of document. */
  private counters(): Counters {
    return this.db.collection('principals') as unknown as Counters
  }

  /** Remembers the rater's counter as a read of `principals` just saw it (null: none). */
  remember(rater: string, doc: CounterDoc | null): void {
    this.hints.delete(rater)
    this.hints.set(rater, { counter: doc === null ? null : counterOf(doc), rated: doc?.rated ?? {}, readAt: Date.now() })
    if (this.hints.size > HINTS_KEPT) this.hints.delete(this.hints.keys().next().value as string)
  }

  /** The remembered counter; undefined when none was read lately. */
  private hintOf(rater: string): LimitCounter | null | undefined {
    const hint = this.hints.get(rater)
    if (hint === undefined || Date.now() - hint.readAt > HINT_MAX_AGE_MS) return undefined
    return hint.counter
  }

  /** The note of the rater's rating under `key` as their counter was read lately; undefined when none. */
  ratedNote(rater: string, key: string): RatedNote | undefined {
    const hint = this.hints.get(rater)
    if (hint === undefined || Date.now() - hint.readAt > HINT_MAX_AGE_MS) return undefined
    return hint.rated[key]
  }

  async take(rater: string, take: LimitTake, limits: () => Promise<Limits>, note?: CounterNote): Promise<LimitVerdict> {
    const _id = limitCounterId(rater)
    let counter = this.hintOf(rater)
    for (let round = 0; round < ROUNDS; round += 1) {
      if (counter === undefined) counter = await this.read(_id)
      const plan = await planOf(counter, take, limits)
      if (plan.refused !== undefined) return { allowed: false, window: plan.refused }
      // A new month's first count starts the notes again: last month's ratings are never re-rated.
      const newMonth = counter !== null && counter.day.slice(0, 7) !== plan.at.day.slice(0, 7)
      const rated = newMonth ? { rated: this.db.command.set(note?.rated ?? {}) } : note === undefined ? {} : { rated: note.rated }
      if (await this.write(_id, plan, rated)) return { allowed: true, undo: { ...plan.at, created: plan.write === 'add' || plan.write === 'newDay' } }
      counter = undefined
    }
    return { allowed: false, window: 'minute' }
  }

  private async read(_id: string): Promise<LimitCounter | null> {
    const doc = await getOrNull(this.counters().doc(_id))
    return doc === null ? null : counterOf(doc)
  }

  /** Makes the plan's conditional write; false when it matched nothing (the counter moved meanwhile). */
  private async write(_id: string, plan: Exclude<Plan, { refused: 'minute' | 'day' }>, rated: object): Promise<boolean> {
    const _ = this.db.command
    const { day, minute } = plan.at
    const fresh = { day, count: 1, minute, minuteCount: 1, ...rated }
    if (plan.write === 'add') {
      try {
        await this.counters().add({ data: { _id, ...fresh } as CounterDoc & { _id: string } })
        return true
      } catch (error) {
        if (isDuplicateKey(error)) return false
        throw error
      }
    }
    if (plan.write === 'newDay') return updatedCount(await this.counters().where({ _id, day: _.lt(day) } as Where).update({ data: fresh })) === 1
    const { perMinute, perDay } = plan.limits
    if (plan.write === 'sameMinute') {
      const where = { _id, day, minute, minuteCount: _.lt(perMinute), count: _.lt(perDay) } as Where
      return updatedCount(await this.counters().where(where).update({ data: { count: _.inc(1), minuteCount: _.inc(1), ...rated } })) === 1
    }
    const where = { _id, day, minute: _.lt(minute), count: _.lt(perDay) } as Where
    return updatedCount(await this.counters().where(where).update({ data: { minute, minuteCount: 1, count: _.inc(1), ...rated } })) === 1
  }

  async giveBack(rater: string, undo: LimitUndo): Promise<void> {
    const _id = limitCounterId(rater)
    const counters = this.counters()
    const _ = this.db.command
    const { day } = undo
    // The day's only submit: the counter goes as if it never was (an earlier day's count is of no use any more).
    if (undo.created && ((await counters.where({ _id, day, count: 1 } as Where).remove()).stats?.removed ?? 0) === 1) return
    const inMinute = { _id, day, minute: undo.minute, minuteCount: _.gte(1), count: _.gte(1) } as Where
    if (updatedCount(await counters.where(inMinute).update({ data: { count: _.inc(-1), minuteCount: _.inc(-1) } })) === 1) return
    await counters.where({ _id, day, count: _.gte(1) } as Where).update({ data: { count: _.inc(-1) } })
  }

  /** The rater's counter of `day`; null when none, or when it has moved on to a later day. */
  async get(rater: string, day: string): Promise<LimitCounter | null> {
    const counter = await this.read(limitCounterId(rater))
    return counter !== null && counter.day === day ? counter : null
  }

  /** Principals have no `day`: only counters match (index `day` on `principals`). */
  async removeBefore(day: string): Promise<number> {
    const removed = await this.counters().where({ day: this.db.command.lt(day) } as Where).remove()
    return removed.stats?.removed ?? 0
  }
}

/**
 * What to write for a counter in the state given, to count a take at `take`. The limits are read only
 * when the rater already counted today. A later day or minute than ours (another instance's clock a
 * little ahead) counts as ours.
 */
async function planOf(counter: LimitCounter | null, take: LimitTake, limits: () => Promise<Limits>): Promise<Plan> {
  if (counter === null) return { write: 'add', at: take }
  if (counter.day < take.day) return { write: 'newDay', at: take }
  const at = { day: counter.day, minute: counter.minute > take.minute ? counter.minute : take.minute }
  const read = await limits()
  if (counter.count >= read.perDay) return { refused: 'day' }
  if (counter.minute !== at.minute) return { write: 'newMinute', at, limits: read }
  if (counter.minuteCount >= read.perMinute) return { refused: 'minute' }
  return { write: 'sameMinute', at, limits: read }
}

/** The counter's own fields (a document also carries its `_id`). */
function counterOf({ day, count, minute, minuteCount }: LimitCounter): LimitCounter {
  return { day, count, minute, minuteCount }
}

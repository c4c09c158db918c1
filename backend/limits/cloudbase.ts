// The CloudBase side of LimitStore (store.ts): one document per rater and China day in
// `rate_limits`, `_id` = hash(rater | day) (the openid is never stored in the clear). Every step is a
// single-document atomic write, so instances counting the same rater at once cannot overshoot:
//   1. `add` { count: 1, minute, minuteCount: 1 } — the rater's first submit of the day: ONE request,
//      and no settings read (1 is within any limit);
//   2. taken: `where({ _id, minute, minuteCount < perMinute, count < perDay }).update(_.inc(1) both)` —
//      another submit in the same minute;
//   3. none updated: `where({ _id, minute < this minute, count < perDay }).update({ minute, minuteCount: 1,
//      count: _.inc(1) })` — the first submit of a new minute;
//   4. none updated: read the document to tell which window is full (or, rarely, that another instance
//      moved it between the steps: try again).
import { createHash } from 'node:crypto'
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import type { LimitCounter, Limits, LimitStore, LimitTake, LimitUndo, LimitVerdict } from './store'

type Db = CloudDb<CloudCollections>
type Where = Parameters<ReturnType<Db['collection']>['where']>[0]

/** Rounds of steps 2-4 before giving up on a counter other instances keep moving. */
const ROUNDS = 5

export function limitCounterId(rater: string, day: string): string {
  return createHash('sha256').update(`limit|${rater}|${day}`, 'utf8').digest('hex').slice(0, 32)
}

export class CloudLimitStore implements LimitStore {
  /** A settings read is a database request: an instance may use the limits for 60 s (rateLimits.ts). */
  readonly settingsMaxAgeMs = 60_000

  constructor(readonly db: Db) {}

  async take(rater: string, take: LimitTake, limits: () => Promise<Limits>): Promise<LimitVerdict> {
    const { day, minute } = take
    const _id = limitCounterId(rater, day)
    const collection = this.db.collection('rate_limits')
    const _ = this.db.command
    for (let round = 0; round < ROUNDS; round += 1) {
      try {
        await collection.add({ data: { _id, day, count: 1, minute, minuteCount: 1 } })
        return { allowed: true, undo: { day, minute, created: true } }
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
      // Not the day's first submit: now the limits matter.
      const { perMinute, perDay } = await limits()
      const sameMinute = { _id, minute, minuteCount: _.lt(perMinute), count: _.lt(perDay) } as Where
      if (updatedCount(await collection.where(sameMinute).update({ data: { count: _.inc(1), minuteCount: _.inc(1) } })) === 1) {
        return { allowed: true, undo: { day, minute, created: false } }
      }
      const newMinute = { _id, minute: _.lt(minute), count: _.lt(perDay) } as Where
      if (updatedCount(await collection.where(newMinute).update({ data: { minute, minuteCount: 1, count: _.inc(1) } })) === 1) {
        return { allowed: true, undo: { day, minute, created: false } }
      }
      const counter = await getOrNull(collection.doc(_id))
      if (counter === null) continue
      if (counter.count >= perDay) return { allowed: false, window: 'day' }
      // A later minute than ours (another instance's clock a little ahead) counts as ours: it is full too.
      if (counter.minute >= minute && counter.minuteCount >= perMinute) return { allowed: false, window: 'minute' }
      if (counter.minute > minute) return this.takeIn(rater, { day, minute: counter.minute }, { perMinute, perDay })
    }
    return { allowed: false, window: 'minute' }
  }

  /** Counts in the minute another instance's clock already reached. */
  private async takeIn(rater: string, take: LimitTake, limits: Limits): Promise<LimitVerdict> {
    const _ = this.db.command
    const where = { _id: limitCounterId(rater, take.day), minute: take.minute, minuteCount: _.lt(limits.perMinute), count: _.lt(limits.perDay) } as Where
    const done = await this.db.collection('rate_limits').where(where).update({ data: { count: _.inc(1), minuteCount: _.inc(1) } })
    if (updatedCount(done) === 1) return { allowed: true, undo: { day: take.day, minute: take.minute, created: false } }
    return { allowed: false, window: 'minute' }
  }

  async giveBack(rater: string, undo: LimitUndo): Promise<void> {
    const _id = limitCounterId(rater, undo.day)
    const collection = this.db.collection('rate_limits')
    const _ = this.db.command
    // The day's only submit: the counter goes as if it never was.
    if (undo.created && ((await collection.where({ _id, count: 1 } as Where).remove()).stats?.removed ?? 0) === 1) return
    const inMinute = { _id, minute: undo.minute, minuteCount: _.gte(1), count: _.gte(1) } as Where
    if (updatedCount(await collection.where(inMinute).update({ data: { count: _.inc(-1), minuteCount: _.inc(-1) } })) === 1) return
    await collection.where({ _id, count: _.gte(1) } as Where).update({ data: { count: _.inc(-1) } })
  }

  async get(rater: string, day: string): Promise<LimitCounter | null> {
    const doc = await getOrNull(this.db.collection('rate_limits').doc(limitCounterId(rater, day)))
    return doc === null ? null : { day: doc.day, count: doc.count, minute: doc.minute, minuteCount: doc.minuteCount }
  }

  async removeBefore(day: string): Promise<number> {
    const removed = await this.db.collection('rate_limits').where({ day: this.db.command.lt(day) } as Where).remove()
    return removed.stats?.removed ?? 0
  }
}

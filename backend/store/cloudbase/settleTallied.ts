// The timer's settle of feedback whose tally already holds it. A feedback's write ends with its tally
// change (backend/feedback/cloudbase.ts), which names the feedback in the tally document
// (`tallied.<visit code>`) in that same update, and leaves the feedback marked `pending`: removing the
// mark on the recipient's path would be one more request for every feedback. Here, once an hour, a
// pending feedback whose tally names it is settled in a batch, and the name removed. One whose tally does
// not name it was left by an instance that died before its tally change: the recount's (recount.ts).
// Only a feedback still as written (version 1) is settled so; one excluded since, or one of a write that
// died, is recounted.
import type { CloudCollections, FeedbackDoc } from './collections'
import type { CloudDb, WithId } from './db'
import { listAll } from './lists'
import { tallyId } from '../ids'

type Db = CloudDb<CloudCollections>

/** Settles what the tallies name; answers the pending feedback left for a recount, and how many were settled. */
export async function settleTallied(db: Db, pending: Array<WithId<FeedbackDoc>>): Promise<{ left: Array<WithId<FeedbackDoc>>; settled: number }> {
  const _ = db.command
  const byTally = new Map<string, Array<WithId<FeedbackDoc>>>()
  for (const f of pending) {
    const id = tallyId(f.workerCode, f.month.slice(0, 4))
    byTally.set(id, [...(byTally.get(id) ?? []), f])
  }
  const tallies = byTally.size === 0 ? [] : await listAll(db, 'tallies', { _id: _.in([...byTally.keys()]) })
  const named = new Map(tallies.map((t) => [t._id, t.tallied ?? {}]))
  const left: Array<WithId<FeedbackDoc>> = []
  let settled = 0
  for (const [id, feedback] of byTally) {
    const holds = feedback.filter((f) => f.version === 1 && named.get(id)?.[f._id] === true)
    left.push(...feedback.filter((f) => !holds.includes(f)))
    if (holds.length === 0) continue
    const codes = holds.map((f) => f._id)
    // The mark first, then the name: a run dying between them leaves a name that names nothing pending.
    const done = await db.collection('feedback').where({ _id: _.in(codes), version: 1, pending: true } as never).update({ data: { pending: _.remove() } as never })
    settled += done.stats?.updated ?? 0
    await db.collection('tallies').doc(id).update({ data: Object.fromEntries(codes.map((code) => [`tallied.${code}`, _.remove()])) as never })
  }
  return { left, settled }
}

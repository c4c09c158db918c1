// The CloudBase side of FeedbackStore (store.ts): one `feedback` document per service visit, `_id` = the
// visit code, so a second one is refused by `add`. Then the person's levels of the month
// (recipientsCloudbase.ts) say which group they move from (one person counts once), one `_.inc` moves
// the tally, and the pending mark goes (backend/store/cloudbase/writes.ts; docs/cloud-consistency.md).
import type { CloudCollections, FeedbackDoc } from '../store/cloudbase/collections'
import { type CloudDb, isDuplicateKey } from '../store/cloudbase/db'
import { applyToTally } from '../store/cloudbase/tallies'
import { defined, settle } from '../store/cloudbase/writes'
import type { FeedbackRecord } from '../store/records'
import { movePersonLevel } from './recipientsCloudbase'

export async function writeFeedback(db: CloudDb<CloudCollections>, feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
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

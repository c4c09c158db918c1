// The CloudBase side of FeedbackStore (store.ts): one `feedback` document per service visit, `_id` = the
// visit code, so a second one is refused by `add`. Then the person's levels of the month
// (recipientsCloudbase.ts) say which group they move from (one person counts once), and one `_.inc`
// moves the tally, naming the feedback; the timer then removes the pending mark (docs/cloud-consistency.md).
import type { CloudCollections, FeedbackDoc } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey } from '../store/cloudbase/db'
import { applyToTally } from '../store/cloudbase/tallies'
import { defined, heldBy } from '../store/cloudbase/writes'
import type { ClaimedWrite, SubmitReceipt } from '../ratings/recordClaims'
import type { FeedbackRecord } from '../store/records'
import { movePersonLevel } from './recipientsCloudbase'
import { caseMarkOf } from '../cases/caseMarks'

export async function writeFeedback(db: CloudDb<CloudCollections>, feedback: FeedbackRecord): Promise<{ inserted: boolean }> {
  return { inserted: (await writeClaimedFeedback(db, feedback)).kind === 'written' }
}

/**
 * The feedback with its receipt (recordClaims.ts): a second one on the visit is `duplicate`, or `held`
 * when it is this very submit's (a retry), which the receipt then answers.
 */
export async function writeClaimedFeedback(db: CloudDb<CloudCollections>, feedback: FeedbackRecord, receipt?: SubmitReceipt): Promise<ClaimedWrite> {
  const stamp = receipt === undefined ? {} : { receipt: { ...receipt, replaced: false } }
  // A bad feedback's case is due: marked in this same write (backend/cases/caseMarks.ts).
  const doc: FeedbackDoc & { _id: string } = { ...defined(feedback), _id: feedback.serviceId, version: 1, pending: true, ...stamp, ...caseMarkOf(feedback, null) }
  try {
    await db.collection('feedback').add({ data: doc })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const held = receipt === undefined ? null : heldBy(await getOrNull(db.collection('feedback').doc(feedback.serviceId)), receipt)
    return held === null ? { kind: 'duplicate' } : { kind: 'held', receipt: held.held }
  }
  // The tally's change names this feedback, and the feedback stays marked until the timer sees that and
  // settles it (recount.ts settleTallied): one request less on the recipient's path. A feedback is never
  // replaced, so its one write is all the note stands for.
  await applyToTally(db, feedback, await movePersonLevel(db, feedback, feedback.level, 1, feedback.serviceId), feedback.serviceId)
  return { kind: 'written', replaced: false }
}

// What follows a stored rating or feedback: for a level 1 or 2, the bad-review case.
// Keyed by the rating, so running it again (a retry, a re-rate) adds nothing twice. It runs after the
// write and never undoes it: a failure here is logged, and the rater still gets their answer — their
// rating is stored and counts either way. (Suspicious patterns are checked in a batch: suspicion.ts.)
import type { HandlerContext } from '../context'
import { openCaseFor } from './badReviews'
import type { RatedRecord } from '../ratings/storedRating'

export async function afterRating(ctx: HandlerContext, rated: RatedRecord): Promise<void> {
  try {
    await openCaseFor(ctx, rated)
  } catch (error) {
    console.error(`[api] the bad-review case of ${rated.ref.kind} ${rated.ref.id} was not opened`, error)
  }
}

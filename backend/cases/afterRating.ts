// What follows a stored rating or feedback: for a level 1 or 2, the bad-review case.
// Keyed by the rating, so running it again (a retry, a re-rate) adds nothing twice. It never undoes the
// write: a failure here is logged, and the rater still gets their answer — their rating is stored and
// counts either way. (Suspicious patterns are checked in a batch: suspicion.ts.)
// Where the store writes a submit whole (SQLite), the case is worked out before and written in the
// rating's own transaction (caseWithRating); where the store opens cases by its timer (CloudBase:
// `casesByTimer`, the write marks the record and dueCases.ts opens the case), nothing follows the write,
// which keeps a bad rating's requests those of any other; elsewhere the case follows the write (afterRating).
import type { HandlerContext } from '../context'
import { type CaseOpening, caseOpeningFor, openCaseFor } from './badReviews'
import type { RatedRecord } from '../ratings/storedRating'

export async function afterRating(ctx: HandlerContext, rated: RatedRecord): Promise<void> {
  if (ctx.store.casesByTimer === true) return
  try {
    await openCaseFor(ctx, rated)
  } catch (error) {
    console.error(`[api] the bad-review case of ${rated.ref.kind} ${rated.ref.id} was not opened`, error)
  }
}

/** The case to write with the rating, if it opens one. */
export async function caseWithRating(ctx: HandlerContext, rated: Omit<RatedRecord, 'replaced'>): Promise<CaseOpening | null> {
  try {
    return await caseOpeningFor(ctx, rated)
  } catch (error) {
    console.error(`[api] the bad-review case of ${rated.ref.kind} ${rated.ref.id} was not opened`, error)
    return null
  }
}

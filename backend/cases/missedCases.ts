// The local runtime's start: the cases that a killed process had queued but not written
// (sqlitePendingOpenings.ts) are opened from their ratings. Their ratings' transactions noted the time of
// the oldest such rating, so the ratings and feedback given since then are looked through, with a margin
// for requests in flight together. Each bad one gets the case its submit would have opened
// (caseOpeningOf), with the worker's community as the cloud's timer takes it (dueCases.ts). A case that is
// there already is left as it is (a rating has one case), so only missing cases are added. With no note
// nothing is read: bad ratings that never had a case (the demo's) stay without one. Ratings are read as
// they are now, so a 1 re-rated to 5 would get no case here: the re-rate's transaction wrote its queued
// case already (PendingCaseOpenings.writeQueuedNow), unless both came in one group commit.
import { isBadReview } from '@core/levels'
import type { SecretKeeper } from '../secrets/secrets'
import type { Store } from '../store'
import { type CaseOpening, caseOpeningOf } from './badReviews'
import { caseCalendar } from './caseViews'
import type { PendingCaseOpenings } from './sqlitePendingOpenings'

/** How long before the noted time a rating in flight with it may have been given. */
export const MISSED_CASES_MARGIN_MS = 60 * 1000

/** The far end of the look: every rating stored so far, whatever the clocks said. */
const END = '9999-12-31T23:59:59.999Z'

/** Opens the missed cases and clears the note; answers how many cases are new. */
export async function openMissedCases(store: Store & { caseOpenings: PendingCaseOpenings }, secrets: SecretKeeper): Promise<number> {
  const since = store.caseOpenings.dueSince()
  if (since === null) return 0
  const from = new Date(Date.parse(since) - MISSED_CASES_MARGIN_MS).toISOString()
  const bad = (await store.reviews.listRatedBetween(from, END)).filter((rating) => isBadReview(rating.level))
  const [calendar, keys] = await Promise.all([caseCalendar(store), secrets.get()])
  const openings: CaseOpening[] = []
  for (const rating of bad) {
    // Workers are never deleted; a rating naming none has no community to open its case in.
    const worker = await store.getWorker(rating.workerCode)
    if (worker !== null) openings.push(caseOpeningOf({ ...rating, communityId: worker.communityId }, calendar, keys))
  }
  return store.caseOpenings.settleMissed(openings)
}

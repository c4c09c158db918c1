// A bad rating's case, due: on CloudBase the write that stores a level 1-2 rating or feedback carries a
// mark, in that same single-document write (the add, or a re-rate's compare-and-set), and the hourly
// timer opens the case from it and clears it (dueCases.ts) — so a bad rating costs the rater the
// requests of any other. The mark holds the level and the time given, and a re-rate never replaces or
// clears it: a 1 re-rated to 5 before the timer still opens the case of the 1, as the submit itself did.
import { isBadReview } from '@core/levels'
import type { Level } from '@core/types'

/** The bad rating a case is due for: its level and when it was given (the case's openedAt). */
export interface CaseDue {
  level: Level
  submittedAt: string
}

/** The mark on a `resident_ratings` or `feedback` document; absent when no case is due. */
export interface CaseMark {
  caseDue?: CaseDue
}

/** The mark a write adds: for a bad level, unless the record (as read before a re-rate) is marked already. */
export function caseMarkOf(given: { level: Level; submittedAt: string }, previous: CaseMark | null): CaseMark {
  if (!isBadReview(given.level) || (previous?.caseDue !== undefined && previous.caseDue !== null)) return {}
  return { caseDue: { level: given.level, submittedAt: given.submittedAt } }
}

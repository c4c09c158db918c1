// Who may give a resident rating or a recipient's feedback (DESIGN section 6, rule 11, no conflict of
// interest): residents, and workers of another community. Staff (community admins, sub-district staff,
// the bureau) may not, nor may a worker rate a colleague of their own community. Both refusals are 403
// and say why; they run before anything is stored.
import { RATERS, SAME_COMMUNITY_RATING, STAFF_MAY_NOT_GIVE_FEEDBACK, STAFF_MAY_NOT_RATE } from '../../../../src/core/access'
import { ApiError } from '../../../../src/core/errors'
import type { Caller } from '../context'

/** Staff are refused before the worker or visit is even looked up. */
export function requireRater(caller: Caller, giving: 'rating' | 'feedback'): void {
  if (RATERS.includes(caller.role)) return
  throw new ApiError('FORBIDDEN', giving === 'rating' ? STAFF_MAY_NOT_RATE : STAFF_MAY_NOT_GIVE_FEEDBACK)
}

/** A worker does not rate a worker of their own community (their own work is SELF_RATING, checked first). */
export function refuseColleague(caller: Caller, communityId: string): void {
  const principal = caller.principal
  if (principal?.role === 'worker' && principal.communityId === communityId) throw new ApiError('FORBIDDEN', SAME_COMMUNITY_RATING)
}

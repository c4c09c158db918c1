// No conflict of interest (DESIGN section 6, rule 11): staff may not rate at all (the door refuses them,
// from the access table), nor may a worker rate a colleague of their own community. The refusal is 403
// and says why; it runs before anything is stored.
import { SAME_COMMUNITY_RATING } from '@core/accessMessages'
import { ApiError } from '@core/errors'
import type { Caller } from '../context'

/** A worker does not rate a worker of their own community (their own work is SELF_RATING, checked first). */
export function refuseColleague(caller: Caller, communityId: string): void {
  const principal = caller.principal
  if (principal?.role === 'worker' && principal.communityId === communityId) throw new ApiError('FORBIDDEN', SAME_COMMUNITY_RATING)
}

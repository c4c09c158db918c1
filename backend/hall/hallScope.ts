// Whose hall a staff member acts on: a community admin their own community's (naming another is 403);
// sub-district staff a community of their sub-district, which they name; the bureau any community it names.
import { ApiError } from '@core/errors'
import type { Staff } from '../context'
import type { CommunityRecord, Store } from '../store'
import { covers, forbidden, staffScope } from '../access/staffScope'
import { orgErrors } from '../org/orgScope'

export const OUTSIDE_HALL_SCOPE = '这个社区不在您负责的范围内'

export async function hallCommunity(caller: Staff, store: Store, named: string | undefined): Promise<CommunityRecord> {
  const scope = staffScope(caller)
  if (scope.communityId !== null && named !== undefined && named !== scope.communityId) throw forbidden(OUTSIDE_HALL_SCOPE)
  const communityId = scope.communityId ?? named
  if (communityId === undefined) throw new ApiError('INVALID_INPUT', '请选择社区')
  const community = await store.getCommunity(communityId)
  if (community === null) {
    if (scope.communityId !== null) throw forbidden()
    throw orgErrors.communityNotFound()
  }
  if (!covers(scope, { subdistrictId: community.subdistrictId, communityId: community.id })) throw forbidden(OUTSIDE_HALL_SCOPE)
  return community
}

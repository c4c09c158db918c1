// Which sub-district (and community) a report caller may read (every staff action checks
// scope): sub-district staff their own sub-district only — another one, or a community of another, is 403;
// the bureau any, naming the sub-district. 401 without an identity, 403 for other roles (trust rule 12).
import { ApiError } from '@core/errors'
import type { Staff } from '../context'
import { forbidden, staffScope, subdistrictOf } from '../access/staffScope'
import type { CommunityRecord, Store, SubdistrictRecord } from '../store'

export interface ReportScope {
  subdistrict: SubdistrictRecord
  community?: CommunityRecord
}

const OUTSIDE = '这个街道不在您负责的范围内'

export async function reportScopeOf(caller: Staff, store: Store, requested: { subdistrictId?: string; communityId?: string }): Promise<ReportScope> {
  const scope = staffScope(caller)
  const subdistrict = await store.getSubdistrict(subdistrictOf(scope, requested.subdistrictId, OUTSIDE))
  if (subdistrict === null) throw new ApiError('NOT_FOUND', '没有找到这个街道')
  if (requested.communityId === undefined) return { subdistrict }
  const community = await store.getCommunity(requested.communityId)
  if (community === null) throw new ApiError('NOT_FOUND', '没有找到这个社区')
  if (community.subdistrictId !== subdistrict.id) {
    if (scope.subdistrictId !== null) throw forbidden('这个社区不在您负责的街道')
    throw new ApiError('INVALID_INPUT', '这个社区不属于所选街道')
  }
  return { subdistrict, community }
}

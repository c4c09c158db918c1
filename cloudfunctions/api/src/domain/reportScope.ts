// Which sub-district (and community) a report caller may read (issue 8, item 2: every staff action checks
// scope): sub-district staff their own sub-district only — another one, or a community of another, is 403;
// the bureau any, naming the sub-district. 401 without an identity, 403 for other roles (trust rule 12).
import { ApiError } from '../../../../src/core/errors'
import { EVALUATION_READERS } from '../../../../src/core/roles'
import type { Caller } from '../context'
import { forbidden, requireRole } from '../dispatch'
import type { CommunityRecord, Store, SubdistrictRecord } from '../store'

export interface ReportScope {
  subdistrict: SubdistrictRecord
  community?: CommunityRecord
}

const OUTSIDE = '这个街道不在您负责的范围内'

export async function reportScopeOf(caller: Caller, store: Store, requested: { subdistrictId?: string; communityId?: string }): Promise<ReportScope> {
  if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', '请先登录微信')
  const staff = requireRole(caller, ...EVALUATION_READERS)
  let subdistrictId: string
  if (staff.role === 'subdistrict') {
    if (staff.subdistrictId === undefined) throw forbidden()
    if (requested.subdistrictId !== undefined && requested.subdistrictId !== staff.subdistrictId) throw new ApiError('FORBIDDEN', OUTSIDE)
    subdistrictId = staff.subdistrictId
  } else {
    if (requested.subdistrictId === undefined) throw new ApiError('INVALID_INPUT', '请选择街道')
    subdistrictId = requested.subdistrictId
  }
  const subdistrict = await store.getSubdistrict(subdistrictId)
  if (subdistrict === null) throw new ApiError('NOT_FOUND', '没有找到这个街道')
  if (requested.communityId === undefined) return { subdistrict }
  const community = await store.getCommunity(requested.communityId)
  if (community === null) throw new ApiError('NOT_FOUND', '没有找到这个社区')
  if (community.subdistrictId !== subdistrict.id) {
    if (staff.role === 'subdistrict') throw new ApiError('FORBIDDEN', '这个社区不在您负责的街道')
    throw new ApiError('INVALID_INPUT', '这个社区不属于所选街道')
  }
  return { subdistrict, community }
}

// Who may manage which part of the organisation (issue 8), checked on every call: the bureau the whole
// city, sub-district staff their own sub-district, a community admin their own community. An identity
// is needed first (401), then the role and the scope (403).
import { ApiError } from '../../../../src/core/errors'
import { COMMUNITY_EDITORS, ORG_EDITORS, ORG_READERS } from '../../../../src/core/roles'
import type { Caller } from '../context'
import { forbidden, requireRole } from '../dispatch'
import type { CommunityRecord, PrincipalRecord, Store } from '../store'
import { requireSignedIn } from './invites'
import { workplaceOf } from './principals'

export const SIGN_IN_TO_MANAGE = '请先登录微信，再管理组织架构'

/** The bureau: creating and renaming sub-districts and communities. */
export function requireOrgEditor(caller: Caller): PrincipalRecord {
  requireSignedIn(caller, SIGN_IN_TO_MANAGE)
  return requireRole(caller, ...ORG_EDITORS)
}

/** The bureau (`subdistrictId` null: every one) or sub-district staff (their own sub-district). */
export async function requireOrgReader(caller: Caller, store: Store): Promise<{ staff: PrincipalRecord; subdistrictId: string | null }> {
  requireSignedIn(caller, SIGN_IN_TO_MANAGE)
  const staff = requireRole(caller, ...ORG_READERS)
  if (staff.role === 'bureau') return { staff, subdistrictId: null }
  const { subdistrictId } = await workplaceOf(staff, store)
  if (subdistrictId === undefined) throw forbidden()
  return { staff, subdistrictId }
}

/** A community admin and their own community. */
export async function requireAdminCommunity(caller: Caller, store: Store): Promise<{ admin: PrincipalRecord; community: CommunityRecord }> {
  requireSignedIn(caller, SIGN_IN_TO_MANAGE)
  const admin = requireRole(caller, ...COMMUNITY_EDITORS)
  const { communityId } = await workplaceOf(admin, store)
  const community = communityId === undefined ? null : await store.getCommunity(communityId)
  if (community === null) throw forbidden()
  return { admin, community }
}

export const orgErrors = {
  subdistrictNotFound: () => new ApiError('NOT_FOUND', '没有找到这个街道，请刷新后重新选择'),
  communityNotFound: () => new ApiError('NOT_FOUND', '没有找到这个社区，请刷新后重新选择'),
  gridNotFound: () => new ApiError('NOT_FOUND', '没有找到这个网格，请刷新后重新选择'),
  duplicate: (what: string, name: string, where = '') => new ApiError('CONFLICT', `${where}已有名为“${name}”的${what}，请换一个名称`),
}

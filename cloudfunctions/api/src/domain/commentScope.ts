// Who moderates which comments (issue 9, item 5): sub-district staff their own sub-district's, the bureau
// any sub-district's. An identity is needed first (401), then the role (403), then the scope (403).
import { ApiError } from '../../../../src/core/errors'
import { COMMENT_MODERATORS } from '../../../../src/core/roles'
import type { Caller } from '../context'
import { forbidden, requireRole } from '../dispatch'
import type { PrincipalRecord, Store } from '../store'
import { workplaceOf } from './principals'

export interface Moderator {
  staff: PrincipalRecord
  /** null: the bureau, any sub-district. */
  subdistrictId: string | null
}

export async function requireModerator(caller: Caller, store: Store): Promise<Moderator> {
  if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', '请先登录微信后再审核留言')
  const staff = requireRole(caller, ...COMMENT_MODERATORS)
  if (staff.role === 'bureau') return { staff, subdistrictId: null }
  const { subdistrictId } = await workplaceOf(staff, store)
  if (subdistrictId === undefined) throw forbidden()
  return { staff, subdistrictId }
}

/** The sub-district a moderator acts on: their own, or (the bureau) the one named. */
export function moderatedSubdistrict(moderator: Moderator, named: string | undefined): string {
  if (moderator.subdistrictId === null) {
    if (named === undefined) throw new ApiError('INVALID_INPUT', '请选择街道')
    return named
  }
  if (named !== undefined && named !== moderator.subdistrictId) throw forbidden()
  return moderator.subdistrictId
}

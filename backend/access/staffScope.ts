// Which part of the city a staff member acts on (DESIGN section 6, rule 11's scope; the role itself the
// door has already checked against the access table): the bureau the whole city, sub-district staff their
// own sub-district, a community admin their own community. Both ids come from the bound record, which an
// invite writes with them; a record without them acts on nothing (403).
import { ApiError } from '@core/errors'
import type { Staff } from '../context'
import type { PrincipalRecord } from '../store'

export interface StaffScope {
  staff: PrincipalRecord
  /** null: every sub-district (the bureau). */
  subdistrictId: string | null
  /** null: every community of the scope's sub-district(s). */
  communityId: string | null
}

export function forbidden(message = '没有权限进行此操作'): ApiError {
  return new ApiError('FORBIDDEN', message)
}

export function staffScope(caller: Staff): StaffScope {
  const staff = caller.principal
  switch (staff.role) {
    case 'bureau':
      return { staff, subdistrictId: null, communityId: null }
    case 'subdistrict':
      return { staff, subdistrictId: present(staff.subdistrictId), communityId: null }
    case 'community':
      return { staff, subdistrictId: present(staff.subdistrictId), communityId: present(staff.communityId) }
    default:
      throw forbidden()
  }
}

/**
 * The sub-district a scope acts on when a payload may name one: its own (naming another is 403, with
 * `outside` where a clearer word helps), or for the bureau the one named (which it must name).
 */
export function subdistrictOf(scope: StaffScope, named: string | undefined, outside?: string): string {
  if (scope.subdistrictId === null) {
    if (named === undefined) throw new ApiError('INVALID_INPUT', '请选择街道')
    return named
  }
  if (named !== undefined && named !== scope.subdistrictId) throw forbidden(outside)
  return scope.subdistrictId
}

/** Whether a scope covers a place: a worker, a case, an appeal — anything with its community and sub-district. */
export function covers(scope: StaffScope, place: { subdistrictId: string; communityId?: string }): boolean {
  return (scope.subdistrictId === null || place.subdistrictId === scope.subdistrictId) && (scope.communityId === null || place.communityId === scope.communityId)
}

function present(id: string | undefined): string {
  if (id === undefined) throw forbidden()
  return id
}

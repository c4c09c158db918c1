// Whose grid time a caller may read (gridtime.get, gridtime.trend): a worker their own; staff the workers
// of their scope — sub-district staff their sub-district's, a community admin their community's, the
// bureau anyone's (DESIGN section 1). 401 without an identity, 403 outside the scope (trust rule 12).
import { ApiError } from '../../../../src/core/errors'
import type { Caller } from '../context'
import { forbidden } from '../dispatch'
import type { PrincipalRecord, Store, WorkerRecord } from '../store'
import { findWorker } from './workers'

/** Whether a staff member's scope covers the worker (the bureau everyone, sub-district staff and admins their own). */
export function inScope(staff: PrincipalRecord, worker: WorkerRecord): boolean {
  switch (staff.role) {
    case 'bureau':
      return true
    case 'subdistrict':
      return staff.subdistrictId !== undefined && staff.subdistrictId === worker.subdistrictId
    case 'community':
      return staff.communityId !== undefined && staff.communityId === worker.communityId
    default:
      return false
  }
}

export async function gridTimeSubject(caller: Caller, store: Store, requested: string | undefined): Promise<WorkerRecord> {
  if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', '请先登录微信')
  const principal = caller.principal
  if (principal === null) throw forbidden()
  if (principal.role === 'worker') {
    const own = principal.workerCode
    if (own === undefined) throw forbidden()
    if (requested !== undefined && requested !== own) throw new ApiError('FORBIDDEN', '只能查看自己的网格工作时间')
    return findWorker(store, own)
  }
  if (requested === undefined) throw new ApiError('INVALID_INPUT', '请选择要查看的社区工作者')
  const worker = await findWorker(store, requested)
  if (!inScope(principal, worker)) throw new ApiError('FORBIDDEN', '这名社区工作者不在您负责的范围内')
  return worker
}

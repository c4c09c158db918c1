// Whose grid time a caller may read (gridtime.get, gridtime.trend): a worker their own; staff the workers
// of their scope — sub-district staff their sub-district's, a community admin their community's, the
// bureau anyone's (DESIGN section 1). 401 without an identity, 403 outside the scope (trust rule 12).
import { ApiError } from '@core/errors'
import type { Staff } from '../context'
import type { Store, WorkerRecord } from '../store'
import { findWorker } from '../org/workers'
import { covers, forbidden, staffScope } from '../access/staffScope'

export const OUTSIDE_SCOPE = '这名社区工作者不在您负责的范围内'

export async function gridTimeSubject(caller: Staff, store: Store, requested: string | undefined): Promise<WorkerRecord> {
  const principal = caller.principal
  if (principal.role === 'worker') {
    const own = principal.workerCode
    if (own === undefined) throw forbidden()
    if (requested !== undefined && requested !== own) throw forbidden('只能查看自己的网格工作时间')
    return findWorker(store, own)
  }
  if (requested === undefined) throw new ApiError('INVALID_INPUT', '请选择要查看的社区工作者')
  const worker = await findWorker(store, requested)
  if (!covers(staffScope(caller), worker)) throw forbidden(OUTSIDE_SCOPE)
  return worker
}

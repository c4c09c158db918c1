import type { AsyncState } from '../../hooks/useApi'
import { useEvaluation } from '../../hooks/staff'
import type { ResultOf } from '../../core/contract'
import type { useStaffScope } from './useStaffScope'

type StaffScope = ReturnType<typeof useStaffScope>

/**
 * The evaluation a staff page shows, loaded once the server has said who the caller is (the bureau
 * names a sub-district, sub-district staff do not). Not finding out who the caller is shows as this
 * load's failure, and trying again asks again. `enabled` false: the page has nothing to load for this caller.
 */
export function useScopedEvaluation(scope: StaffScope, enabled = true) {
  const { state, reload } = useEvaluation(scope.period, scope.subdistrictId, scope.ready && enabled)
  if (scope.sessionError === null) return { state, reload }
  const failed: AsyncState<ResultOf<'evaluation.get'>> = { status: 'error', error: scope.sessionError }
  return { state: failed, reload: () => scope.retrySession() }
}

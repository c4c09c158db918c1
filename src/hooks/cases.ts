// The bad-review loop (差评回访整改) over the contract: the staff's list and one case with
// its call-back and rectification, the rater's own cases and verdict, the worker's cases. Every write
// carries one key per intent (src/hooks/intentKey.ts), so a retried tap records nothing twice.
import type { CaseVerdict } from '../core/cases'
import { useIntentKey } from './intentKey'
import { useApiMutation, useApiQuery } from './useApi'

export function useCaseList(enabled: boolean, caller: string) {
  return useApiQuery('case.list', enabled ? {} : null, caller)
}

export function useCase(caseId: string | null, caller: string) {
  return useApiQuery('case.get', caseId !== null ? { caseId } : null, caller)
}

export function useRecordCallback() {
  const mutation = useApiMutation('case.callback')
  const keyFor = useIntentKey()
  const record = (caseId: string, reached: boolean, outcome: string) => mutation.run({ caseId, reached, outcome, idempotencyKey: keyFor({ caseId, reached, outcome }) })
  return { state: mutation.state, record }
}

export function useRecordRectification() {
  const mutation = useApiMutation('case.rectify')
  const keyFor = useIntentKey()
  const record = (caseId: string, note: string) => mutation.run({ caseId, note, idempotencyKey: keyFor({ caseId, note }) })
  return { state: mutation.state, record }
}

export function useMyCases(enabled: boolean, caller: string) {
  return useApiQuery('case.mine', enabled ? {} : null, caller)
}

export function useConfirmCase() {
  const mutation = useApiMutation('case.confirm')
  const keyFor = useIntentKey()
  const confirm = (caseId: string, verdict: CaseVerdict) => mutation.run({ caseId, verdict, idempotencyKey: keyFor({ caseId, verdict }) })
  return { state: mutation.state, confirm }
}

export function useWorkerCases(enabled: boolean, caller: string) {
  return useApiQuery('case.worker', enabled ? {} : null, caller)
}

import type { PayloadInputOf } from '../core/contract'
import { useIntentKey } from './intentKey'
import { useApiMutation, useApiQuery } from './useApi'

/** The evaluation of a period; nothing is loaded until `enabled` (e.g. until the caller's role is known). */
export function useEvaluation(period: string, subdistrictId: string | null, enabled = true) {
  const payload = subdistrictId ? { period, subdistrictId } : { period }
  return useApiQuery('evaluation.get', enabled ? payload : null)
}

/** Enters a score; entering the same score again (a retry) reuses its idempotency key (trust rule 4). */
export function useSubmitScore() {
  const mutation = useApiMutation('score.submit')
  const keyFor = useIntentKey()
  const submit = (entry: Omit<PayloadInputOf<'score.submit'>, 'idempotencyKey'>) => mutation.run({ ...entry, idempotencyKey: keyFor(entry) })
  return { state: mutation.state, submit }
}

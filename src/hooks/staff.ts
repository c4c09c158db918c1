import { useApiMutation, useApiQuery } from './useApi'

/** The evaluation of a period; nothing is loaded until `enabled` (e.g. until the caller's role is known). */
export function useEvaluation(period: string, subdistrictId: string | null, enabled = true) {
  const payload = subdistrictId ? { period, subdistrictId } : { period }
  return useApiQuery('evaluation.get', enabled ? payload : null)
}

export function useSubmitScore() {
  return useApiMutation('score.submit')
}

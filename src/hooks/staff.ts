import { useApiMutation, useApiQuery } from './useApi'

export function useEvaluation(period: string, subdistrictId: string | null) {
  return useApiQuery('evaluation.get', subdistrictId ? { period, subdistrictId } : { period })
}

export function useSubmitScore() {
  return useApiMutation('score.submit')
}

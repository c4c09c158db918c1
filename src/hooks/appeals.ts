// Appeals (申诉 / 复核) over the contract: the worker's bad ratings and filing an appeal,
// the sub-district's queue and its decisions. Each write carries one key per intent (src/hooks/intentKey.ts).
import { useApiMutation, useApiQuery } from './useApi'
import { useIntentKey } from './intentKey'

export function useMyBadRatings(enabled: boolean) {
  return useApiQuery('appeal.mine', enabled ? {} : null)
}

export function useFileAppeal() {
  const mutation = useApiMutation('appeal.file')
  const keyFor = useIntentKey()
  const file = (token: string, reason: string) => mutation.run({ token, reason, idempotencyKey: keyFor({ token, reason }) })
  return { state: mutation.state, file, reset: mutation.reset }
}

export function useAppealQueue(enabled: boolean, caller: string) {
  return useApiQuery('appeal.list', enabled ? {} : null, caller)
}

export function useDecideAppeal() {
  const mutation = useApiMutation('appeal.decide')
  const keyFor = useIntentKey()
  const decide = (appealId: string, decision: 'uphold' | 'reject', note: string) =>
    mutation.run({ appealId, decision, note, idempotencyKey: keyFor({ appealId, decision, note }) })
  return { state: mutation.state, decide, reset: mutation.reset }
}

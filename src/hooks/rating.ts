import type { Level } from '../core/types'
import { useIntentKey } from './intentKey'
import { useApiMutation, useApiQuery } from './useApi'

export { newIdempotencyKey } from './intentKey'

export function useWorkerCard(workerCode: string | null) {
  return useApiQuery('worker.card', workerCode ? { workerCode } : null)
}

/** Submits a rating; tapping 提交 again with the same choices reuses its idempotency key, so it is counted once. */
export function useSubmitRating(workerCode: string) {
  const mutation = useApiMutation('rating.submit')
  const keyFor = useIntentKey()
  const submit = (level: Level, comment: string) => {
    const trimmed = comment.trim()
    const intent = { workerCode, level, ...(trimmed ? { comment: trimmed } : {}) }
    return mutation.run({ ...intent, idempotencyKey: keyFor(intent) })
  }
  return { state: mutation.state, submit }
}

// The review queue of suspicious ratings (复核, trust rule 8) over the contract: the sub-district's
// flagged ratings and each decision. A decision carries one key per intent (src/hooks/intentKey.ts).
import { useApiMutation, useApiQuery } from './useApi'
import { useIntentKey } from './intentKey'

/** The queue; nothing is loaded until the caller may see it. `caller` reloads it when the identity changes. */
export function useReviewQueue(enabled: boolean, caller: string) {
  return useApiQuery('review.list', enabled ? {} : null, caller)
}

export function useDecideReview() {
  const mutation = useApiMutation('review.decide')
  const keyFor = useIntentKey()
  const decide = (reviewId: string, decision: 'keep' | 'exclude', reason: string) =>
    mutation.run({ reviewId, decision, reason, idempotencyKey: keyFor({ reviewId, decision, reason }) })
  return { state: mutation.state, decide, reset: mutation.reset }
}

/** One decision for a burst's items, with one reason (review.decideBatch). */
export function useDecideReviewBatch() {
  const mutation = useApiMutation('review.decideBatch')
  const keyFor = useIntentKey()
  const decide = (reviewIds: string[], decision: 'keep' | 'exclude', reason: string) =>
    mutation.run({ reviewIds, decision, reason, idempotencyKey: keyFor({ reviewIds, decision, reason }) })
  return { state: mutation.state, decide, reset: mutation.reset }
}

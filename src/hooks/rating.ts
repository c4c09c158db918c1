import { useMemo } from 'react'
import type { Level } from '../core/types'
import { useApiMutation, useApiQuery } from './useApi'

export function useWorkerCard(workerCode: string | null) {
  return useApiQuery('worker.card', workerCode ? { workerCode } : null)
}

/** A fresh key per form: a retry of the same submit reuses it, so it is counted once (trust rule 4). */
export function newIdempotencyKey(): string {
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** Submits a rating; a retry of the same form reuses its idempotency key, so it is counted once. */
export function useSubmitRating(workerCode: string) {
  const mutation = useApiMutation('rating.submit')
  const idempotencyKey = useMemo(newIdempotencyKey, [workerCode])
  const submit = (level: Level, comment: string) => {
    const trimmed = comment.trim()
    return mutation.run({ workerCode, level, idempotencyKey, ...(trimmed ? { comment: trimmed } : {}) })
  }
  return { state: mutation.state, submit }
}

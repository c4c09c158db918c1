import type { PayloadInputOf } from '../core/contract'
import { useApiMutation, useApiQuery } from './useApi'

/** The held comments of a sub-district (comment.list); nothing is loaded while `payload` is null. */
export function useHeldComments(payload: PayloadInputOf<'comment.list'> | null) {
  return useApiQuery('comment.list', payload)
}

/** Releases or rejects one held comment (comment.decide). */
export function useDecideComment() {
  return useApiMutation('comment.decide')
}

// Data hooks of 一次一评: the feedback page of the person served, the worker's visit page and
// the worker's poster. Answers that depend on who asks are asked again when the local demo identity
// switches (the `caller` of useApiQuery).
import type { Level } from '../core/types'
import { useIntentKey } from './intentKey'
import { useApiMutation, useApiQuery } from './useApi'
import { useDevIdentity } from './useDevIdentity'
import { useSession } from './useSession'

/** The public summary of a visit (who, what, when, still open?), and whether it is the caller's own. */
export function useVisitCard(visitCode: string | null) {
  const { identity } = useDevIdentity()
  return useApiQuery('visit.card', visitCode ? { visitCode } : null, identity?.openid ?? '')
}

/** Submits the feedback on one visit; tapping 提交 again with the same choices reuses its idempotency key. */
export function useSubmitFeedback(visitCode: string) {
  const mutation = useApiMutation('feedback.submit')
  const keyFor = useIntentKey()
  const submit = (level: Level, comment: string) => {
    const trimmed = comment.trim()
    const intent = { visitCode, level, ...(trimmed ? { comment: trimmed } : {}) }
    return mutation.run({ ...intent, idempotencyKey: keyFor(intent) })
  }
  return { state: mutation.state, submit }
}

export function useLogVisit() {
  return useApiMutation('visit.log')
}

/** The caller's own recent visits with their feedback state. */
export function useMyVisits() {
  const { identity } = useDevIdentity()
  return useApiQuery('visit.list', {}, identity?.openid ?? '')
}

/**
 * What the poster shows: the worker's card (name, post, grid) and their code. The card is public; whose
 * it is comes from session.me, so nothing is asked until the server has said who the caller is.
 */
export function usePoster() {
  const { identity } = useDevIdentity()
  const { session, error: sessionError } = useSession()
  const workerCode = session?.role === 'worker' ? (session.workerCode ?? null) : null
  const card = useApiQuery('worker.card', workerCode ? { workerCode } : null)
  const code = useApiQuery('worker.qrcode', workerCode ? {} : null, identity?.openid ?? '')
  return { session, sessionError, notWorker: session !== null && workerCode === null, card, code }
}

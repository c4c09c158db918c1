// Data hooks of the service hall (便民服务大厅): the community admin's rota and the counter's poster,
// and the resident's page the hall's code opens. Answers that depend on who asks are asked again when
// the local demo identity switches (the `caller` of useApiQuery).
import type { Level } from '../core/types'
import { useIntentKey } from './intentKey'
import { useApiMutation, useApiQuery } from './useApi'
import { useDevIdentity } from './useDevIdentity'

/**
 * A month's rota. `communityId` undefined: the admin's own community (the server knows it); sub-district
 * staff and the bureau name the one they read. Null `period`: load nothing yet.
 */
export function useHallRota(period: string | null, communityId: string | undefined) {
  const { identity } = useDevIdentity()
  return useApiQuery('hall.rota.get', period === null ? null : { period, ...(communityId ? { communityId } : {}) }, identity?.openid ?? '')
}

export const useGenerateRota = () => useApiMutation('hall.rota.generate')
export const useSaveRota = () => useApiMutation('hall.rota.save')

/** The hall's code for the counter's poster; null `communityId` with `enabled`: the admin's own hall. */
export function useHallCode(enabled: boolean, communityId: string | undefined) {
  const { identity } = useDevIdentity()
  return useApiQuery('hall.qrcode', enabled ? (communityId ? { communityId } : {}) : null, identity?.openid ?? '')
}

/** What the hall's code shows a resident: today's workers on duty, or why nobody can be rated now. */
export function useHallCard(hallCode: string | null) {
  const { identity } = useDevIdentity()
  return useApiQuery('hall.card', hallCode ? { hallCode } : null, identity?.openid ?? '')
}

/** Rates the worker who served at the window; tapping 提交 again with the same choices reuses its key. */
export function useSubmitHallFeedback(hallCode: string) {
  const mutation = useApiMutation('hall.feedback')
  const keyFor = useIntentKey()
  const submit = (workerCode: string, level: Level, comment: string) => {
    const trimmed = comment.trim()
    const intent = { hallCode, workerCode, level, ...(trimmed ? { comment: trimmed } : {}) }
    return mutation.run({ ...intent, idempotencyKey: keyFor(intent) })
  }
  return { state: mutation.state, submit, reset: mutation.reset }
}

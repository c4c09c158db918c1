import { canEditPosts, canEnterScores, canInviteWorkers, canReadEvaluations } from '../core/roles'
import type { Session } from '../core/types'
import type { CallError } from '../platform/call-error'
import { useApiQuery } from './useApi'
import { useDevIdentity } from './useDevIdentity'

/**
 * Who the server says the caller is (`session.me`). Identity comes only from the runtime, so this is
 * the one way the app can tell a clerk from a resident. Locally the demo identity is the caller
 * (X-Openid): switching it asks again. `session` is null until the answer is in; without one the app
 * shows no staff entries.
 */
export function useSession() {
  const { identity } = useDevIdentity()
  const { state, reload } = useApiQuery('session.me', {}, identity?.openid ?? '')
  const session: Session | null = state.status === 'ok' ? state.data : null
  const error: CallError | null = state.status === 'error' ? state.error : null
  return {
    session,
    error,
    reload,
    canReadEvaluations: session !== null && canReadEvaluations(session.role),
    canEnterScores: session !== null && canEnterScores(session.role),
    canEditPosts: session !== null && canEditPosts(session.role),
    canInviteWorkers: session !== null && canInviteWorkers(session.role),
    isBureau: session?.role === 'bureau',
  }
}

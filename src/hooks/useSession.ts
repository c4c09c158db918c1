import { mayCall } from '../core/access'
import type { ActionName } from '../core/contract'
import type { Session } from '../core/types'
import type { CallError } from '../platform/call-error'
import { useApiQuery } from './useApi'
import { useDevIdentity } from './useDevIdentity'

/**
 * Who the server says the caller is (`session.me`). Identity comes only from the runtime, so this is
 * the one way the app can tell a clerk from a resident. Locally the demo identity is the caller
 * (X-Openid): switching it asks again. `session` is null until the answer is in; without one the app
 * shows no staff entries. `may(action)` asks the access table the door answers from, so a page offers
 * exactly what the server would let the caller do.
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
    may: (action: ActionName) => session !== null && mayCall(action, session.role),
    isBureau: session?.role === 'bureau',
  }
}

import { useApiMutation, useApiQuery } from './useApi'
import { useDevIdentity } from './useDevIdentity'

/** A community admin's workers, bound or not; nothing is loaded until `enabled` (the caller's role is known). */
export function useCommunityWorkers(enabled: boolean) {
  const { identity } = useDevIdentity()
  return useApiQuery('community.workers', enabled ? {} : null, identity?.openid ?? '')
}

export function useCreateInvite() {
  return useApiMutation('invite.create')
}

/** Whose record an invite binds to, and whether it still works — for whoever opened it. */
export function useInviteCard(inviteCode: string | null) {
  const { identity } = useDevIdentity()
  return useApiQuery('invite.card', inviteCode ? { inviteCode } : null, identity?.openid ?? '')
}

export function useAcceptInvite() {
  return useApiMutation('invite.accept')
}

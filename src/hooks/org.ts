import { useApiMutation, useApiQuery } from './useApi'
import { useDevIdentity } from './useDevIdentity'

/** org.list for the caller (the bureau: the city; sub-district staff: their own); nothing until `enabled`. */
export function useOrgList(enabled: boolean) {
  const { identity } = useDevIdentity()
  return useApiQuery('org.list', enabled ? {} : null, identity?.openid ?? '')
}

/** A community admin's grids, workers and posts; nothing until `enabled`. */
export function useCommunityOrg(enabled: boolean) {
  const { identity } = useDevIdentity()
  return useApiQuery('community.grids', enabled ? {} : null, identity?.openid ?? '')
}

export const useSaveSubdistrict = () => useApiMutation('org.subdistrict.save')
export const useSaveCommunity = () => useApiMutation('org.community.save')
export const useSaveGrid = () => useApiMutation('grid.save')
export const useUpdateWorker = () => useApiMutation('worker.update')
export const useStaffInvite = () => useApiMutation('org.invite')

import { useApiMutation, useApiQuery } from './useApi'

/** The post catalogue (四岗说明书); nothing is loaded until `enabled` (e.g. until the caller's role is known). */
export function usePosts(enabled = true) {
  return useApiQuery('post.list', enabled ? {} : null)
}

export function useSavePost() {
  return useApiMutation('post.save')
}

/**
 * grid.directory: with no community (undefined) the city's communities; with one, its grids and who
 * serves each; null loads nothing.
 */
export function useGridDirectory(communityId: string | null | undefined) {
  return useApiQuery('grid.directory', communityId === null ? null : communityId === undefined ? {} : { communityId })
}

// grid.directory: public, even anonymous — "my grid worker": a resident picks their community,
// then their 小区 (grid), and sees who serves it, each worker's card with post, duties and households
// (the 4 of 3456). Without a communityId: the city's communities, one paged read of them; with one: that
// community's grids and workers, read by communityId — never a scan of the city's workers.
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { directoryCommunities, directoryGrids } from './directory'

export const gridDirectory: Handler<'grid.directory'> = async ({ communityId }, { store }) => {
  if (communityId === undefined) {
    const [communities, subdistricts] = await Promise.all([store.catalog.listAllCommunities(), store.listSubdistricts()])
    return { communities: directoryCommunities(communities, subdistricts), grids: [] }
  }
  const community = await store.getCommunity(communityId)
  if (community === null) throw new ApiError('NOT_FOUND', '没有找到这个社区，请重新选择')
  const [subdistrict, grids, workers, posts] = await Promise.all([
    store.getSubdistrict(community.subdistrictId),
    store.catalog.listGrids(community.id),
    store.catalog.listCommunityWorkers(community.id),
    store.catalog.listPosts(),
  ])
  return {
    communities: [{ communityId: community.id, name: community.name, subdistrict: subdistrict?.name ?? '' }],
    grids: directoryGrids(community, grids, workers, posts),
  }
}

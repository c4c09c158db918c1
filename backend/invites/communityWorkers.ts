// community.workers: a community admin's list of their own community's workers — name, code, post,
// grid, and whether a WeChat account is bound to the record — from which they make invites;
// a worker no longer in post is marked, to be told apart and not invited.
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'

export const communityWorkers: Handler<'community.workers'> = async (_payload, { caller, store }) => {
  const { communityId } = staffScope(caller)
  const community = communityId === null ? null : await store.getCommunity(communityId)
  if (community === null) throw forbidden()
  // Four reads whatever the size of the community: its workers, its grids, the posts, who is bound.
  const [workers, grids, posts] = await Promise.all([
    store.catalog.listCommunityWorkers(community.id),
    store.catalog.listGrids(community.id),
    store.catalog.listPosts(),
  ])
  const bound = new Set(await store.invites.listBoundWorkerCodes(workers.map((worker) => worker.code)))
  const gridName = new Map(grids.map((grid) => [grid.id, grid.name]))
  const postName = new Map(posts.map((post) => [post.id, post.name]))
  const rows = workers.map((worker) => ({
    workerCode: worker.code,
    name: worker.name,
    post: postName.get(worker.postId) ?? '',
    grid: gridName.get(worker.gridId) ?? '',
    bound: bound.has(worker.code),
    ...(worker.active === false ? { inactive: true as const } : {}),
  }))
  return { community: community.name, workers: rows.sort((a, b) => (a.workerCode < b.workerCode ? -1 : 1)) }
}

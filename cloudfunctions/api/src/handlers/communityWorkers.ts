// community.workers: a community admin's list of their own community's workers — name, code, post,
// grid, and whether a WeChat account is bound to the record — from which they make invites (issue 7);
// a worker no longer in post is marked (issue 8), to be told apart and not invited.
import { WORKER_INVITERS } from '../../../../src/core/roles'
import type { Handler } from '../context'
import { forbidden, requireRole } from '../dispatch'
import { SIGN_IN_AS_STAFF, requireSignedIn } from '../domain/invites'
import { workplaceOf } from '../domain/principals'

export const communityWorkers: Handler<'community.workers'> = async (_payload, { caller, store }) => {
  requireSignedIn(caller, SIGN_IN_AS_STAFF)
  const admin = requireRole(caller, ...WORKER_INVITERS)
  const { communityId } = await workplaceOf(admin, store)
  const community = communityId === undefined ? null : await store.getCommunity(communityId)
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

// community.grids: a community admin's own community — its grids with households and how many
// workers serve each, its workers with post, grid and whether they are in post, and the post catalogue
// to pick from: what staff/community shows and edits. Four reads whatever the community's size.
import { comparePosts } from '@core/catalog'
import { isActiveWorker } from '@core/org'
import type { Handler } from '../context'
import { adminCommunity } from './orgScope'

const byPinyin = new Intl.Collator('zh-Hans-CN', { numeric: true }).compare

export const communityGrids: Handler<'community.grids'> = async (_payload, { caller, store }) => {
  const community = await adminCommunity(caller, store)
  const [subdistrict, grids, workers, posts] = await Promise.all([
    store.getSubdistrict(community.subdistrictId),
    store.catalog.listGrids(community.id),
    store.catalog.listCommunityWorkers(community.id),
    store.catalog.listPosts(),
  ])
  const gridName = new Map(grids.map((grid) => [grid.id, grid.name]))
  const postName = new Map(posts.map((post) => [post.id, post.name]))
  return {
    communityId: community.id,
    community: community.name,
    subdistrict: subdistrict?.name ?? '',
    grids: grids
      .map((grid) => {
        const serving = workers.filter((worker) => worker.gridId === grid.id)
        return { gridId: grid.id, name: grid.name, households: grid.households, workers: serving.length, activeWorkers: serving.filter(isActiveWorker).length }
      })
      .sort((a, b) => byPinyin(a.name, b.name) || (a.gridId < b.gridId ? -1 : 1)),
    workers: workers
      .map((worker) => ({
        workerCode: worker.code,
        name: worker.name,
        postId: worker.postId,
        post: postName.get(worker.postId) ?? '',
        gridId: worker.gridId,
        grid: gridName.get(worker.gridId) ?? '',
        active: isActiveWorker(worker),
      }))
      .sort((a, b) => (a.workerCode < b.workerCode ? -1 : 1)),
    posts: posts
      .map((post) => ({ id: post.id, name: post.name }))
      .sort(comparePosts)
      .map((post) => ({ postId: post.id, name: post.name })),
  }
}

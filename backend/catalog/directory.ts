// The directory a resident finds their grid worker in (grid.directory): the city's communities, and one
// community's grids, each with the cards of the workers who serve it. Names are listed in pinyin order,
// how a Chinese list is looked through (numbers by value: 第2 before 第10); a grid's workers in post rank
// order (正职, 副职, 委员, 专职社区工作者, then posts the bureau added), then by code. A worker no longer in
// post is not listed: the directory answers who serves the grid now.
import { comparePosts, type DirectoryCommunity, type DirectoryGrid } from '@core/catalog'
import { isActiveWorker } from '@core/org'
import type { CommunityRecord, GridRecord, PostRecord, SubdistrictRecord, WorkerRecord } from '../store/records'
import { workerCardOf } from './cards'

const byPinyin = new Intl.Collator('zh-Hans-CN', { numeric: true }).compare

/** Sub-district by sub-district (in pinyin order), each one's communities in pinyin order. */
export function directoryCommunities(communities: CommunityRecord[], subdistricts: SubdistrictRecord[]): DirectoryCommunity[] {
  const nameOf = new Map(subdistricts.map((s) => [s.id, s.name]))
  return communities
    .map((c) => ({ communityId: c.id, name: c.name, subdistrict: nameOf.get(c.subdistrictId) ?? '' }))
    .sort((a, b) => byPinyin(a.subdistrict, b.subdistrict) || byPinyin(a.name, b.name) || (a.communityId < b.communityId ? -1 : 1))
}

/** The community's grids in pinyin order, each with its workers' cards; a grid nobody serves lists none. */
export function directoryGrids(community: CommunityRecord, grids: GridRecord[], workers: WorkerRecord[], posts: PostRecord[]): DirectoryGrid[] {
  const postOf = new Map(posts.map((p) => [p.id, p]))
  const rankKey = (w: WorkerRecord) => postOf.get(w.postId) ?? { id: w.postId, name: '' }
  const ranked = workers.filter(isActiveWorker).sort((a, b) => comparePosts(rankKey(a), rankKey(b)) || (a.code < b.code ? -1 : 1))
  return [...grids]
    .sort((a, b) => byPinyin(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((grid) => ({
      gridId: grid.id,
      name: grid.name,
      households: grid.households,
      workers: ranked.filter((w) => w.gridId === grid.id).map((w) => workerCardOf(w, postOf.get(w.postId), community, grid)),
    }))
}

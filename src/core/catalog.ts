// The 4 of 3456, the four-post job description (四岗说明书): every post has written duties, shown on every
// worker's card; and the directory a resident finds their grid worker in (communities → grids → cards).
// Pure TypeScript: the limits the contract validates with, and the order posts and grids are shown in.
import type { WorkerCard } from './types'

/** A post and its written duties, as post.list answers and post.save takes (postId absent: a new post). */
export interface Post {
  postId: string
  name: string
  duties: string[]
}

/** What post.save accepts: a post name of 1..20 characters with 1..10 duties of 1..60 characters each. */
export const POST_LIMITS = { nameMax: 20, dutiesMin: 1, dutiesMax: 10, dutyMax: 60 } as const

/**
 * The four posts in rank order (DESIGN section 2): 正职, 副职, 委员, 专职社区工作者. The catalogue and each
 * grid's workers are shown in this order; a post the bureau added comes after them, by name.
 */
export const FOUR_POST_NAMES: readonly string[] = ['正职', '副职', '委员', '专职社区工作者']

function rankOf(name: string): number {
  const rank = FOUR_POST_NAMES.indexOf(name)
  return rank === -1 ? FOUR_POST_NAMES.length : rank
}

/** Orders by rank (the four posts first, in order), then by name, then by id: the same everywhere. */
export function comparePosts(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return rankOf(a.name) - rankOf(b.name) || compareText(a.name, b.name) || compareText(a.id, b.id)
}

/** Code-point order: deterministic, the same in Node and in WeChat (no locale tables involved). */
/** The post names in the catalogue's order: the roster template's 岗位 choices and what an import accepts. */
export function postNamesOf(posts: ReadonlyArray<{ id: string; name: string }>): string[] {
  return [...posts].sort(comparePosts).map((post) => post.name)
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A community a resident can pick, with its sub-district's name to tell two of the same name apart. */
export interface DirectoryCommunity {
  communityId: string
  name: string
  subdistrict: string
}

/**
 * A grid (网格, by 小区) and who serves it. `workers` holds the card of every worker of the grid, in post
 * rank order: a grid may have several (leaders 包片 too) or, for a while, none (an empty list).
 */
export interface DirectoryGrid {
  gridId: string
  name: string
  households: number
  workers: WorkerCard[]
}

/**
 * grid.directory: without a communityId, every community (and no grids); with one, that community alone
 * and its grids, each with its workers' cards.
 */
export interface GridDirectory {
  communities: DirectoryCommunity[]
  grids: DirectoryGrid[]
}

// The four posts (四岗说明书) and the directory of communities, grids and their workers (issue 7).
// Part of the Store (store.ts): one interface, implemented by server/stores/catalog.ts (SQLite) and
// cloudfunctions/api/src/cloudStores/catalog.ts (CloudBase), checked by one contract suite
// (test/storeContracts/catalog.ts). Posts are never deleted, so every worker's post stays readable.
import type { CommunityRecord, GridRecord, PostRecord, WorkerRecord } from './records'

export interface CatalogStore {
  /** Every post of the catalogue (a handful; the order is the caller's, see src/core/catalog.ts). */
  listPosts(): Promise<PostRecord[]>
  /** Stores a new post; `added: false` (and nothing written) when its id is taken. */
  addPost(post: PostRecord): Promise<{ added: boolean }>
  /** Replaces the name and duties of a stored post; `updated: false` (and nothing written) when there is none. */
  updatePost(post: PostRecord): Promise<{ updated: boolean }>

  /** Every community of the city (100+: the cloud reads them in pages of 100). */
  listAllCommunities(): Promise<CommunityRecord[]>
  /** The grids of one community. */
  listGrids(communityId: string): Promise<GridRecord[]>
  /** The workers of one community. */
  listCommunityWorkers(communityId: string): Promise<WorkerRecord[]>
}

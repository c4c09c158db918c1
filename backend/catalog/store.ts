// The four posts (四岗说明书) and the directory of communities, grids and their workers.
// Part of the Store (backend/store/index.ts): one interface, implemented by backend/catalog/sqlite.ts (SQLite) and
// backend/catalog/cloudbase.ts (CloudBase), checked by one contract suite
// (test/storeContracts/catalog.ts). Posts are never deleted, so every worker's post stays readable.
import type { CommunityRecord, GridRecord, PostRecord, WorkerRecord } from '../store/records'

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

// Managing the organisation: the bureau creates and renames sub-districts and
// communities; a community admin edits its grids (with household counts) and its workers (post, grid,
// active or not). Part of the Store (backend/store/index.ts): implemented by backend/org/sqlite.ts (SQLite) and
// backend/org/cloudbase.ts (CloudBase), checked by test/storeContracts/org.ts.
//
// Ids never change: a rename changes the name only, so everything under a sub-district, community or
// grid (and every rating, score and tally naming it) stays where it was. Nothing here deletes.
import type { CommunityRecord, GridRecord, SubdistrictRecord } from '../store/records'

/** What a community admin sets on a worker record: the post, the grid, in post or not. */
export interface WorkerAssignment {
  postId: string
  gridId: string
  active: boolean
}

export interface OrgStore {
  /** Stores a new sub-district; `added: false` (and nothing written) when its id is taken. */
  addSubdistrict(subdistrict: SubdistrictRecord): Promise<{ added: boolean }>
  /** Renames a stored sub-district; `updated: false` when there is none. */
  renameSubdistrict(id: string, name: string): Promise<{ updated: boolean }>
  /** Stores a new community; `added: false` (and nothing written) when its id is taken. */
  addCommunity(community: CommunityRecord): Promise<{ added: boolean }>
  /** Renames a stored community (its sub-district stays); `updated: false` when there is none. */
  renameCommunity(id: string, name: string): Promise<{ updated: boolean }>
  /** Stores a new grid; `added: false` (and nothing written) when its id is taken. */
  addGrid(grid: GridRecord): Promise<{ added: boolean }>
  /** Changes a stored grid's name and households (its community stays); `updated: false` when there is none. */
  updateGrid(id: string, change: { name: string; households: number }): Promise<{ updated: boolean }>
  /**
   * Sets a worker's post, grid and whether they are in post; their code, name, community and
   * sub-district stay. `updated: false` when there is no such worker. getWorker sees it at once, and so
   * does the store's getVisitToRate for their visits (backend/visits/store.ts) of the feedback window's
   * longest reach before `now` (the caller's clock; the process's when not given).
   */
  updateWorker(code: string, assignment: WorkerAssignment, now?: Date): Promise<{ updated: boolean }>
}

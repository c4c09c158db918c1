// Applying an imported roster: one validated plan of sub-districts, communities, grids
// and workers, upserted by their ids and worker codes (工号), never deleting anything. Part of the Store
// (backend/store/index.ts): implemented by backend/roster/sqlite.ts (SQLite) and backend/roster/cloudbase.ts (CloudBase),
// checked by test/storeContracts/roster.ts.
import type { RosterPlan, StoredOrganisation } from '@core/rosterPlan'

export interface RosterStore {
  /** The whole organisation the roster is matched against: every sub-district, community, grid, post and worker. */
  readOrganisation(): Promise<StoredOrganisation>
  /**
   * Writes the plan (src/core/rosterPlan.ts), parents first: new units, grids, new workers, changed
   * workers (only the roster's fields: name, post, grid, community, sub-district; never whether the
   * worker is active), the name and place of the WeChat identities bound to a changed worker, and the
   * sub-district of a moved worker's tallies (evaluations read tallies by sub-district).
   * Writing the same plan again changes nothing more, so a retry after a crash converges.
   */
  applyRoster(plan: RosterPlan): Promise<void>
}

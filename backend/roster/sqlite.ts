// The SQLite side of RosterStore (backend/roster/store.ts): the organisation read in five
// statements, a plan written in one transaction (all or nothing), the cached workers dropped after.
import type Database from 'better-sqlite3'
import type { RosterStore } from './store'
import type { RosterCommunity, RosterGrid, RosterPlan, RosterUnit, RosterWorker, StoredOrganisation } from '@core/rosterPlan'

export class SqliteRosterStore implements RosterStore {
  private readonly stmt
  private readonly apply: (plan: RosterPlan) => void

  constructor(
    readonly db: Database.Database,
    /** Called after a write that changes workers or principals (SqliteStore caches them). */
    readonly changed: () => void,
  ) {
    this.stmt = {
      subdistricts: db.prepare<[], RosterUnit>('SELECT id, name FROM subdistricts'),
      communities: db.prepare<[], RosterCommunity>('SELECT id, name, subdistrict_id AS subdistrictId FROM communities'),
      grids: db.prepare<[], RosterGrid>('SELECT id, name, community_id AS communityId, households FROM grids'),
      posts: db.prepare<[], RosterUnit>('SELECT id, name FROM posts'),
      workers: db.prepare<[], RosterWorker>(
        `SELECT code, name, post_id AS postId, grid_id AS gridId, community_id AS communityId, subdistrict_id AS subdistrictId FROM workers`,
      ),
      putSubdistrict: db.prepare<RosterUnit>('INSERT INTO subdistricts (id, name) VALUES (@id, @name) ON CONFLICT (id) DO NOTHING'),
      putCommunity: db.prepare<RosterCommunity>(
        'INSERT INTO communities (id, name, subdistrict_id) VALUES (@id, @name, @subdistrictId) ON CONFLICT (id) DO NOTHING',
      ),
      putGrid: db.prepare<RosterGrid>(
        `INSERT INTO grids (id, name, community_id, households) VALUES (@id, @name, @communityId, @households)
         ON CONFLICT (id) DO UPDATE SET households = excluded.households`,
      ),
      // Only the roster's columns: whether a worker is active belongs to the organisation pages.
      putWorker: db.prepare<RosterWorker>(
        `INSERT INTO workers (code, name, post_id, community_id, grid_id, subdistrict_id)
         VALUES (@code, @name, @postId, @communityId, @gridId, @subdistrictId)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, post_id = excluded.post_id,
           community_id = excluded.community_id, grid_id = excluded.grid_id, subdistrict_id = excluded.subdistrict_id`,
      ),
      moveTallies: db.prepare<{ code: string; subdistrictId: string }>('UPDATE tallies SET subdistrict_id = @subdistrictId WHERE worker_code = @code'),
      moveBound: db.prepare<RosterWorker>(
        `UPDATE principals SET name = @name, community_id = @communityId, subdistrict_id = @subdistrictId
         WHERE role = 'worker' AND worker_code = @code`,
      ),
    }
    this.apply = db.transaction((plan: RosterPlan): void => {
      const st = this.stmt
      for (const s of plan.subdistricts) st.putSubdistrict.run(s)
      for (const c of plan.communities) st.putCommunity.run(c)
      for (const g of plan.grids) st.putGrid.run(g)
      for (const w of plan.newWorkers) st.putWorker.run(w)
      for (const w of plan.changedWorkers) {
        st.putWorker.run(w)
        st.moveBound.run(w)
      }
      for (const m of plan.moved) st.moveTallies.run(m)
    })
  }

  readOrganisation(): Promise<StoredOrganisation> {
    const st = this.stmt
    return Promise.resolve({
      subdistricts: st.subdistricts.all(),
      communities: st.communities.all(),
      grids: st.grids.all(),
      posts: st.posts.all(),
      workers: st.workers.all(),
    })
  }

  applyRoster(plan: RosterPlan): Promise<void> {
    try {
      this.apply(plan)
    } finally {
      this.changed()
    }
    return Promise.resolve()
  }
}

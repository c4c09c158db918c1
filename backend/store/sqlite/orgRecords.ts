// The organisation as SqliteStore's own methods load and read it (putOrg, getWorker, getPrincipal, ...):
// sub-districts, communities, grids, posts, workers and bound identities. Workers and principals are
// kept in memory after the first read: they change only through this process (the local runtime owns
// its DATA_DIR), so a rating costs two SQLite lookups fewer; whatever changes them calls `forget`.
import type Database from 'better-sqlite3'
import type { CommunityRecord, GridRecord, OrgSeed, PostRecord, PrincipalRecord, SubdistrictRecord, WorkerRecord } from '../records'
import { type WorkerRow, workerOf } from '../../org/sqlite'
import { type PrincipalRow, principalOf, principalRow } from './schema'

type One = [string]

interface OrgCache {
  workers: Map<string, WorkerRecord>
  principals: Map<string, PrincipalRecord>
}

const WORKER_SELECT = `SELECT code, name, post_id AS postId, community_id AS communityId, grid_id AS gridId,
  subdistrict_id AS subdistrictId, active FROM workers`
const COMMUNITY_SELECT = 'SELECT id, name, subdistrict_id AS subdistrictId FROM communities'
const PRINCIPAL_SELECT = `SELECT openid, role, name, worker_code AS workerCode, community_id AS communityId,
  subdistrict_id AS subdistrictId FROM principals`

export class SqliteOrgRecords {
  private readonly stmt
  private readonly putTx: (org: OrgSeed) => void
  private cache: OrgCache | null = null

  /** After the workers' `active` column exists (backend/org/sqlite.ts addWorkerActiveColumn). */
  constructor(db: Database.Database) {
    this.stmt = {
      hasOrg: db.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM subdistricts) AS found'),
      putSubdistrict: db.prepare<SubdistrictRecord>(
        'INSERT INTO subdistricts (id, name) VALUES (@id, @name) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
      ),
      putCommunity: db.prepare<CommunityRecord>(
        `INSERT INTO communities (id, name, subdistrict_id) VALUES (@id, @name, @subdistrictId)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, subdistrict_id = excluded.subdistrict_id`,
      ),
      putGrid: db.prepare<GridRecord>(
        `INSERT INTO grids (id, name, community_id, households) VALUES (@id, @name, @communityId, @households)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, community_id = excluded.community_id,
           households = excluded.households`,
      ),
      putPost: db.prepare<{ id: string; name: string; duties: string }>(
        `INSERT INTO posts (id, name, duties) VALUES (@id, @name, @duties)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, duties = excluded.duties`,
      ),
      putWorker: db.prepare<WorkerRow>(
        `INSERT INTO workers (code, name, post_id, community_id, grid_id, subdistrict_id, active)
         VALUES (@code, @name, @postId, @communityId, @gridId, @subdistrictId, @active)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, post_id = excluded.post_id,
           community_id = excluded.community_id, grid_id = excluded.grid_id, subdistrict_id = excluded.subdistrict_id,
           active = excluded.active`,
      ),
      putPrincipal: db.prepare<PrincipalRow>(
        `INSERT INTO principals (openid, role, name, worker_code, community_id, subdistrict_id)
         VALUES (@openid, @role, @name, @workerCode, @communityId, @subdistrictId)
         ON CONFLICT (openid) DO UPDATE SET role = excluded.role, name = excluded.name,
           worker_code = excluded.worker_code, community_id = excluded.community_id,
           subdistrict_id = excluded.subdistrict_id`,
      ),
      allWorkers: db.prepare<[], WorkerRow>(WORKER_SELECT),
      listWorkers: db.prepare<One, WorkerRow>(`${WORKER_SELECT} WHERE subdistrict_id = ? ORDER BY code`),
      getCommunity: db.prepare<One, CommunityRecord>(`${COMMUNITY_SELECT} WHERE id = ?`),
      listCommunities: db.prepare<One, CommunityRecord>(`${COMMUNITY_SELECT} WHERE subdistrict_id = ? ORDER BY id`),
      getGrid: db.prepare<One, GridRecord>(
        'SELECT id, name, community_id AS communityId, households FROM grids WHERE id = ?',
      ),
      getPost: db.prepare<One, { id: string; name: string; duties: string }>(
        'SELECT id, name, duties FROM posts WHERE id = ?',
      ),
      listSubdistricts: db.prepare<[], SubdistrictRecord>('SELECT id, name FROM subdistricts ORDER BY id'),
      getSubdistrict: db.prepare<One, SubdistrictRecord>('SELECT id, name FROM subdistricts WHERE id = ?'),
      listPrincipals: db.prepare<[], PrincipalRow>(`${PRINCIPAL_SELECT} ORDER BY openid`),
    }
    // Parents before children, so the foreign keys hold at every step.
    this.putTx = db.transaction((org: OrgSeed): void => {
      const st = this.stmt
      for (const s of org.subdistricts) st.putSubdistrict.run(s)
      for (const c of org.communities) st.putCommunity.run(c)
      for (const g of org.grids) st.putGrid.run(g)
      for (const p of org.posts) st.putPost.run({ id: p.id, name: p.name, duties: JSON.stringify(p.duties) })
      for (const w of org.workers) st.putWorker.run({ ...w, active: w.active === false ? 0 : 1 })
      for (const p of org.principals) st.putPrincipal.run(principalRow(p))
    })
  }

  isEmpty(): boolean {
    return this.stmt.hasOrg.get()?.found !== 1
  }

  put(org: OrgSeed): void {
    this.putTx(org)
    this.cache = null
  }

  /** Workers or bound identities changed (an accepted invite, an org edit, a roster import): read them again. */
  forget(): void {
    this.cache = null
  }

  private cached(): OrgCache {
    if (this.cache === null) {
      this.cache = {
        workers: new Map(this.stmt.allWorkers.all().map((row) => [row.code, workerOf(row)])),
        principals: new Map(this.stmt.listPrincipals.all().map((row) => [row.openid, principalOf(row)])),
      }
    }
    return this.cache
  }

  worker(code: string): WorkerRecord | null {
    return this.cached().workers.get(code) ?? null
  }

  workers(subdistrictId: string): WorkerRecord[] {
    return this.stmt.listWorkers.all(subdistrictId).map(workerOf)
  }

  community(id: string): CommunityRecord | null {
    return this.stmt.getCommunity.get(id) ?? null
  }

  communities(subdistrictId: string): CommunityRecord[] {
    return this.stmt.listCommunities.all(subdistrictId)
  }

  grid(id: string): GridRecord | null {
    return this.stmt.getGrid.get(id) ?? null
  }

  post(id: string): PostRecord | null {
    const row = this.stmt.getPost.get(id)
    return row ? { id: row.id, name: row.name, duties: JSON.parse(row.duties) as string[] } : null
  }

  subdistricts(): SubdistrictRecord[] {
    return this.stmt.listSubdistricts.all()
  }

  subdistrict(id: string): SubdistrictRecord | null {
    return this.stmt.getSubdistrict.get(id) ?? null
  }

  principal(openid: string): PrincipalRecord | null {
    return this.cached().principals.get(openid) ?? null
  }

  principals(): PrincipalRecord[] {
    return this.stmt.listPrincipals.all().map(principalOf)
  }
}

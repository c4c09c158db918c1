// The SQLite side of OrgStore (backend/org/store.ts). Sub-districts, communities, grids
// and workers live in the tables of backend/store/sqlite/schema.ts (putOrg writes them too). This adds the workers'
// `active` column when a database made before it opens (existing rows are active: DEFAULT 1), and tells
// SqliteStore (`changed`) after a worker changes, since it keeps workers in memory.
import type Database from 'better-sqlite3'
import type { OrgStore, WorkerAssignment } from './store'
import type { CommunityRecord, GridRecord, SubdistrictRecord, WorkerRecord } from '../store/records'

/** Adds `workers.active` unless it is there (a fresh database or one opened by this version before). */
export function addWorkerActiveColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('workers')").all()
  if (!columns.some((column) => column.name === 'active')) {
    db.exec('ALTER TABLE workers ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))')
  }
}

/** A workers row as SELECTed with `active`: the record carries `active: false` only (absent means active). */
export type WorkerRow = Omit<WorkerRecord, 'active'> & { active: number }

export function workerOf(row: WorkerRow): WorkerRecord {
  const { active, ...worker } = row
  return active === 0 ? { ...worker, active: false } : worker
}

export class SqliteOrgStore implements OrgStore {
  private readonly stmt

  constructor(
    readonly db: Database.Database,
    /** Called after a write that changes workers or principals (SqliteStore caches them). */
    readonly changed: () => void,
  ) {
    addWorkerActiveColumn(db)
    this.stmt = {
      addSubdistrict: db.prepare<SubdistrictRecord>('INSERT INTO subdistricts (id, name) VALUES (@id, @name) ON CONFLICT (id) DO NOTHING'),
      renameSubdistrict: db.prepare<[string, string]>('UPDATE subdistricts SET name = ? WHERE id = ?'),
      addCommunity: db.prepare<CommunityRecord>(
        'INSERT INTO communities (id, name, subdistrict_id) VALUES (@id, @name, @subdistrictId) ON CONFLICT (id) DO NOTHING',
      ),
      renameCommunity: db.prepare<[string, string]>('UPDATE communities SET name = ? WHERE id = ?'),
      addGrid: db.prepare<GridRecord>(
        'INSERT INTO grids (id, name, community_id, households) VALUES (@id, @name, @communityId, @households) ON CONFLICT (id) DO NOTHING',
      ),
      updateGrid: db.prepare<[string, number, string]>('UPDATE grids SET name = ?, households = ? WHERE id = ?'),
      updateWorker: db.prepare<[string, string, number, string]>('UPDATE workers SET post_id = ?, grid_id = ?, active = ? WHERE code = ?'),
    }
  }

  async addSubdistrict(subdistrict: SubdistrictRecord): Promise<{ added: boolean }> {
    return { added: this.stmt.addSubdistrict.run({ id: subdistrict.id, name: subdistrict.name }).changes === 1 }
  }

  async renameSubdistrict(id: string, name: string): Promise<{ updated: boolean }> {
    return { updated: this.stmt.renameSubdistrict.run(name, id).changes === 1 }
  }

  async addCommunity(community: CommunityRecord): Promise<{ added: boolean }> {
    const { id, name, subdistrictId } = community
    return { added: this.stmt.addCommunity.run({ id, name, subdistrictId }).changes === 1 }
  }

  async renameCommunity(id: string, name: string): Promise<{ updated: boolean }> {
    return { updated: this.stmt.renameCommunity.run(name, id).changes === 1 }
  }

  async addGrid(grid: GridRecord): Promise<{ added: boolean }> {
    const { id, name, communityId, households } = grid
    return { added: this.stmt.addGrid.run({ id, name, communityId, households }).changes === 1 }
  }

  async updateGrid(id: string, change: { name: string; households: number }): Promise<{ updated: boolean }> {
    return { updated: this.stmt.updateGrid.run(change.name, change.households, id).changes === 1 }
  }

  async updateWorker(code: string, assignment: WorkerAssignment): Promise<{ updated: boolean }> {
    const updated = this.stmt.updateWorker.run(assignment.postId, assignment.gridId, assignment.active ? 1 : 0, code).changes === 1
    if (updated) this.changed()
    return { updated }
  }
}

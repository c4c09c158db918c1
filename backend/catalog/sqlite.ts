// The SQLite side of CatalogStore (backend/catalog/store.ts). Posts, communities, grids and
// workers live in the tables of backend/store/sqlite/schema.ts (putOrg writes them too); this adds the indexes the
// directory reads by. SqliteStore caches workers and principals, never posts, so writing a post here
// leaves no cache behind.
import type Database from 'better-sqlite3'
import type { CatalogStore } from './store'
import type { CommunityRecord, GridRecord, PostRecord, WorkerRecord } from '../store/records'
import { type WorkerRow, workerOf } from '../org/sqlite'

const INDEXES = `
CREATE INDEX IF NOT EXISTS grids_by_community ON grids (community_id);
CREATE INDEX IF NOT EXISTS workers_by_community ON workers (community_id);
`

interface PostRow {
  id: string
  name: string
  duties: string
}

const postOf = (row: PostRow): PostRecord => ({ id: row.id, name: row.name, duties: JSON.parse(row.duties) as string[] })
const rowOf = (post: PostRecord): PostRow => ({ id: post.id, name: post.name, duties: JSON.stringify(post.duties) })

export class SqliteCatalogStore implements CatalogStore {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(INDEXES)
    this.stmt = {
      listPosts: db.prepare<[], PostRow>('SELECT id, name, duties FROM posts ORDER BY id'),
      addPost: db.prepare<PostRow>('INSERT INTO posts (id, name, duties) VALUES (@id, @name, @duties) ON CONFLICT (id) DO NOTHING'),
      updatePost: db.prepare<PostRow>('UPDATE posts SET name = @name, duties = @duties WHERE id = @id'),
      listAllCommunities: db.prepare<[], CommunityRecord>('SELECT id, name, subdistrict_id AS subdistrictId FROM communities ORDER BY id'),
      listGrids: db.prepare<[string], GridRecord>(
        'SELECT id, name, community_id AS communityId, households FROM grids WHERE community_id = ? ORDER BY id',
      ),
      listCommunityWorkers: db.prepare<[string], WorkerRow>(
        `SELECT code, name, post_id AS postId, community_id AS communityId, grid_id AS gridId, subdistrict_id AS subdistrictId, active
         FROM workers WHERE community_id = ? ORDER BY code`,
      ),
    }
  }

  async listPosts(): Promise<PostRecord[]> {
    return this.stmt.listPosts.all().map(postOf)
  }

  async addPost(post: PostRecord): Promise<{ added: boolean }> {
    return { added: this.stmt.addPost.run(rowOf(post)).changes === 1 }
  }

  async updatePost(post: PostRecord): Promise<{ updated: boolean }> {
    return { updated: this.stmt.updatePost.run(rowOf(post)).changes === 1 }
  }

  async listAllCommunities(): Promise<CommunityRecord[]> {
    return this.stmt.listAllCommunities.all()
  }

  async listGrids(communityId: string): Promise<GridRecord[]> {
    return this.stmt.listGrids.all(communityId)
  }

  async listCommunityWorkers(communityId: string): Promise<WorkerRecord[]> {
    return this.stmt.listCommunityWorkers.all(communityId).map(workerOf)
  }
}

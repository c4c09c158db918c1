// The CloudBase side of CatalogStore (store.ts): a post is one document, `_id` = its post id
// (`add` refuses a taken id, so a new post never overwrites one); the directory reads by the indexes
// collections.json declares (grids by communityId, workers by communityId), every list paged by 100
// (backend/store/cloudbase/lists.ts).
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import type { CatalogStore } from './store'
import type { CommunityRecord, GridRecord, PostRecord, WorkerRecord } from '../store/records'

/** The record without the database's `_id`. */
function recordOf<T>(doc: WithId<T>): T {
  const { _id, ...fields } = doc
  return fields as unknown as T
}

export class CloudCatalogStore implements CatalogStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  async listPosts(): Promise<PostRecord[]> {
    return (await listAll(this.db, 'posts', {})).map((doc) => recordOf(doc))
  }

  async addPost(post: PostRecord): Promise<{ added: boolean }> {
    try {
      await this.db.collection('posts').add({ data: { ...post, _id: post.id } })
      return { added: true }
    } catch (error) {
      if (isDuplicateKey(error)) return { added: false }
      throw error
    }
  }

  async updatePost(post: PostRecord): Promise<{ updated: boolean }> {
    // Posts are never deleted: one that exists now still exists when the set below lands.
    const ref = this.db.collection('posts').doc(post.id)
    if ((await getOrNull(ref)) === null) return { updated: false }
    await ref.set({ data: { id: post.id, name: post.name, duties: post.duties } })
    return { updated: true }
  }

  async listAllCommunities(): Promise<CommunityRecord[]> {
    return (await listAll(this.db, 'communities', {})).map((doc) => recordOf(doc))
  }

  async listGrids(communityId: string): Promise<GridRecord[]> {
    return (await listAll(this.db, 'grids', { communityId })).map((doc) => recordOf(doc))
  }

  async listCommunityWorkers(communityId: string): Promise<WorkerRecord[]> {
    return (await listAll(this.db, 'workers', { communityId })).map((doc) => recordOf(doc))
  }
}

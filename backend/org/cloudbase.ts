// The CloudBase side of OrgStore (store.ts). A sub-district, community or grid is one document,
// `_id` = its id: `add` refuses a taken id, so a new one never overwrites another; a rename or an edit is
// one atomic single-document update. An update reports `updated: 0` both for a missing document and for
// one already holding the values, so a 0 is told apart by reading the document. A worker's `active` is
// stored only as `false` (reactivating removes the field), so a record reads the same as SQLite's.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import type { OrgStore, WorkerAssignment } from './store'
import type { CommunityRecord, GridRecord, SubdistrictRecord } from '../store/records'

type Db = CloudDb<CloudCollections>
type Named = 'subdistricts' | 'communities' | 'grids'

export class CloudOrgStore implements OrgStore {
  constructor(readonly db: Db) {}

  addSubdistrict(subdistrict: SubdistrictRecord): Promise<{ added: boolean }> {
    return this.add('subdistricts', subdistrict.id, { id: subdistrict.id, name: subdistrict.name })
  }

  renameSubdistrict(id: string, name: string): Promise<{ updated: boolean }> {
    return this.update('subdistricts', id, { name })
  }

  addCommunity(community: CommunityRecord): Promise<{ added: boolean }> {
    const { id, name, subdistrictId } = community
    return this.add('communities', id, { id, name, subdistrictId })
  }

  renameCommunity(id: string, name: string): Promise<{ updated: boolean }> {
    return this.update('communities', id, { name })
  }

  addGrid(grid: GridRecord): Promise<{ added: boolean }> {
    const { id, name, communityId, households } = grid
    return this.add('grids', id, { id, name, communityId, households })
  }

  updateGrid(id: string, change: { name: string; households: number }): Promise<{ updated: boolean }> {
    return this.update('grids', id, { name: change.name, households: change.households })
  }

  async updateWorker(code: string, assignment: WorkerAssignment): Promise<{ updated: boolean }> {
    const _ = this.db.command
    const ref = this.db.collection('workers').doc(code)
    const { postId, gridId, active } = assignment
    // `_.remove()` is typed as a value of the field by nothing here: the cast is the SDK's own command.
    const data = { postId, gridId, active: active ? _.remove() : false } as never
    if (updatedCount(await ref.update({ data })) === 1) return { updated: true }
    return { updated: (await getOrNull(ref)) !== null }
  }

  private async add<K extends Named>(name: K, id: string, data: CloudCollections[K]): Promise<{ added: boolean }> {
    try {
      await this.db.collection(name).add({ data: { ...data, _id: id } })
      return { added: true }
    } catch (error) {
      if (isDuplicateKey(error)) return { added: false }
      throw error
    }
  }

  private async update<K extends Named>(name: K, id: string, data: Partial<CloudCollections[K]>): Promise<{ updated: boolean }> {
    const ref = this.db.collection(name).doc(id)
    if (updatedCount(await ref.update({ data: data as never })) === 1) return { updated: true }
    return { updated: (await getOrNull(ref)) !== null }
  }
}

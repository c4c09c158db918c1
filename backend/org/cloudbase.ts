// The CloudBase side of OrgStore (store.ts). A sub-district, community or grid is one document,
// `_id` = its id: `add` refuses a taken id, so a new one never overwrites another; a rename or an edit is
// one atomic single-document update. An update reports `updated: 0` both for a missing document and for
// one already holding the values, so a 0 is told apart by reading the document. A worker's `active` is
// stored only as `false` (reactivating removes the field), so a record reads the same as SQLite's; and
// their visits still open to feedback carry the same fact (markWorkerVisits), read with the visit.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import type { OrgStore, WorkerAssignment } from './store'
import { markWorkerVisits } from '../visits/cloudbase'
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

  /**
   * Writes ordered so that no crash between them lets a worker out of post collect feedback: going out,
   * the visits are marked before the worker (a crash leaves visits refusing feedback while the worker is
   * still in post, until the admin saves again) and once more after it; coming back, the worker first,
   * then the marks removed (a crash leaves the visits refusing, the same safe side). Each save writes the
   * visits again, so a second save mends what a crash left.
   */
  async updateWorker(code: string, assignment: WorkerAssignment, now = new Date()): Promise<{ updated: boolean }> {
    const _ = this.db.command
    const ref = this.db.collection('workers').doc(code)
    const { postId, gridId, active } = assignment
    if (!active) await markWorkerVisits(this.db, code, true, now)
    // `_.remove()` is typed as a value of the field by nothing here: the cast is the SDK's own command.
    const data = { postId, gridId, active: active ? _.remove() : false } as never
    const updated = updatedCount(await ref.update({ data })) === 1 || (await getOrNull(ref)) !== null
    // Going out, once more after the worker's write: a visit.log in flight may have written its visit
    // between the first pass and that write, still reading the worker in post (visits/cloudbase.ts putVisit).
    if (updated) await markWorkerVisits(this.db, code, !active, now)
    return { updated }
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

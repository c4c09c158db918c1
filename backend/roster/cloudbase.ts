// The CloudBase side of RosterStore (store.ts). No transaction can hold a city's roster, so
// the validated plan is written as idempotent single-document upserts by deterministic `_id` (a unit's
// id, a worker's code), parents first, at most PUT_CONCURRENCY at once: `add` creates, and when the id
// is taken (a retry after an instance died mid-import) `update` writes only the roster's fields. Running
// the same plan twice ends in the same documents, and a re-import after a crash plans only what is left.
import type { RosterCommunity, RosterGrid, RosterPlan, RosterUnit, RosterWorker, StoredOrganisation } from '@core/rosterPlan'
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type UpdateData, isDuplicateKey } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import type { RosterStore } from './store'

/** Writes in flight at once: fast, without tripping the database's rate limits (as CloudStore.putOrg). */
const PUT_CONCURRENCY = 20

type Db = CloudDb<CloudCollections>

export class CloudRosterStore implements RosterStore {
  constructor(readonly db: Db) {}

  async readOrganisation(): Promise<StoredOrganisation> {
    const [subdistricts, communities, grids, posts, workers] = await Promise.all([
      listAll(this.db, 'subdistricts', {}),
      listAll(this.db, 'communities', {}),
      listAll(this.db, 'grids', {}),
      listAll(this.db, 'posts', {}),
      listAll(this.db, 'workers', {}),
    ])
    return {
      subdistricts: subdistricts.map(({ id, name }): RosterUnit => ({ id, name })),
      communities: communities.map(({ id, name, subdistrictId }): RosterCommunity => ({ id, name, subdistrictId })),
      grids: grids.map(({ id, name, communityId, households }): RosterGrid => ({ id, name, communityId, households })),
      posts: posts.map(({ id, name }): RosterUnit => ({ id, name })),
      workers: workers.map(({ code, name, postId, gridId, communityId, subdistrictId }): RosterWorker => ({ code, name, postId, gridId, communityId, subdistrictId })),
    }
  }

  async applyRoster(plan: RosterPlan): Promise<void> {
    await inBatches(plan.subdistricts, (s) => this.upsert('subdistricts', s.id, s, { name: s.name }))
    await inBatches(plan.communities, (c) => this.upsert('communities', c.id, c, { name: c.name, subdistrictId: c.subdistrictId }))
    await inBatches(plan.grids, (g) => this.upsert('grids', g.id, g, { households: g.households }))
    await inBatches([...plan.newWorkers, ...plan.changedWorkers], (w) => this.upsert('workers', w.code, w, rosterFieldsOf(w)))
    // The identities bound to a moved or renamed worker carry its name and place (PrincipalRecord).
    await inBatches(plan.changedWorkers, (w) =>
      this.db
        .collection('principals')
        .where({ role: 'worker', workerCode: w.code })
        .update({ data: { name: w.name, communityId: w.communityId, subdistrictId: w.subdistrictId } }),
    )
    // A moved worker's tally documents (one per year) are read by sub-district: they follow the worker.
    await inBatches(plan.moved, (m) => this.db.collection('tallies').where({ workerCode: m.code }).update({ data: { subdistrictId: m.subdistrictId } }))
  }

  /** Creates the document under `id`; when it exists already, writes only `fields` (never `active`). */
  private async upsert<K extends 'subdistricts' | 'communities' | 'grids' | 'workers'>(
    name: K,
    id: string,
    record: CloudCollections[K],
    fields: UpdateData<CloudCollections[K]>,
  ): Promise<void> {
    try {
      await this.db.collection(name).add({ data: { ...record, _id: id } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      await this.db.collection(name).doc(id).update({ data: fields })
    }
  }
}

function rosterFieldsOf(w: RosterWorker): UpdateData<CloudCollections['workers']> {
  return { name: w.name, postId: w.postId, gridId: w.gridId, communityId: w.communityId, subdistrictId: w.subdistrictId }
}

async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += PUT_CONCURRENCY) {
    await Promise.all(items.slice(i, i + PUT_CONCURRENCY).map(write))
  }
}

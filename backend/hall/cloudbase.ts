// The CloudBase side of HallStore (store.ts): one `hall_rotas` document per (community, month), `_id` =
// hallRotaId(...), holding the whole month (31 days of at most 10 worker codes: a few KB). No transaction:
// version 1 is an `add` (refused when the `_id` is taken), every later write a
// `where({ _id, version: n - 1 }).update()` with the arrays replaced whole (`_.set`) — a compare-and-set on
// one document. Lists page through listAll on the indexes collections.json declares.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { hallRotaId } from '../store/ids'
import type { HallRotaRecord, HallStore } from './store'

const recordOf = ({ _id, ...rota }: WithId<HallRotaRecord>): HallRotaRecord => rota

export class CloudHallStore implements HallStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  async getRota(communityId: string, month: string): Promise<HallRotaRecord | null> {
    const doc = await getOrNull(this.db.collection('hall_rotas').doc(hallRotaId(communityId, month)))
    return doc === null ? null : recordOf(doc)
  }

  async putRota(rota: HallRotaRecord): Promise<boolean> {
    const _id = hallRotaId(rota.communityId, rota.month)
    if (rota.version === 1) {
      try {
        await this.db.collection('hall_rotas').add({ data: { ...rota, _id } })
        return true
      } catch (error) {
        if (isDuplicateKey(error)) return false
        throw error
      }
    }
    const _ = this.db.command
    const data = {
      communityName: rota.communityName,
      staffing: rota.staffing,
      groups: _.set(rota.groups),
      pairs: _.set(rota.pairs),
      days: _.set(rota.days),
      workers: _.set(rota.workers),
      ...(rota.outOfPost === undefined ? {} : { outOfPost: _.set(rota.outOfPost) }),
      next: rota.next,
      version: rota.version,
      updatedAt: rota.updatedAt,
      updatedBy: rota.updatedBy,
    } as never
    const result = await this.db.collection('hall_rotas').where({ _id, version: rota.version - 1 }).update({ data })
    return updatedCount(result) === 1
  }

  async listRotas(where: { communityId: string } | { subdistrictId: string }, months: readonly string[]): Promise<HallRotaRecord[]> {
    if (months.length === 0) return []
    const month = this.db.command.in([...months])
    const docs = 'communityId' in where
      ? await listAll(this.db, 'hall_rotas', { communityId: where.communityId, month })
      : await listAll(this.db, 'hall_rotas', { subdistrictId: where.subdistrictId, month })
    return docs.map(recordOf).sort((a, b) => a.communityId.localeCompare(b.communityId) || a.month.localeCompare(b.month))
  }
}

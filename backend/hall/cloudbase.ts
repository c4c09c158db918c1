// The CloudBase side of HallStore (store.ts): one `hall_rotas` document per (community, YEAR), `_id` =
// hallRotaId(community, year), its months under `months.m01` … `months.m12`, each the whole month's
// record with its own version. Why by year: a sub-district's report reads every month of its communities'
// rotas; a document per month made a 20-community year 240 documents, three 100-row pages, past the year
// report's 20 requests; by year it is 20 documents, one page for up to 100 communities, and the read
// projects only the days of the months asked (a 15-worker community's year of days is some 22 KB).
// Every other path still makes one read or one write: getRota reads its month of the year's document; a
// change is a compare-and-set on that month's version, `where({ _id, 'months.m10.version': n - 1 })
// .update()` replacing the month whole (`_.set`), atomic on one document, so a change to one month never
// conflicts with another's. A month's first version goes into the year's document with
// `where({ _id, 'months.m10': exists(false) }).update()`, or makes the document with an `add` (refused
// when the `_id` is taken): January tries the add first, other months the update; the other is tried only
// when the first changed nothing.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, type Projection, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { hallRotaId } from '../store/ids'
import type { HallRotaRecord, HallStore, RotaDays } from './store'

/** A community's rotas of one year, as stored. */
export interface HallRotaYearDoc {
  communityId: string
  subdistrictId: string
  /** `YYYY`. */
  year: string
  /** By `m` and the month's two digits (`m10`: a field name, never read as an array index). */
  months: Record<string, HallRotaRecord>
}

const yearOf = (month: string) => month.slice(0, 4)
const keyOf = (month: string) => `m${month.slice(5, 7)}`

/** The record as stored: without absent fields (the SDK serialises no `undefined`). */
const stored = (rota: HallRotaRecord): HallRotaRecord => Object.fromEntries(Object.entries(rota).filter(([, value]) => value !== undefined)) as unknown as HallRotaRecord

export class CloudHallStore implements HallStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  async getRota(communityId: string, month: string): Promise<HallRotaRecord | null> {
    const ref = this.db.collection('hall_rotas').doc(hallRotaId(communityId, yearOf(month)))
    const doc = await getOrNull(ref.field({ [`months.${keyOf(month)}`]: true }))
    return doc?.months?.[keyOf(month)] ?? null
  }

  async putRota(rota: HallRotaRecord): Promise<boolean> {
    const _ = this.db.command
    const collection = this.db.collection('hall_rotas')
    const [_id, key] = [hallRotaId(rota.communityId, yearOf(rota.month)), keyOf(rota.month)]
    const data = { months: { [key]: _.set(stored(rota)) } }
    if (rota.version > 1) return updatedCount(await collection.where({ _id, [`months.${key}.version`]: rota.version - 1 }).update({ data })) === 1
    const intoTheYear = async () => updatedCount(await collection.where({ _id, [`months.${key}`]: _.exists(false) }).update({ data })) === 1
    const newYear = async () => {
      const year: HallRotaYearDoc = { communityId: rota.communityId, subdistrictId: rota.subdistrictId, year: yearOf(rota.month), months: { [key]: stored(rota) } }
      try {
        await collection.add({ data: { ...year, _id } })
        return true
      } catch (error) {
        if (isDuplicateKey(error)) return false
        throw error
      }
    }
    // January usually makes the year's document; any other month most likely joins one: one write either way.
    // The other try covers the rest, and a third a year's document made by another month meanwhile.
    if (key === 'm01') return (await newYear()) || intoTheYear()
    return (await intoTheYear()) || (await newYear()) || intoTheYear()
  }

  async listRotaDays(where: { communityId: string } | { subdistrictId: string }, months: readonly string[]): Promise<RotaDays[]> {
    if (months.length === 0) return []
    const year = this.db.command.in([...new Set(months.map(yearOf))])
    const projection: Projection = { communityId: true, subdistrictId: true, year: true }
    for (const month of months) projection[`months.${keyOf(month)}.days`] = true
    const docs = 'communityId' in where
      ? await listAll(this.db, 'hall_rotas', { communityId: where.communityId, year }, projection)
      : await listAll(this.db, 'hall_rotas', { subdistrictId: where.subdistrictId, year }, projection)
    return docs
      .flatMap(({ communityId, subdistrictId, year: stored, months: kept }) =>
        months.flatMap((month) => {
          const days = yearOf(month) === stored ? kept?.[keyOf(month)]?.days : undefined
          return days === undefined ? [] : [{ communityId, subdistrictId, month, days }]
        }),
      )
      .sort((a, b) => a.communityId.localeCompare(b.communityId) || a.month.localeCompare(b.month))
  }
}

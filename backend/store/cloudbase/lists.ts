// Reading many documents from the cloud database: `get()` returns at most 100 rows per call whatever
// `.limit()` asks (the documented caps disagree, 100 or 1000; DESIGN section 7), so every list pages by
// 100 in `_id` order until a page comes back shorter. Never a silent stop at the first 100.
import type { CloudCollections } from './collections'
import type { CloudDb, Projection, Where, WithId } from './db'

/** The most rows one get() can be relied on to return. */
export const PAGE = 100

export async function listAll<K extends keyof CloudCollections>(
  db: CloudDb<CloudCollections>,
  name: K,
  where: Where<CloudCollections[K]>,
  /** Only these fields of each document (the rows then hold those alone). */
  projection?: Projection,
): Promise<Array<WithId<CloudCollections[K]>>> {
  const all: Array<WithId<CloudCollections[K]>> = []
  for (let skip = 0; ; skip += PAGE) {
    // Ordered by _id so that pages neither overlap nor skip documents.
    const query = db.collection(name).where(where)
    const { data } = await (projection === undefined ? query : query.field(projection)).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    all.push(...data)
    if (data.length < PAGE) return all
  }
}

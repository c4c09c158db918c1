// Seeding the demo takes about half a second inside jest, and many test files open a fresh store for
// each test. Each test file (jest gives it its own modules) seeds once per key — the clock and keys the
// seed was made with — and every later test of the file opens a copy of that database in memory.
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'

const images = new Map<string, Buffer>()

/** A store as `seed` leaves a new one: seeded now if `key` is new to this file, else a copy of the one seeded then. */
export async function seededStore(key: string, seed: (store: SqliteStore) => Promise<void>): Promise<SqliteStore> {
  const image = images.get(key)
  if (image !== undefined) return new SqliteStore(image)
  const store = new SqliteStore(':memory:')
  await seed(store)
  images.set(key, store.image())
  return store
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeStoreContract } from '../test/storeContract'
import { SqliteStore } from './sqliteStore'

const opened: SqliteStore[] = []
afterEach(() => {
  for (const store of opened.splice(0)) store.close()
})

describeStoreContract('SqliteStore', async () => {
  const store = new SqliteStore(':memory:')
  opened.push(store)
  return store
})

describe('SqliteStore on disk', () => {
  it('keeps its data in DATA_DIR across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'community-3456-'))
    try {
      const first = SqliteStore.openDir(join(dir, 'nested'))
      await first.putIdempotent({ key: 'k', result: { ok: 1 }, createdAt: '2026-03-01T00:00:00.000Z' })
      first.close()
      const second = SqliteStore.openDir(join(dir, 'nested'))
      expect(await second.getIdempotent('k')).toEqual({ key: 'k', result: { ok: 1 }, createdAt: '2026-03-01T00:00:00.000Z' })
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

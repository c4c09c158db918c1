import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { residentRatingId } from '../cloudfunctions/api/src/ids'
import type { ResidentRatingRecord } from '../cloudfunctions/api/src/store'
import { SID, describeStoreContract, orgOf } from '../test/storeContract'
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

describe('SqliteStore bulk ratings (scale seeders)', () => {
  it('tallies a batch exactly as one-by-one submits would, re-rates included', async () => {
    const store = new SqliteStore(':memory:')
    opened.push(store)
    await store.putOrg(orgOf(SID, 1))
    const rate = (openid: string, level: ResidentRatingRecord['level']): ResidentRatingRecord => ({
      id: residentRatingId(openid, 'W0001', '2026-03'),
      openid,
      workerCode: 'W0001',
      subdistrictId: SID,
      month: '2026-03',
      level,
      comment: '',
      commentStatus: 'none',
      submittedAt: '2026-03-10T02:00:00.000Z',
    })
    // r1 rates 5 then changes to 3 in the same month; r2 rates 4; r3 rates 5
    store.bulkSubmitResidentRatings([rate('r1', 5), rate('r2', 4), rate('r1', 3), rate('r3', 5)])
    const [tally] = await store.listTallies(SID, ['2026-03'])
    expect(tally.hist).toEqual([0, 0, 1, 1, 1])
  })
})

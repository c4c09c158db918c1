import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { residentRatingId } from '../ids'
import type { SubdistrictScoreRecord, TallyRecord } from '..'
import { SID, describeStoreContract, feedback, orgOf, rating } from '../../../test/storeContract'
import { describeVisitStoreContract } from '../../../test/storeContracts/visits'
import { describeCatalogStoreContract } from '../../../test/storeContracts/catalog'
import { describeInviteStoreContract } from '../../../test/storeContracts/invites'
import { describeOrgStoreContract } from '../../../test/storeContracts/org'
import { describeFieldTimeStoreContract } from '../../../test/storeContracts/fieldTime'
import { describeSettingsStoreContract } from '../../../test/storeContracts/settings'
import { describeSheetStoreContract } from '../../../test/storeContracts/sheets'
import { describeAuditStoreContract } from '../../../test/storeContracts/audit'
import { describeSnapshotStoreContract } from '../../../test/storeContracts/snapshots'
import { describeRosterStoreContract } from '../../../test/storeContracts/roster'
import { describeIdempotencyStoreContract } from '../../../test/storeContracts/idempotency'
import { describeCommentStoreContract } from '../../../test/storeContracts/comments'
import { describeAppealStoreContract } from '../../../test/storeContracts/appeals'
import { describeHallStoreContract } from '../../../test/storeContracts/hall'
import { describeCaseStoreContract } from '../../../test/storeContracts/cases'
import { describeReviewStoreContract } from '../../../test/storeContracts/reviews'
import { describeLimitStoreContract } from '../../../test/storeContracts/limits'
import { describeRecipientCountContract } from '../../../test/storeContracts/recipients'
import { DEFAULT_SETTINGS } from '@core/settings'
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
describeVisitStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeCatalogStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeInviteStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeOrgStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeFieldTimeStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeSettingsStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeSheetStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeAuditStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeSnapshotStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeRosterStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeIdempotencyStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeCommentStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeAppealStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeHallStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeCaseStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeReviewStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeRecipientCountContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })
describeLimitStoreContract('SqliteStore', async () => { const store = new SqliteStore(':memory:'); opened.push(store); return store })

describe('the settings in force', () => {
  // Kept parsed between saves (every bad rating reads them): a save through either door is read at once.
  it('are read back right after saveSettings and after settings.save', async () => {
    const store = new SqliteStore(':memory:')
    opened.push(store)
    await store.saveSettings(DEFAULT_SETTINGS)
    expect((await store.getSettings())?.minResidents).toBe(5)
    await store.saveSettings({ ...DEFAULT_SETTINGS, minResidents: 7 })
    expect((await store.getSettings())?.minResidents).toBe(7)
    await store.settings.save({ ...DEFAULT_SETTINGS, minResidents: 9 }, '2026-03-01T00:00:00.000Z', { openid: 'o-bureau', name: '市民政局' })
    expect((await store.getSettings())?.minResidents).toBe(9)
  })
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

  it('moves the rating receipts of a DATA_DIR made before into the ratings’ own rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'community-3456-'))
    try {
      const first = SqliteStore.openDir(dir)
      await first.putOrg(orgOf(SID, 1))
      await first.submitResidentRating(rating('r1', 'W0001', '2026-03', 4))
      first.close()
      // The receipt as a version before kept it: a table of its own.
      const old = new Database(join(dir, 'community-3456.db'))
      old.exec(`ALTER TABLE resident_ratings DROP COLUMN receipt_key; ALTER TABLE resident_ratings DROP COLUMN receipt_replaced;
        CREATE TABLE rating_receipts (rating_id TEXT PRIMARY KEY, key TEXT NOT NULL, replaced INTEGER NOT NULL) WITHOUT ROWID;`)
      const id = (old.prepare('SELECT id FROM resident_ratings').get() as { id: string }).id
      old.prepare('INSERT INTO rating_receipts VALUES (?, ?, 1)').run(id, 'key-of-the-rerate')
      old.close()
      const second = SqliteStore.openDir(dir)
      expect(await second.getRatingReceipt(id)).toEqual({ key: 'key-of-the-rerate', replaced: true })
      second.close()
      const after = new Database(join(dir, 'community-3456.db'), { readonly: true })
      expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'rating_receipts'").get()).toBeUndefined()
      after.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says to delete a DATA_DIR made when tallies were kept per month and party, instead of failing later', () => {
    const dir = mkdtempSync(join(tmpdir(), 'community-3456-'))
    try {
      const old = new Database(join(dir, 'community-3456.db'))
      old.exec('CREATE TABLE tallies (worker_code TEXT, month TEXT, party TEXT, PRIMARY KEY (worker_code, month, party))')
      old.close()
      expect(() => SqliteStore.openDir(dir)).toThrow(/旧版本.*删除/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('SqliteStore.bulkLoad (scale seeders)', () => {
  const score = (workerCode: string, period: string, value: number): SubdistrictScoreRecord => ({
    workerCode,
    subdistrictId: SID,
    period,
    score: value,
    enteredBy: 'staff',
    enteredAt: '2026-09-01T00:00:00.000Z',
  })
  const ALL_PERIODS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-08', '2026-H1', '2026-H2', '2026']
  const sorted = (tallies: TallyRecord[]) => tallies.sort((a, b) => (a.workerCode + a.period < b.workerCode + b.period ? -1 : 1))

  async function freshStore(): Promise<SqliteStore> {
    const store = new SqliteStore(':memory:')
    opened.push(store)
    await store.putOrg(orgOf(SID, 2))
    return store
  }

  const ratings = [rating('r1', 'W0001', '2026-03', 5), rating('r2', 'W0001', '2026-03', 4), rating('r3', 'W0001', '2026-04', 5), rating('r1', 'W0002', '2026-08', 1)]
  const feedbacks = [feedback('svc-1', 'W0001', '2026-03', 5)]
  const scores = [score('W0001', '2026-01', 80), score('W0001', '2026-02', 90), score('W0001', '2026-H1', 60)]

  it('writes the same tallies as one submit per record would', async () => {
    const bulk = await freshStore()
    // W0001: 2026-01, -02, -03, -04, H1, 2026 = 6 tallies; W0002: 2026-08, H2, 2026 = 3
    expect(bulk.bulkLoad({ ratings, feedback: feedbacks, scores })).toEqual({ ratings: 4, feedback: 1, scores: 3, tallies: 9 })
    const oneByOne = await freshStore()
    for (const r of ratings) await oneByOne.submitResidentRating(r)
    for (const f of feedbacks) await oneByOne.submitFeedback(f)
    for (const s of scores) await oneByOne.putSubdistrictScore(s)
    const tallies = sorted(await bulk.listTallies(SID, ALL_PERIODS))
    expect(tallies).toEqual(sorted(await oneByOne.listTallies(SID, ALL_PERIODS)))
    // by hand, W0001's H1: residents 5, 4, 5; recipients 5; monthly scores 80 + 90 over 2 (the H1 score 60 is not rolled up)
    expect(tallies.find((t) => t.workerCode === 'W0001' && t.period === '2026-H1')).toMatchObject({
      residents: [0, 0, 0, 1, 2],
      recipients: [0, 0, 0, 0, 1],
      monthlyScoreSum: 170,
      monthlyScoreCount: 2,
    })
    expect(await bulk.getResidentRating(ratings[0].id)).toEqual(ratings[0])
    expect(await bulk.listSubdistrictScores(SID, ['2026-H1'])).toEqual([scores[2]])
  })

  it('adds to the tallies already stored', async () => {
    const store = await freshStore()
    await store.submitResidentRating(rating('r9', 'W0001', '2026-03', 3))
    store.bulkLoad({ ratings: [rating('r1', 'W0001', '2026-03', 5)] })
    const [march] = await store.listTallies(SID, ['2026-03'])
    expect(march.residents).toEqual([0, 0, 1, 0, 1])
  })

  it('refuses a rating already stored and then writes nothing at all', async () => {
    const store = await freshStore()
    await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 5))
    const before = await store.listTallies(SID, ALL_PERIODS)
    expect(() => store.bulkLoad({ ratings: [rating('r2', 'W0001', '2026-03', 4), rating('r1', 'W0001', '2026-03', 1)] })).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(await store.listTallies(SID, ALL_PERIODS)).toEqual(before)
    expect(await store.getResidentRating(residentRatingId('r2', 'W0001', '2026-03'))).toBeNull()
  })
})

// CloudStore against the recorded fake of the wx-server-sdk database: the shared Store contract, under
// both ways the SDK reports a missing document and with every transaction run twice; plus the number
// of database calls, which is what a cloud function pays for in latency and quota.
import { FakeCloudDb, type FakeCloudDbOptions } from '../../../test/fakes/fakeCloudDb'
import { SID, describeStoreContract, orgOf, rating } from '../../../test/storeContract'
import { YEAR_BUREAU, YEAR_STAFF, cloudSubdistrictYear, evaluationCalls } from '../../../test/support/cloudYear'
import { type CloudCollections, CloudStore } from './cloudStore'
import { tallyId } from './ids'

function cloudStore(options: FakeCloudDbOptions = {}) {
  const db = new FakeCloudDb<CloudCollections>(options)
  return { db, store: new CloudStore(db) }
}

describeStoreContract('CloudStore (missing documents reject, the SDK default)', async () => cloudStore().store)
describeStoreContract('CloudStore (throwOnNotFound: false)', async () => cloudStore({ throwOnNotFound: false }).store)
describeStoreContract('CloudStore (every transaction retried once)', async () => cloudStore({ conflictFirstAttempt: true }).store)

describe('CloudStore database calls', () => {
  it('reads the tallies of 1000 workers for a period in two paged queries, never per worker', async () => {
    const { db, store } = cloudStore()
    await store.putOrg(orgOf(SID, 1000))
    for (let i = 1; i <= 1000; i += 1) {
      const code = `W${String(i).padStart(4, '0')}`
      await store.submitResidentRating(rating('r1', code, '2026-03', 4))
      await store.submitFeedback({ ...rating('r1', code, '2026-03', 5), serviceId: `svc-${code}` })
    }
    db.reset()
    const tallies = await store.listTallies(SID, ['2026-H1'])
    // one tally per worker for the half-year, both parties in it: a page of 1000 and an empty one that says there is no more
    expect(tallies).toHaveLength(1000)
    expect(db.calls).toEqual(Array.from({ length: 2 }, () => ({ op: 'query.get', collection: 'tallies', inTransaction: false })))
  })

  it('submits a first rating as one transaction: the rating and its month, half-year and year tallies', async () => {
    const { db, store } = cloudStore()
    await store.putOrg(orgOf(SID, 1))
    db.reset()
    await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 5))
    expect(db.calls.map((c) => `${c.op} ${c.collection}`)).toEqual([
      'runTransaction ',
      'doc.get resident_ratings',
      'doc.set resident_ratings',
      ...Array.from({ length: 3 }, () => 'doc.get tallies'),
      ...Array.from({ length: 3 }, () => 'doc.set tallies'),
    ])
    // A re-rate to another level moves the count with _.inc on the three existing tallies.
    db.reset()
    await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 3))
    expect(db.calls.map((c) => `${c.op} ${c.collection}`)).toEqual([
      'runTransaction ',
      'doc.get resident_ratings',
      'doc.set resident_ratings',
      ...Array.from({ length: 3 }, () => 'doc.update tallies'),
    ])
    for (const period of ['2026-03', '2026-H1', '2026']) {
      expect(db.peek('tallies', tallyId('W0001', period))).toEqual({
        _id: tallyId('W0001', period),
        workerCode: 'W0001',
        subdistrictId: SID,
        period,
        residents: { n1: 0, n2: 0, n3: 1, n4: 0, n5: 0 },
        recipients: { n1: 0, n2: 0, n3: 0, n4: 0, n5: 0 },
        monthlyScoreSum: 0,
        monthlyScoreCount: 0,
      })
    }
  })

  it('keeps tally document ids safe when a worker code holds characters a document id may not', () => {
    // a mini-program code's scene allows '/', '#', '?' ...: the id is a hash, the same for the same key
    expect(tallyId('A/B#1?x', '2026-H1')).toMatch(/^[0-9a-f]{32}$/)
    expect(tallyId('A/B#1?x', '2026-H1')).toBe(tallyId('A/B#1?x', '2026-H1'))
    expect(tallyId('A/B#1?x', '2026-H1')).not.toBe(tallyId('A/B#1?x', '2026'))
  })

  it('keeps the tallies exact when many residents rate one worker at the same moment', async () => {
    const { store } = cloudStore({ transactionAttempts: 30 })
    await store.putOrg(orgOf(SID, 1))
    const levels = [5, 4, 5, 3, 5, 4, 2, 5, 4, 1, 5, 5, 4, 3, 5, 4, 5, 5, 4, 5] as const
    await Promise.all(levels.map((level, i) => store.submitResidentRating(rating(`r${i}`, 'W0001', '2026-03', level))))
    const tallies = await store.listTallies(SID, ['2026-03', '2026-H1', '2026'])
    // counted by hand from `levels`: one 1, one 2, two 3s, six 4s, ten 5s — in each of the three tallies
    expect(tallies.map((t) => t.residents)).toEqual([1, 2, 3].map(() => [1, 1, 2, 6, 10]))
  })

  it('evaluates a year of a 1000-worker sub-district in 9 database calls (bureau), 8 (its own staff)', async () => {
    const { db, store } = await cloudSubdistrictYear(1000, '2025')
    const bureau = await evaluationCalls(db, store, YEAR_BUREAU, '2025')
    expect(bureau.rows).toBe(1000)
    expect(bureau.byKind).toEqual({
      'doc.get principals': 1, // who is calling (roles are looked up on every call)
      'doc.get subdistricts': 1, // the bureau names the sub-district: does it exist?
      'doc.get settings': 1,
      'query.get workers': 2, // 1000 workers: a full page, then an empty one that ends the list
      'query.get communities': 1, // 67 communities of ~15 workers
      'query.get tallies': 2, // one '2025' tally per worker: a full page and an empty one
      'query.get subdistrict_scores': 1, // no score entered for '2025' itself: D is each worker's mean of 12 monthly scores
    })
    expect(bureau.total).toBe(9)
    const staff = await evaluationCalls(db, store, YEAR_STAFF, '2025')
    expect(staff.total).toBe(8)
  })

  it('rolls a transaction back when its callback throws', async () => {
    const db = new FakeCloudDb<CloudCollections>()
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('idempotency').doc('k').set({ data: { key: 'k', result: 1, createdAt: 'now' } })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(db.peek('idempotency', 'k')).toBeNull()
  })
})

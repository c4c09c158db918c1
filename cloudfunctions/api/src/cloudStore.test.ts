// CloudStore against the recorded fake of the wx-server-sdk database: the shared Store contract, under
// both ways the SDK reports a missing document and with every transaction run twice; plus the number
// of database calls, which is what a cloud function pays for in latency and quota.
import { FakeCloudDb, type FakeCloudDbOptions } from '../../../test/fakes/fakeCloudDb'
import { SID, describeStoreContract, orgOf } from '../../../test/storeContract'
import { type CloudCollections, CloudStore } from './cloudStore'
import { residentRatingId } from './ids'
import type { ResidentRatingRecord } from './store'

function cloudStore(options: FakeCloudDbOptions = {}) {
  const db = new FakeCloudDb<CloudCollections>(options)
  return { db, store: new CloudStore(db) }
}

describeStoreContract('CloudStore (missing documents reject, the SDK default)', async () => cloudStore().store)
describeStoreContract('CloudStore (throwOnNotFound: false)', async () => cloudStore({ throwOnNotFound: false }).store)
describeStoreContract('CloudStore (every transaction retried once)', async () => cloudStore({ conflictFirstAttempt: true }).store)

function rating(openid: string, workerCode: string, level: ResidentRatingRecord['level']): ResidentRatingRecord {
  const month = '2026-03'
  return {
    id: residentRatingId(openid, workerCode, month),
    openid,
    workerCode,
    subdistrictId: SID,
    month,
    level,
    comment: '',
    commentStatus: 'none',
    submittedAt: '2026-03-10T02:00:00.000Z',
  }
}

describe('CloudStore database calls', () => {
  it('reads the tallies of 1000 workers in a handful of paged queries, never per worker', async () => {
    const { db, store } = cloudStore()
    await store.putOrg(orgOf(SID, 1000))
    for (let i = 1; i <= 1000; i += 1) {
      const code = `W${String(i).padStart(4, '0')}`
      await store.submitResidentRating(rating('r1', code, 4))
      await store.submitFeedback({ ...rating('r1', code, 5), serviceId: `svc-${code}` })
    }
    db.reset()
    const tallies = await store.listTallies(SID, ['2026-03'])
    expect(tallies).toHaveLength(2000)
    // 2000 tallies: pages of 1000, 1000 and an empty one that says there is no more
    expect(db.calls).toEqual(Array.from({ length: 3 }, () => ({ op: 'query.get', collection: 'tallies', inTransaction: false })))
    expect(db.calls.length).toBeLessThanOrEqual(10)
  })

  it('submits a first rating as one transaction of four single-document calls', async () => {
    const { db, store } = cloudStore()
    await store.putOrg(orgOf(SID, 1))
    db.reset()
    await store.submitResidentRating(rating('r1', 'W0001', 5))
    expect(db.calls.map((c) => `${c.op} ${c.collection}`)).toEqual([
      'runTransaction ',
      'doc.get resident_ratings',
      'doc.get tallies',
      'doc.set resident_ratings',
      'doc.set tallies',
    ])
    // A re-rate to another level moves the count with _.inc on the existing tally.
    db.reset()
    await store.submitResidentRating(rating('r1', 'W0001', 3))
    expect(db.calls.map((c) => `${c.op} ${c.collection}`)).toEqual([
      'runTransaction ',
      'doc.get resident_ratings',
      'doc.set resident_ratings',
      'doc.update tallies',
    ])
    expect(db.peek('tallies', 'W0001_2026-03_residents')).toMatchObject({ n3: 1, n5: 0 })
  })

  it('keeps the tally exact when many residents rate one worker at the same moment', async () => {
    const { store } = cloudStore({ transactionAttempts: 30 })
    await store.putOrg(orgOf(SID, 1))
    const levels = [5, 4, 5, 3, 5, 4, 2, 5, 4, 1, 5, 5, 4, 3, 5, 4, 5, 5, 4, 5] as const
    await Promise.all(levels.map((level, i) => store.submitResidentRating(rating(`r${i}`, 'W0001', level))))
    const [tally] = await store.listTallies(SID, ['2026-03'])
    // counted by hand from `levels`: one 1, one 2, two 3s, six 4s, ten 5s
    expect(tally.hist).toEqual([1, 1, 2, 6, 10])
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

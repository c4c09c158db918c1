// What CloudStore makes of CloudBase's refusals, each as the real wx-server-sdk gives it over the emulator
// (docs/cloudbase-limits.md): a taken `_id` in both forms, the connection limit, and a transaction the
// database forgot after 30 s.
import { CloudbaseEmulator, type CloudbaseEmulatorOptions, TRANSACTION_LIFETIME_MS } from '../../../test/cloudbase/emulator'
import { ManualClock } from '../../../test/cloudbase/clock'
import { platformErrors } from '../../../test/cloudbase/errors'
import { createSdkDatabase, openSdkDatabase } from '../../../test/cloudbase/realSdk'
import { rejectionOf, settledWithin } from '../../../test/cloudbase/testing'
import { SID, feedback, orgOf, rating } from '../../../test/storeContract'
import { recountFromRecords, storedTallies } from '../../../test/support/cloudEnv'
import { COLLECTION_NAMES } from './collections'
import { CloudStore } from './cloudStore'
import { isDuplicateKey, isTransactionFailure } from './db'
import { limitBackoffMs } from './limitRetry'

let emulator: CloudbaseEmulator
const open = (options: CloudbaseEmulatorOptions = {}, instance = 'test') => {
  emulator = new CloudbaseEmulator({ collections: COLLECTION_NAMES, ...options })
  return new CloudStore(createSdkDatabase(emulator, instance))
}
afterEach(() => emulator.dispose())

describe('a taken _id, in both forms', () => {
  it('is one rule: the message form (E11000 under -502001) and the code form (DATABASE_DUPLICATE_WRITE) both say duplicate', async () => {
    for (const duplicateKeyError of ['E11000', 'DATABASE_DUPLICATE_WRITE'] as const) {
      open({ duplicateKeyError })
      const db = openSdkDatabase(emulator, 'raw')
      await db.collection('posts').add({ data: { _id: 'p' } })
      expect(isDuplicateKey(await rejectionOf(db.collection('posts').add({ data: { _id: 'p' } })))).toBe(true)
      emulator.dispose()
    }
    // The code on a raw TcbError, as runTransaction's commit gives it.
    open()
    const db = openSdkDatabase(emulator, 'raw')
    emulator.failWhen((request) => request.api === 'database.commitTransaction', () => platformErrors.duplicateWrite('posts', 'q'))
    const atCommit = await rejectionOf(db.runTransaction((tx) => tx.collection('posts').doc('q').set({ data: { n: 1 } })))
    expect(atCommit.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(isDuplicateKey(atCommit)).toBe(true)
    // Not a duplicate: a write conflict, a missing collection, anything else.
    const tx = await db.startTransaction()
    await tx.collection('posts').doc('c').set({ data: { n: 1 } })
    const conflict = await rejectionOf(db.runTransaction((other) => other.collection('posts').doc('c').set({ data: { n: 2 } })))
    expect(isDuplicateKey(conflict)).toBe(false)
    expect(isDuplicateKey(await rejectionOf(db.collection('nowhere').add({ data: { _id: 'p' } })))).toBe(false)
    expect(isDuplicateKey(new Error('timeout'))).toBe(false)
  })

  it('keeps re-rates, feedback and tally years right when CloudBase answers DATABASE_DUPLICATE_WRITE', async () => {
    const store = open({ duplicateKeyError: 'DATABASE_DUPLICATE_WRITE' })
    await store.putOrg(orgOf(SID, 2))
    expect(await store.prepareYear('2026')).toBe(2)
    expect(await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 5))).toEqual({ replaced: false })
    // The second rating of the month: its `add` finds the id taken, so it replaces the first.
    expect(await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 2))).toEqual({ replaced: true })
    expect(await store.submitFeedback(feedback('svc-1', 'W0001', '2026-03', 4))).toEqual({ inserted: true })
    expect(await store.submitFeedback(feedback('svc-1', 'W0001', '2026-03', 1))).toEqual({ inserted: false })
    expect(await store.prepareYear('2026')).toBe(0)
    expect(await storedTallies(store, SID, ['2026-03'])).toEqual(new Map([...recountFromRecords(emulator)].filter(([key]) => key.endsWith('|2026-03'))))
  })
})

describe('the connection limit', () => {
  it('waits a random pause under a bound that doubles with each refusal: under 25, 50, 100 ms ..., never over 1 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((refusals) => limitBackoffMs(refusals, () => 1))).toEqual([25, 50, 100, 200, 400, 800, 1000, 1000])
    expect(limitBackoffMs(3, () => 0.5)).toBe(50)
  })

  it('retries every refused request: 60 reads and writes at once over 5 connections all land, once each', async () => {
    const store = open({ latency: 10, maxConnections: 5 })
    await store.putOrg(orgOf(SID, 30))
    emulator.resetRequests()
    const work = Array.from({ length: 30 }, (_, i) => `W${String(i + 1).padStart(4, '0')}`).flatMap((code) => [
      store.getWorker(code).then((worker) => worker?.code),
      store.submitResidentRating(rating(`r-${code}`, code, '2026-04', 4)).then(() => code),
    ])
    expect((await Promise.all(work)).filter((code) => code === undefined)).toEqual([])
    expect(emulator.refusedRequests.length).toBeGreaterThan(0)
    expect(emulator.documents('resident_ratings')).toHaveLength(30)
    const april = [...(await storedTallies(store, SID, ['2026-04'])).values()]
    expect(april.map((tally) => tally.residents)).toEqual(Array.from({ length: 30 }, () => [0, 0, 0, 1, 0]))
  })
})

describe('a transaction older than 30 s', () => {
  it('is a transaction failure the recount defers, and the next run repairs', async () => {
    const clock = new ManualClock(Date.now())
    let slowCommit = true
    // The recount's commit arrives after the transaction's 30 s: the database no longer knows it.
    const store = open({
      clock,
      latency: async (request) => {
        if (slowCommit && request.api === 'database.commitTransaction') clock.advance(TRANSACTION_LIFETIME_MS)
      },
    })
    await store.putOrg(orgOf(SID, 1))
    await store.prepareYear('2026')
    // A writer dies between its rating and its tally: the rating is left pending.
    const dying = new CloudStore(createSdkDatabase(emulator, 'dying'))
    emulator.killWhen((request) => request.instance === 'dying' && request.collection === 'tallies')
    expect(await settledWithin(dying.submitResidentRating(rating('r1', 'W0001', '2026-03', 5)))).toBe(false)

    const later = new Date(Date.now() + 1000)
    expect(await store.repairPending(later, 0)).toEqual({ repaired: 0, deferred: 1 })
    const expired = emulator.requests.filter((request) => request.api === 'database.commitTransaction')
    expect(expired).toHaveLength(1)
    expect(emulator.documents('resident_ratings')).toEqual([expect.objectContaining({ pending: true })])

    slowCommit = false
    expect(await store.repairPending(later, 0)).toEqual({ repaired: 1, deferred: 0 })
    expect(emulator.documents('resident_ratings')).toEqual([expect.not.objectContaining({ pending: true })])
    expect(await storedTallies(store, SID, ['2026-03'])).toEqual(new Map([...recountFromRecords(emulator)].filter(([key]) => key.endsWith('|2026-03'))))
  })

  it('counts DATABASE_TRANSACTION_FAIL and DATABASE_TRANSACTION_CONFLICT, in either form, as a transaction failure', () => {
    expect(isTransactionFailure({ code: 'DATABASE_TRANSACTION_FAIL', message: 'does not exist on server' })).toBe(true)
    expect(isTransactionFailure({ code: 'DATABASE_TRANSACTION_CONFLICT' })).toBe(true)
    expect(isTransactionFailure({ errCode: -501001, errMsg: 'document.get:fail -501001 resource system error.' })).toBe(true)
    expect(isTransactionFailure({ errCode: -502005 })).toBe(false)
  })
})

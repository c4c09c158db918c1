// The exactly-once part of the Store (backend/idempotency/idempotency.ts has the protocol), run on
// SQLite (backend/store/sqlite/sqliteStore.test.ts) and on CloudStore over the real wx-server-sdk and the CloudBase
// emulator (cloudStore.test.ts): one claim per key, a first result that is never replaced, releases and
// take-overs as compare-and-sets on the claim's time, the payload hash a claim keeps, and the receipt a
// rating write carries.
import type { Store } from '@backend/store'
import { SID, orgOf, rating } from '../storeContract'

const T0 = '2026-03-10T08:00:00.000Z'
const T1 = '2026-03-10T08:01:00.000Z'
const FIRST = { ratingId: 'abc', period: '2026-03', replaced: false }

export function describeIdempotencyStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name}: exactly-once submits`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('lets one caller claim a key; the next one sees the pending claim', async () => {
      expect(await store.claimIdempotent('k-1', T0)).toBeNull()
      expect(await store.claimIdempotent('k-1', T1)).toEqual({ key: 'k-1', result: null, createdAt: T0, pending: true })
      expect(await store.getIdempotent('k-1')).toEqual({ key: 'k-1', result: null, createdAt: T0, pending: true })
    })

    it('completes a claim with the first result and never replaces it', async () => {
      await store.claimIdempotent('k-1', T0)
      await store.putIdempotent({ key: 'k-1', result: FIRST, createdAt: T0 })
      await store.putIdempotent({ key: 'k-1', result: { ratingId: 'other' }, createdAt: T1 })
      expect(await store.getIdempotent('k-1')).toEqual({ key: 'k-1', result: FIRST, createdAt: T0 })
      expect(await store.claimIdempotent('k-1', T1)).toEqual({ key: 'k-1', result: FIRST, createdAt: T0 })
    })

    it('releases only its own pending claim, after which the key can be claimed again', async () => {
      await store.claimIdempotent('k-1', T0)
      await store.releaseIdempotent('k-1', T1) // not the claim's time: nothing happens
      expect((await store.getIdempotent('k-1'))?.pending).toBe(true)
      await store.releaseIdempotent('k-1', T0)
      expect(await store.getIdempotent('k-1')).toBeNull()
      expect(await store.claimIdempotent('k-1', T1)).toBeNull()
      // a completed record is never released
      await store.putIdempotent({ key: 'k-1', result: FIRST, createdAt: T1 })
      await store.releaseIdempotent('k-1', T1)
      expect((await store.getIdempotent('k-1'))?.result).toEqual(FIRST)
    })

    it('takes a stale claim over once, by its time; never a completed one', async () => {
      await store.claimIdempotent('k-1', T0)
      expect(await store.takeOverIdempotent('k-1', T1, T1)).toBe(false)
      expect(await store.takeOverIdempotent('k-1', T0, T1)).toBe(true)
      expect(await store.takeOverIdempotent('k-1', T0, T1)).toBe(false) // someone already moved it
      expect(await store.getIdempotent('k-1')).toEqual({ key: 'k-1', result: null, createdAt: T1, pending: true })
      await store.putIdempotent({ key: 'k-1', result: FIRST, createdAt: T1 })
      expect(await store.takeOverIdempotent('k-1', T1, T0)).toBe(false)
    })

    it('keeps the payload hash of the claim through take-over and result, and returns it to every later claimer', async () => {
      expect(await store.claimIdempotent('k-1', T0, 'hash-a')).toBeNull()
      expect(await store.claimIdempotent('k-1', T1, 'hash-b')).toEqual({ key: 'k-1', result: null, createdAt: T0, pending: true, payloadHash: 'hash-a' })
      expect(await store.takeOverIdempotent('k-1', T0, T1)).toBe(true)
      // the record's own hash stays, whatever hash the completing call names
      await store.putIdempotent({ key: 'k-1', result: FIRST, createdAt: T1, payloadHash: 'hash-b' })
      expect(await store.getIdempotent('k-1')).toEqual({ key: 'k-1', result: FIRST, createdAt: T1, payloadHash: 'hash-a' })
      expect(await store.claimIdempotent('k-1', T1, 'hash-b')).toEqual({ key: 'k-1', result: FIRST, createdAt: T1, payloadHash: 'hash-a' })
    })

    it('writes the hash with a result whose claim is gone, and reads a claim made without one as it was', async () => {
      await store.putIdempotent({ key: 'k-2', result: FIRST, createdAt: T0, payloadHash: 'hash-a' })
      expect(await store.getIdempotent('k-2')).toEqual({ key: 'k-2', result: FIRST, createdAt: T0, payloadHash: 'hash-a' })
      // a record of before keys were bound to payloads: no hash field at all
      await store.claimIdempotent('k-3', T0)
      const old = await store.claimIdempotent('k-3', T1, 'hash-a')
      expect(old).toEqual({ key: 'k-3', result: null, createdAt: T0, pending: true })
      expect(old !== null && 'payloadHash' in old).toBe(false)
    })

    it("stores a rating's receipt with the write that made it, and only with it", async () => {
      await store.putOrg(orgOf(SID, 1))
      const first = rating('o-r1', 'W0001', '2026-03', 4)
      expect(await store.getRatingReceipt(first.id)).toBeNull()
      await store.submitResidentRating(first, 'key-first')
      expect(await store.getRatingReceipt(first.id)).toEqual({ key: 'key-first', replaced: false })
      await store.submitResidentRating({ ...first, level: 2 }, 'key-again')
      expect(await store.getRatingReceipt(first.id)).toEqual({ key: 'key-again', replaced: true })
      await store.submitResidentRating({ ...first, level: 3 })
      expect(await store.getRatingReceipt(first.id)).toBeNull()
      // the receipt is bookkeeping: the rating reads as it was submitted
      expect(await store.getResidentRating(first.id)).toEqual({ ...first, level: 3 })
    })
  })
}

// CloudStore on the real wx-server-sdk over the CloudBase emulator (test/cloudbase), which reproduces
// what DESIGN section 7 lists: the shared Store contract, and what only the cloud has — tally documents
// per worker and year, the 100-row cap, updates that create nothing, the `pending` mark of a two-step
// write, and collections that must be created.
import { CloudbaseEmulator } from '../../../test/cloudbase/emulator'
import { createSdkDatabase } from '../../../test/cloudbase/realSdk'
import { SID, describeStoreContract, orgOf, rating } from '../../../test/storeContract'
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
import { recountFromRecords, storedTallies } from '../../../test/support/cloudEnv'
import { COLLECTION_NAMES } from './collections'
import { CloudStore } from './cloudStore'
import { tallyId } from '../ids'

function cloudStore(emulator = new CloudbaseEmulator({ collections: COLLECTION_NAMES })) {
  return { emulator, store: new CloudStore(createSdkDatabase(emulator)) }
}

describeStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeVisitStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeCatalogStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeInviteStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeOrgStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeFieldTimeStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeSettingsStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeSheetStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeAuditStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeSnapshotStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeRosterStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeIdempotencyStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeCommentStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeAppealStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeHallStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeCaseStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeReviewStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeRecipientCountContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)
describeLimitStoreContract('CloudStore over the real wx-server-sdk and the CloudBase emulator', async () => cloudStore().store)

describe('CloudStore on CloudBase', () => {
  it('keeps one tally document per worker and year, with the months in it; a half-year is summed on read', async () => {
    const { emulator, store } = cloudStore()
    await store.putOrg(orgOf(SID, 1))
    await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 5))
    await store.submitResidentRating(rating('r2', 'W0001', '2026-05', 2))
    const docs = emulator.documents('tallies')
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ _id: tallyId('W0001', '2026'), workerCode: 'W0001', subdistrictId: SID, year: '2026' })
    expect(docs[0].months).toEqual({
      m03: { r: { n1: 0, n2: 0, n3: 0, n4: 0, n5: 1 }, s: { n1: 0, n2: 0, n3: 0, n4: 0, n5: 0 }, ss: 0, sc: 0 },
      m05: { r: { n2: 1 } },
    })
    const [h1] = await store.listTallies(SID, ['2026-H1'])
    expect(h1.residents).toEqual([0, 1, 0, 0, 1])
  })

  it('creates the tally document a first rating needs when it is missing: an update of nothing is never taken as done', async () => {
    const { emulator, store } = cloudStore()
    await store.putOrg(orgOf(SID, 1))
    await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 4))
    // the update found no document (updated: 0), so the document was added holding the rating
    expect(emulator.requests.filter((r) => r.collection === 'tallies').map((r) => r.api)).toEqual(['database.modifyDocument', 'database.insertDocument'])
    expect((await store.listTallies(SID, ['2026-03']))[0].residents).toEqual([0, 0, 0, 1, 0])
  })

  it('settles a rating and a score after their tally moved; a feedback, named by its tally, at the timer: no record is left pending', async () => {
    const { emulator, store } = cloudStore()
    await store.putOrg(orgOf(SID, 1))
    await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 4))
    await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 2))
    await store.submitFeedback({ ...rating('r2', 'W0001', '2026-03', 5), serviceId: 'svc-1' })
    await store.putSubdistrictScore({ workerCode: 'W0001', subdistrictId: SID, period: '2026-03', score: 88.5, enteredBy: 's', enteredAt: '2026-03-28T02:00:00.000Z' })
    for (const name of ['resident_ratings', 'subdistrict_scores']) {
      expect(emulator.documents(name).filter((doc) => doc.pending !== undefined)).toEqual([])
    }
    expect(emulator.documents('feedback')).toEqual([expect.objectContaining({ _id: 'svc-1', pending: true })])
    expect(emulator.documents('tallies')).toEqual([expect.objectContaining({ tallied: { 'svc-1': true } })])
    expect(await store.repairPending(new Date(), 0)).toEqual({ repaired: 0, deferred: 0 })
    expect(emulator.documents('feedback').filter((doc) => doc.pending !== undefined)).toEqual([])
    expect(emulator.documents('tallies')).toEqual([expect.objectContaining({ tallied: {} })])
    // the re-rate replaced version 1 with version 2
    expect(emulator.documents('resident_ratings')).toEqual([expect.objectContaining({ level: 2, version: 2 })])
    expect(await storedTallies(store, SID, ['2026-03'])).toEqual(new Map([...recountFromRecords(emulator)].filter(([key]) => key.endsWith('|2026-03'))))
  })

  it('reads a year of 150 workers complete under the 100-row cap', async () => {
    const { store } = cloudStore()
    await store.putOrg(orgOf(SID, 150))
    await store.prepareYear('2026')
    await store.loadActivity({ ratings: Array.from({ length: 150 }, (_, i) => rating(`r${i}`, `W${String(i + 1).padStart(4, '0')}`, '2026-02', 3)) })
    const tallies = await store.listTallies(SID, ['2026'])
    expect(tallies).toHaveLength(150)
    expect(tallies.every((t) => t.residents[2] === 1)).toBe(true)
    expect(await store.listWorkers(SID)).toHaveLength(150)
  })

  it('creates every worker’s tally document of a year once: the second time none', async () => {
    const { emulator, store } = cloudStore()
    await store.putOrg(orgOf(SID, 3))
    expect(await store.prepareYear('2027')).toBe(3)
    expect(await store.prepareYear('2027')).toBe(0)
    expect(emulator.documents('tallies').map((doc) => doc.rev)).toEqual([0, 0, 0])
  })

  it('creates the collections collections.json lists; a second setup creates none', async () => {
    const { emulator, store } = cloudStore(new CloudbaseEmulator())
    expect(await store.isSetUp()).toBe(false)
    expect(await store.setup()).toEqual([...COLLECTION_NAMES])
    expect(emulator.listCollections().sort()).toEqual([...COLLECTION_NAMES].sort())
    expect(await store.setup()).toEqual([])
  })

  it('tells a missing collection (not set up) from other failures', async () => {
    const { store } = cloudStore(new CloudbaseEmulator())
    const missing = await store.getWorker('W0001').catch((error: unknown) => error)
    expect(store.isNotSetUp(missing)).toBe(true)
    expect(store.isNotSetUp(new Error('timeout'))).toBe(false)
  })
})

// A bad rating's case on CloudBase is opened by the hourly timer, not on the rater's path (backend/cases/
// dueCases.ts): the rating's own write marks it `caseDue`, so a level-1 rating or feedback makes exactly
// the requests of a level-5 one, none to `cases` or `audit`; the next timer run opens the same case the
// submit opens locally (keyed by the rating, opened when it was given, deadlines from that China date,
// its 'case.open' audit entry) and clears the mark. A second run, two runs at once, a run killed between
// opening and clearing, a re-rate to 5 before the run: one case, one entry, each time.
// Deadlines with the default settings (no holidays): rated Fri 2026-10-09 10:00 China → call-back due the
// next working day, Mon 10-12; rectification 15 working days on, Fri 10-30 (as test/handlers.cases.test.ts).
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, createSdkDatabase, loadCloudFunction, restoreEnvironment, timerEvent } from '../cloudbase/realSdk'
import { settledWithin } from '../cloudbase/testing'
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { openDueCases } from '@backend/cases/dueCases'
import { fixedSecrets } from '@backend/secrets/secrets'
import type { ResidentRatingRecord } from '@backend/store'
import { auditSuffix, ratingRefId, residentRatingId } from '@backend/store/ids'
import { auditEntryId } from '@backend/audit/store'
import type { Level } from '@core/types'
import { monthOf } from '@core/periods'
import { setUpCloud } from '../support/cloudEnv'
import { YEAR_SUBDISTRICT, requestsOf, yearOrg } from '../support/cloudYear'
import { TEST_SECRETS } from '../support/secrets'

const WORKER_OPENID = 'o-worker-Y0001'
const RATER = 'o-rater-1'
const RATED_AT = '2026-10-09T02:00:00.000Z' // Fri 10:00 China
const RATING_ID = residentRatingId(RATER, 'Y0001', '2026-10')
const CASE_ID = ratingRefId({ kind: 'resident', id: RATING_ID }, TEST_SECRETS.idKey)

let emulator: CloudbaseEmulator
let store: CloudStore
beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER_OPENID, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  ;({ emulator, store } = await setUpCloud(org))
})
afterEach(() => {
  // Some tests kill an instance mid-invocation: the shared process environment goes back (realSdk.ts).
  restoreEnvironment()
  emulator.dispose()
})

const instance = (id: string): CloudFunctionInstance => loadCloudFunction(emulator, { instanceId: id })
const runTimer = (api: CloudFunctionInstance) => api.invoke(timerEvent('repairTallies', new Date()), {})
/** A rating of Y0001 stored as the function stores it (its write marks a bad one). */
const rate = (level: Level, submittedAt = RATED_AT) => {
  const rating: ResidentRatingRecord = { id: RATING_ID, openid: RATER, workerCode: 'Y0001', subdistrictId: YEAR_SUBDISTRICT, month: '2026-10', level, comment: '', commentStatus: 'none', submittedAt }
  return store.submitResidentRating(rating)
}
const cases = () => emulator.documents('cases')
const openings = () => (emulator.documents('audit') as unknown as Array<{ _id: string; action: string }>).filter((e) => e.action === 'case.open')
const marked = () => [...emulator.documents('resident_ratings'), ...emulator.documents('feedback')].filter((doc) => doc.caseDue !== undefined)

describe('on the rater’s path', () => {
  it('a level-1 rating.submit makes exactly the requests of a level-5 one, none to cases or audit', async () => {
    const submit = (level: number, rater: string) => requestsOf(emulator, { action: 'rating.submit', payload: { workerCode: 'Y0001', level, idempotencyKey: `key-${rater}` } }, rater)
    const good = await submit(5, 'o-rater-good')
    const bad = await submit(1, 'o-rater-bad')
    expect(bad.reply).toMatchObject({ ok: true })
    expect(bad.requests).toEqual(good.requests)
    expect(bad.requests.filter((r) => / (cases|audit)$/.test(r))).toEqual([])
    expect(cases()).toEqual([])
    expect(marked()).toEqual([expect.objectContaining({ openid: 'o-rater-bad', level: 1, caseDue: { level: 1, submittedAt: expect.any(String) } })])
  })

  it('a level-1 feedback.submit makes exactly the requests of a level-5 one, none to cases or audit', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex')
    const worker = loadCloudFunction(emulator, { instanceId: 'api-worker', openapi: { wxacode: { getUnlimited: () => ({ errCode: 0, contentType: 'image/png', buffer: png }) } } })
    const visit = async () => ((await worker.invoke({ action: 'visit.log', payload: { type: '关爱走访' } }, { openid: WORKER_OPENID })) as { data: { visitCode: string } }).data.visitCode
    const submit = async (level: number, recipient: string) =>
      requestsOf(emulator, { action: 'feedback.submit', payload: { visitCode: await visit(), level, idempotencyKey: `key-${recipient}` } }, recipient)
    const good = await submit(5, 'o-recipient-good')
    const bad = await submit(1, 'o-recipient-bad')
    expect(bad.reply).toMatchObject({ ok: true })
    expect(bad.requests).toEqual(good.requests)
    expect(bad.requests.filter((r) => / (cases|audit)$/.test(r))).toEqual([])
    expect(marked()).toEqual([expect.objectContaining({ openid: 'o-recipient-bad', caseDue: { level: 1, submittedAt: expect.any(String) } })])
  })
})

describe('the timer', () => {
  it('opens exactly the case the submit opens locally, with its audit entry, and clears the mark; a second run adds nothing', async () => {
    await rate(1)
    expect(await runTimer(instance('timer-1'))).toMatchObject({ ok: true, data: { casesOpened: 1 } })
    expect(cases()).toEqual([
      {
        _id: CASE_ID,
        ref: { kind: 'resident', id: RATING_ID },
        raterOpenid: RATER,
        workerCode: 'Y0001',
        communityId: `${YEAR_SUBDISTRICT}-c1`,
        subdistrictId: YEAR_SUBDISTRICT,
        month: '2026-10',
        level: 1,
        openedAt: RATED_AT,
        callbackDue: '2026-10-12',
        rectifyDue: '2026-10-30',
        version: 1,
      },
    ])
    expect(openings()).toEqual([
      expect.objectContaining({ _id: auditEntryId(RATED_AT, auditSuffix(`case.open:${CASE_ID}`)), at: RATED_AT, target: `case:${CASE_ID}`, subdistrictId: YEAR_SUBDISTRICT, by: expect.objectContaining({ role: 'resident', name: '评价人' }) }),
    ])
    expect(JSON.stringify(openings())).not.toContain(RATER)
    expect(marked()).toEqual([])

    const before = emulator.requests.length
    expect(await runTimer(instance('timer-2'))).toMatchObject({ ok: true, data: { casesOpened: 0 } })
    // (The hourly phone-erasing part reads `cases`; nothing writes.)
    expect(emulator.requests.slice(before).filter((r) => (r.collection === 'cases' || r.collection === 'audit') && r.api !== 'database.getDocument')).toEqual([])
    expect(cases()).toHaveLength(1)
    expect(openings()).toHaveLength(1)
  })

  it('opens the case of the 1 that was given when it was re-rated to 5 before the run', async () => {
    await rate(1)
    await rate(5, '2026-10-20T02:00:00.000Z')
    expect(emulator.documents('resident_ratings')).toEqual([expect.objectContaining({ level: 5, caseDue: { level: 1, submittedAt: RATED_AT } })])
    expect(await runTimer(instance('timer-1'))).toMatchObject({ ok: true, data: { casesOpened: 1 } })
    expect(cases()).toEqual([expect.objectContaining({ _id: CASE_ID, level: 1, openedAt: RATED_AT, callbackDue: '2026-10-12' })])
    expect(openings()).toHaveLength(1)
  })

  it('keeps the first mark when a 1 is re-rated to 2, and a re-rate to 2 after the case adds nothing', async () => {
    await rate(1)
    await rate(2, '2026-10-12T02:00:00.000Z')
    await runTimer(instance('timer-1'))
    await rate(2, '2026-10-13T02:00:00.000Z')
    expect(marked()).toEqual([expect.objectContaining({ caseDue: { level: 2, submittedAt: '2026-10-13T02:00:00.000Z' } })])
    expect(await runTimer(instance('timer-2'))).toMatchObject({ ok: true, data: { casesOpened: 0 } })
    expect(cases()).toEqual([expect.objectContaining({ level: 1, openedAt: RATED_AT })])
    expect(openings()).toHaveLength(1)
    expect(marked()).toEqual([])
  })

  it('opens one case when a run dies after opening and before clearing the mark, and the next run clears it', async () => {
    await rate(1)
    emulator.killWhen((r) => r.instance === 'timer-killed' && r.collection === 'resident_ratings' && r.api === 'database.modifyDocument')
    expect(await settledWithin(runTimer(instance('timer-killed')), 500)).toBe(false)
    expect(cases()).toHaveLength(1)
    expect(marked()).toHaveLength(1)
    expect(await runTimer(instance('timer-next'))).toMatchObject({ ok: true, data: { casesOpened: 0 } })
    expect(cases()).toHaveLength(1)
    expect(openings()).toHaveLength(1)
    expect(marked()).toEqual([])
  })

  it('adds the audit entry a run that died between the case and its entry left out, once', async () => {
    await rate(1)
    emulator.killWhen((r) => r.instance === 'timer-killed' && r.collection === 'audit')
    expect(await settledWithin(runTimer(instance('timer-killed')), 500)).toBe(false)
    expect([cases().length, openings().length, marked().length]).toEqual([1, 0, 1])
    await runTimer(instance('timer-next'))
    expect([cases().length, openings().length, marked().length]).toEqual([1, 1, 0])
  })

  it('opens one case when two runs overlap', async () => {
    await rate(1)
    const replies = (await Promise.all([runTimer(instance('timer-a')), runTimer(instance('timer-b'))])) as Array<{ data: { casesOpened: number } }>
    expect(replies.map((r) => r.data.casesOpened).sort()).toEqual([0, 1])
    expect(cases()).toHaveLength(1)
    expect(openings()).toHaveLength(1)
    expect(marked()).toEqual([])
  })

  it('reads the workers once for many cases: 12 cases in 2 + 1 + 1 + 12 × 3 = 40 requests; a rating excluded since still opens its case', async () => {
    const month = monthOf(new Date())
    for (let i = 0; i < 12; i += 1) {
      const openid = `o-many-${i}`
      const workerCode = i % 2 === 0 ? 'Y0001' : 'Y0002'
      await store.submitResidentRating({ id: residentRatingId(openid, workerCode, month), openid, workerCode, subdistrictId: YEAR_SUBDISTRICT, month, level: 2, comment: '', commentStatus: 'none', submittedAt: new Date().toISOString() })
    }
    await store.reviews.excludeRating({ kind: 'resident', id: residentRatingId('o-many-0', 'Y0001', month) }, { via: 'review', reason: '重复刷评', by: 'o-staff', at: new Date().toISOString() })
    // The job alone, on a store of its own: the two marked lists, the settings' calendar, the workers in one
    // query, then per case its add, its audit entry and the mark cleared (the keys are the process's own).
    const job = new CloudStore(createSdkDatabase(emulator, 'due-job'))
    expect(await openDueCases(job, fixedSecrets(TEST_SECRETS))).toBe(12)
    const requests = emulator.requests.filter((r) => r.instance === 'due-job')
    expect(requests.filter((r) => r.collection === 'workers')).toHaveLength(1)
    expect(requests).toHaveLength(40)
    expect(cases().map((c) => [c.level, c.communityId])).toEqual(Array(12).fill([2, `${YEAR_SUBDISTRICT}-c1`]))
  })
})

// A re-rate in the cloud trusts nothing it did not read: the rater's note (the receipt key and level of
// their rating, kept on their rate-limit counter and read with their role) only picks the guarded
// compare-and-set, which matches the rating in exactly that state or not at all. Each note here is made
// wrong the way production could make it — staff excluded the rating, another phone re-rated it, the
// instance died after the note and before the rating, a case mark already there — and every time the
// re-rate lands on the right state: the tallies equal a recount of the stored ratings.
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { residentRatingId } from '@backend/store/ids'
import { monthOf, periodsOfMonth } from '@core/periods'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, createSdkDatabase, restoreEnvironment } from '../cloudbase/realSdk'
import { CLOUD_LATENCY, recountFromRecords, setUpCloud, startInstances, storedTallies } from '../support/cloudEnv'
import { YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'

const WORKER = 'Y0001'
const RATER = 'o-rater-notes'
const month = monthOf(new Date())
const ratingId = residentRatingId(RATER, WORKER, month)

let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
let other: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(yearOrg(3), { latency: CLOUD_LATENCY }))
  ;[api, other] = startInstances(emulator, 2, { RECOUNT_SETTLE_SECONDS: '0' })
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

const rate = (level: number, key: string, on = api) => on.invoke({ action: 'rating.submit', payload: { workerCode: WORKER, level, idempotencyKey: key } }, { openid: RATER })

/** The worker's tallies of this month, as stored and as recounted from the ratings. */
async function talliesAndRecount() {
  const recount = new Map([...recountFromRecords(emulator)].filter(([key]) => key.startsWith(`${WORKER}|`)))
  const checker = new CloudStore(createSdkDatabase(emulator, 'checker'))
  return { stored: await storedTallies(checker, YEAR_SUBDISTRICT, periodsOfMonth(month)), recount }
}

const residentsOfMonth = async () => (await talliesAndRecount()).stored.get(`${WORKER}|${month}`)?.residents
const guardedUpdates = () => emulator.requests.filter((r) => r.instance === 'api-1' && r.api === 'database.modifyDocument' && r.collection === 'resident_ratings').length

it('re-rates by the note alone: one guarded update, and the count moves from 5 to 3', async () => {
  expect(await rate(5, 'notes-first-0001')).toMatchObject({ ok: true, data: { replaced: false } })
  emulator.resetRequests()
  expect(await rate(3, 'notes-rerate-0001')).toMatchObject({ ok: true, data: { replaced: true } })
  expect(emulator.requests.filter((r) => r.collection === 'resident_ratings').map((r) => r.api)).toEqual(['database.modifyDocument', 'database.modifyDocument'])
  expect(await residentsOfMonth()).toEqual([0, 0, 1, 0, 0])
  const { stored, recount } = await talliesAndRecount()
  expect(stored).toEqual(recount)
})

it('does not move an excluded rating back into the count when its note still says level 5', async () => {
  await rate(5, 'notes-first-0002')
  expect(await store.reviews.excludeRating({ kind: 'resident', id: ratingId }, { via: 'review', reason: '同一时间段集中评价', by: YEAR_STAFF, at: new Date().toISOString() })).toBe(true)
  expect(await residentsOfMonth()).toEqual([0, 0, 0, 0, 0])
  expect(await rate(3, 'notes-rerate-0002')).toMatchObject({ ok: true, data: { replaced: true } })
  // Excluded stays excluded (a re-rate never brings it back): still nothing counted, as a recount finds.
  expect(emulator.document('resident_ratings', ratingId)).toMatchObject({ level: 3, excluded: { via: 'review' } })
  expect(await residentsOfMonth()).toEqual([0, 0, 0, 0, 0])
  expect((await talliesAndRecount()).recount.size).toBe(0)
})

it('reads the rating when it changed behind its note (two phones racing: the last note written need not be the last rating)', async () => {
  await rate(5, 'notes-first-0003')
  await rate(2, 'notes-other-0003', other)
  const current = await store.getResidentRating(ratingId)
  if (current === null) throw new Error('no rating')
  await store.submitResidentRating({ ...current, level: 4 }, 'written-elsewhere-0003')
  expect(await residentsOfMonth()).toEqual([0, 0, 0, 1, 0])
  expect(await rate(1, 'notes-rerate-0003')).toMatchObject({ ok: true, data: { replaced: true } })
  expect(await residentsOfMonth()).toEqual([1, 0, 0, 0, 0])
  const { stored, recount } = await talliesAndRecount()
  expect(stored).toEqual(recount)
})

it('recovers from a note written by a take whose rating never landed (the instance died between them)', async () => {
  await rate(5, 'notes-first-0004')
  const stop = emulator.killWhen((r) => r.instance === 'api-1' && r.api === 'database.modifyDocument' && r.collection === 'resident_ratings', { timing: 'before' })
  void rate(3, 'notes-dies-0004')
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => emulator.isDead('api-1') && (clearInterval(poll), resolve()), 5)
  })
  stop()
  restoreEnvironment()
  // The note now names the dead submit's key at level 3; the rating is still the level 5 one.
  expect(emulator.document('resident_ratings', ratingId)).toMatchObject({ level: 5 })
  expect(await rate(2, 'notes-after-0004', other)).toMatchObject({ ok: true, data: { replaced: true } })
  expect(await residentsOfMonth()).toEqual([0, 1, 0, 0, 0])
  const { stored, recount } = await talliesAndRecount()
  expect(stored).toEqual(recount)
})

it('keeps the first case mark when a bad rating is re-rated to another bad level', async () => {
  await rate(2, 'notes-first-0005')
  const marked = emulator.document('resident_ratings', ratingId) as { caseDue?: { level: number } }
  expect(marked.caseDue).toMatchObject({ level: 2 })
  expect(await rate(1, 'notes-rerate-0005')).toMatchObject({ ok: true, data: { replaced: true } })
  expect(emulator.document('resident_ratings', ratingId)).toMatchObject({ level: 1, caseDue: { level: 2 } })
  expect(await residentsOfMonth()).toEqual([1, 0, 0, 0, 0])
})

it('answers a retry of a re-rate from its receipt, counting it once', async () => {
  await rate(5, 'notes-first-0006')
  const first = await rate(3, 'notes-rerate-0006')
  const before = guardedUpdates()
  expect(await rate(3, 'notes-rerate-0006')).toEqual(first)
  expect(guardedUpdates()).toBe(before)
  expect(await residentsOfMonth()).toEqual([0, 0, 1, 0, 0])
})

// A process killed after a bad rating was committed and before its case was written
// (backend/cases/sqlitePendingOpenings.ts): the database as it stood then, opened again, gets that case
// at the start (backend/cases/missedCases.ts), the same case and audit entry the live process wrote, and
// nothing else. The crash is SQLite's own image of what was committed, taken before the queue settled.
// smallOrg: 银泉 (张敏 W001) and 青龙 (李强 W002); rated Fri 2026-10-09 10:00 China.
import { openMissedCases } from '@backend/cases/missedCases'
import { fixedSecrets } from '@backend/secrets/secrets'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { withKey } from './support/keys'
import { FUSHAN, X, Y } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

const RATED_AT = new Date('2026-10-09T02:00:00.000Z')
const secrets = fixedSecrets(TEST_SECRETS)

let api: Harness
const opened: SqliteStore[] = []
beforeEach(async () => {
  // The queue's 5 ms timer is held, so that the image is always taken before it fires: on a loaded
  // machine the calls between a rating and the image can take longer than that. Only the timers are
  // fake; the group commit's setImmediate and the clock stay real.
  jest.useFakeTimers({ doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate'] })
  api = await createHarness(new Date(RATED_AT))
})
afterEach(() => {
  api.close()
  for (const store of opened.splice(0)) store.close()
  jest.useRealTimers()
})

const rate = async (workerCode: string, level: number, openid: string) => {
  dataOf(await api.call({ action: 'rating.submit', payload: withKey({ workerCode, level }) }, openid))
  return ratingRefId({ kind: 'resident', id: residentRatingId(openid, workerCode, '2026-10') }, TEST_SECRETS.idKey)
}

/** What a kill -9 leaves: the committed database, without what was still queued. */
function crashImage(): SqliteStore {
  const store = new SqliteStore(api.store.cases.db.serialize())
  opened.push(store)
  return store
}

const caseOpens = async (store: SqliteStore) => (await store.audit.list({ action: 'case.open' }, { limit: 50 })).entries

it('opens at the start the cases a killed process had not written, as it would have written them', async () => {
  const first = await rate(X, 1, 'o-r-a')
  const second = await rate(Y, 2, 'o-r-b')
  await rate(X, 5, 'o-r-c')
  const crashed = crashImage()
  expect(await crashed.cases.get(first)).toBeNull()
  // Two cases, and only those: the level 5 opens none.
  expect(await openMissedCases(crashed, secrets)).toBe(2)
  // The live process writes its queue on reading: the same cases, the same audit entries.
  for (const id of [first, second]) expect(await crashed.cases.get(id)).toEqual(await api.store.cases.get(id))
  expect(await caseOpens(crashed)).toEqual(await caseOpens(api.store))
  expect((await caseOpens(crashed)).map((entry) => entry.target).sort()).toEqual([`case:${first}`, `case:${second}`].sort())
  // The note is gone with them: a second start reads nothing and adds nothing.
  expect(crashed.caseOpenings.dueSince()).toBeNull()
  expect(await openMissedCases(crashed, secrets)).toBe(0)
  expect(await caseOpens(crashed)).toHaveLength(2)
})

it('adds only the missing ones when some cases of the moment were written', async () => {
  const first = await rate(X, 1, 'o-r-a')
  await api.store.cases.get(first) // settles the first case
  api.now = new Date(RATED_AT.getTime() + 1000)
  const second = await rate(Y, 1, 'o-r-b')
  const crashed = crashImage()
  expect(crashed.caseOpenings.dueSince()).toBe(api.now.toISOString())
  expect(await openMissedCases(crashed, secrets)).toBe(1)
  expect(await crashed.cases.get(second)).toEqual(await api.store.cases.get(second))
  expect(await caseOpens(crashed)).toHaveLength(2)
})

it('reads nothing without a note: bad ratings that never had a case keep none', async () => {
  // A bad rating stored by another path than a submit (a seed): no case, and no note.
  await api.store.submitResidentRating(
    { id: 'seeded-1', openid: 'o-r-seed', workerCode: X, subdistrictId: FUSHAN, month: '2026-10', level: 1, comment: '', commentStatus: 'none', submittedAt: RATED_AT.toISOString() },
    'seed-key-1',
  )
  const crashed = crashImage()
  expect(crashed.caseOpenings.dueSince()).toBeNull()
  expect(await openMissedCases(crashed, secrets)).toBe(0)
  expect(await caseOpens(crashed)).toEqual([])
})

it('keeps the case of a bad rating re-rated upwards before its case was written', async () => {
  // A rater gives 1 and, moments later, 5: the live process writes the first rating's case all the same
  // (its opening was queued). The re-rate's transaction writes it at once, so a kill right after it
  // cannot lose it: the repair reads ratings, and this one is a 5 by then.
  const first = await rate(X, 1, 'o-r-a')
  await rate(X, 5, 'o-r-a')
  const crashed = crashImage()
  expect(await crashed.cases.get(first)).toEqual(await api.store.cases.get(first))
  expect(await openMissedCases(crashed, secrets)).toBe(0)
  // Written once: the queue, settled later, adds neither a second case nor a second entry.
  expect((await caseOpens(crashed)).map((entry) => entry.target)).toEqual([`case:${first}`])
  expect((await caseOpens(api.store)).map((entry) => entry.target)).toEqual([`case:${first}`])
})

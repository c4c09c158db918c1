// The review queue on CloudBase, through the BUILT function's exports.main on the real wx-server-sdk over
// the emulator (trust rule 8): five first-time raters of one worker from one client address (CLIENTIP);
// the hourly timer flags their ratings; staff see them with a pseudonym and exclude one with a reason: the
// worker's tallies then equal a recount of the counted records, and no raw address is stored anywhere.
import { monthOf } from '@core/periods'
import type { ReviewItemView } from '@core/reviews'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, timerEvent } from '../cloudbase/realSdk'
import { recountFromRecords, setUpCloud, storedTallies } from '../support/cloudEnv'
import { YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import { withKey } from '../support/keys'

const ADDRESS = '203.0.113.7'

let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(yearOrg(2)))
  api = loadCloudFunction(emulator, { instanceId: 'api-1' })
})
afterEach(() => emulator.dispose())

interface Reply<T = unknown> {
  ok: boolean
  data: T
  code?: string
}

it('flags 5 first-time raters from one address by the hourly timer; an exclusion leaves tallies equal to the recount', async () => {
  const month = monthOf(new Date())
  for (let i = 1; i <= 5; i += 1) {
    const reply = (await api.invoke({ action: 'rating.submit', payload: withKey({ workerCode: 'Y0001', level: i === 5 ? 1 : 5 }) }, { openid: `o-rater-${i}`, clientIp: ADDRESS })) as Reply
    expect(reply.ok).toBe(true)
  }
  const timer = (await api.invoke(timerEvent('hourly', new Date()))) as Reply<{ ratingsFlagged?: number }>
  expect(timer).toMatchObject({ ok: true, data: { ratingsFlagged: 5 } })
  const listed = (await api.invoke({ action: 'review.list', payload: {} }, { openid: YEAR_STAFF })) as Reply<{ items: ReviewItemView[] }>
  expect(listed.data.items.map((item) => [item.status, item.reasons.length, item.rater.startsWith('评价人 ')])).toEqual(Array(5).fill(['open', 2, true]))
  const bad = listed.data.items.find((item) => item.level === 1) as ReviewItemView
  const decided = (await api.invoke({ action: 'review.decide', payload: withKey({ reviewId: bad.id, decision: 'exclude', reason: '同一地址集中评价' }) }, { openid: YEAR_STAFF })) as Reply<ReviewItemView>
  expect(decided).toMatchObject({ ok: true, data: { status: 'excluded' } })
  // Levels 5,5,5,5,1 with the 1 excluded: [0,0,0,0,4] in the month; the tallies equal the recount.
  const stored = await storedTallies(store, YEAR_SUBDISTRICT, [month])
  expect(stored.get(`Y0001|${month}`)?.residents).toEqual([0, 0, 0, 0, 4])
  const recount = recountFromRecords(emulator)
  expect(stored.get(`Y0001|${month}`)).toEqual(recount.get(`Y0001|${month}`))
  // Every rating keeps a keyed hash of the address, never the address.
  const ratings = emulator.documents('resident_ratings')
  expect(new Set(ratings.map((doc) => doc.clientHash)).size).toBe(1)
  expect(JSON.stringify(emulator.documents('resident_ratings')) + JSON.stringify(emulator.documents('reviews'))).not.toContain(ADDRESS)
})

// Appeals (申诉 / 复核) on CloudBase, through the BUILT function's exports.main on the real
// wx-server-sdk over the emulator: residents rated 工作者1 5, 5, 4, 1, 1 last month; now that the month has
// closed the worker lists the two bad ones (never who), appeals one, and the sub-district upholds it: the
// residents' histogram of the month goes from [2,0,0,1,2] to [1,0,0,1,2] and equals a recount of the
// ratings that count; the rating document stays, with its exclusion. A second appeal and a second decision
// are 409 and write nothing. The built function runs on the real clock and bad ratings reach the worker
// only once their month has closed, so last month's ratings are written through the store, and the appeal
// window (from the 1st of this month) is set to 40 days so that it is open whatever day the test runs.
import { DEFAULT_SETTINGS } from '@core/settings'
import { addMonths, monthOf } from '@core/periods'
import type { Level } from '@core/types'
import { residentRatingId } from '@backend/store/ids'
import type { AppealableRating, AppealView } from '@core/appeals'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction } from '../cloudbase/realSdk'
import { recountFromRecords, setUpCloud, storedTallies } from '../support/cloudEnv'
import { YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { withKey } from '../support/keys'

const WORKER = 'o-worker-Y0001'

let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  ;({ emulator, store } = await setUpCloud(org))
  await store.saveSettings({ ...DEFAULT_SETTINGS, appealDays: 40 })
  api = loadCloudFunction(emulator, { instanceId: 'api-1' })
})
afterEach(() => emulator.dispose())

interface Reply<T = unknown> {
  ok: boolean
  data: T
  code?: string
}
const call = <T = unknown>(action: string, payload: unknown, openid: string) => api.invoke({ action, payload: withKey(payload) }, { openid }) as Promise<Reply<T>>

it('upholds an appeal of a 1 among 5,5,4,1,1: [2,0,0,1,2] → [1,0,0,1,2], equal to the recount, the rating kept', async () => {
  const month = addMonths(monthOf(new Date()), -1)
  await store.prepareYear(month.slice(0, 4))
  const submittedAt = `${month}-15T02:00:00.000Z`
  for (const [i, level] of ([5, 5, 4, 1, 1] as Level[]).entries()) {
    const openid = `o-rater-${i}`
    const id = residentRatingId(openid, 'Y0001', month)
    await store.submitResidentRating({ id, openid, workerCode: 'Y0001', subdistrictId: YEAR_SUBDISTRICT, month, level, comment: '', commentStatus: 'none', submittedAt })
  }
  const residents = async () => (await storedTallies(store, YEAR_SUBDISTRICT, [month])).get(`Y0001|${month}`)?.residents
  expect(await residents()).toEqual([2, 0, 0, 1, 2])

  const mine = await call<{ ratings: AppealableRating[] }>('appeal.mine', {}, WORKER)
  expect(mine.data.ratings.map((r) => r.level)).toEqual([1, 1])
  expect(JSON.stringify(mine.data)).not.toMatch(/o-rater/)
  const [bad] = mine.data.ratings
  const filed = await call<AppealView>('appeal.file', { token: bad.token, reason: '当天不在岗，评价与事实不符' }, WORKER)
  expect(filed).toMatchObject({ ok: true, data: { status: 'pending' } })
  const [{ _id: appealId, ref }] = emulator.documents('appeals') as Array<{ _id: string; ref: { id: string } }>
  const writes = emulator.documents('appeals').length
  expect(await call('appeal.file', { token: bad.token, reason: '再申诉一次这条评价' }, WORKER)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(emulator.documents('appeals')).toHaveLength(writes)

  expect(await call<AppealView>('appeal.decide', { appealId, decision: 'uphold', note: '核实属实' }, YEAR_STAFF)).toMatchObject({ ok: true, data: { status: 'upheld' } })
  expect(await residents()).toEqual([1, 0, 0, 1, 2])
  const tallies = await storedTallies(store, YEAR_SUBDISTRICT, [month])
  expect(tallies).toEqual(new Map([...recountFromRecords(emulator)].filter(([key]) => key.endsWith(`|${month}`))))
  expect(emulator.documents('resident_ratings').find((doc) => doc._id === ref.id)).toMatchObject({ level: 1, excluded: { via: 'appeal', reason: '核实属实', by: YEAR_STAFF } })

  const before = JSON.stringify(emulator.documents('appeals'))
  expect(await call('appeal.decide', { appealId, decision: 'reject', note: '改判' }, YEAR_STAFF)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(JSON.stringify(emulator.documents('appeals'))).toBe(before)
})

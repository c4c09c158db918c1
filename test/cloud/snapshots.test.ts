// The nightly evaluation snapshots on the BUILT function over the real wx-server-sdk and the CloudBase
// emulator: the timer takes every closed period of this year and the last for each sub-district; a report
// of a closed period then reads its snapshot — the old settings version and the old numbers even after
// the settings and a score change — and a dropped snapshot is taken again on the next run.
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { Envelope } from '@core/errors'
import { addMonths, monthOf } from '@core/periods'
import type { Report } from '@core/reports'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, timerEvent } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { FUSHAN, OPENID, X, Y, smallOrg } from '../support/smallOrg'

let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(smallOrg()))
  api = loadCloudFunction(emulator, { instanceId: 'api-1' })
})
afterEach(() => emulator.dispose())

const now = new Date()
const LAST = addMonths(monthOf(now), -1)
const CURRENT = monthOf(now)

const call = async <T>(action: string, payload: unknown, openid: string) => (await api.invoke({ action, payload }, { openid })) as Envelope<T>
const report = async (period: string): Promise<Report> => {
  const reply = await call<Report>('report.get', { kind: 'month', period }, OPENID.fushanStaff)
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}
const snapshotRun = async () => (await api.invoke(timerEvent('snapshotEvaluations', new Date()), {})) as Envelope<{ snapshots: { taken: number; pending: number } }>
const score = (workerCode: string, value: number) =>
  store.putSubdistrictScore({ workerCode, subdistrictId: FUSHAN, period: LAST, score: value, enteredBy: OPENID.fushanStaff, enteredAt: now.toISOString() })

it('snapshots every closed period of each sub-district, and a closed report keeps its numbers and settings version', async () => {
  await score(X, 88)
  await score(Y, 75)
  // Closed now: this year's months before the current one, H1 once July has begun, and all 12 months,
  // both halves and the year of last year (15) — for each of the 2 sub-districts.
  const month = Number(CURRENT.slice(5, 7))
  const closed = month - 1 + (month > 6 ? 1 : 0) + 15
  expect(await snapshotRun()).toEqual({ ok: true, data: expect.objectContaining({ snapshots: { taken: 2 * closed, pending: 0 } }) })
  expect(emulator.documents('evaluation_snapshots')).toHaveLength(2 * closed)
  // A second run finds nothing missing.
  expect(await snapshotRun()).toEqual({ ok: true, data: expect.objectContaining({ snapshots: { taken: 0, pending: 0 } }) })

  const before = await report(LAST)
  expect(before.snapshotAt).toEqual(expect.any(String))
  expect(before.settingsVersion).toBe(1)
  expect(before.rows.map((r) => [r.workerCode, r.total])).toEqual([[X, 88], [Y, 75]])
  expect(before.quotaNote).toContain('参评人数的 20%')

  // The bureau raises the quota (version 2) and the score of X changes without a sheet (nothing drops it).
  expect(await call('settings.save', { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, excellentQuota: 0.3 } }, OPENID.bureau)).toEqual({ ok: true, data: { version: 2 } })
  await score(X, 60)
  const after = await report(LAST)
  expect(after).toEqual(before)
  // evaluation.get of the closed month reads the same snapshot.
  const evaluation = await call<{ rows: Array<{ total: number }> }>('evaluation.get', { period: LAST }, OPENID.fushanStaff)
  expect(evaluation.ok && evaluation.data.rows.map((r) => r.total)).toEqual([88, 75])

  // The current month is open: computed live, with the settings in force.
  const open = await report(CURRENT)
  expect(open.snapshotAt).toBeUndefined()
  expect(open.settingsVersion).toBe(2)
  expect(open.quotaNote).toContain('参评人数的 30%')
})

it('takes a dropped snapshot again on the next run, with the numbers and settings of that time', async () => {
  await score(X, 88)
  await snapshotRun()
  await call('settings.save', { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, excellentQuota: 0.3 } }, OPENID.bureau)
  await score(X, 60)
  await store.snapshots.drop(FUSHAN, [LAST])
  expect(await snapshotRun()).toEqual({ ok: true, data: expect.objectContaining({ snapshots: { taken: 1, pending: 0 } }) })
  const retaken = await report(LAST)
  expect(retaken.snapshotAt).toEqual(expect.any(String))
  expect(retaken.settingsVersion).toBe(2)
  expect(retaken.rows.find((r) => r.workerCode === X)?.total).toBe(60)
})

// settings.get / settings.save on the BUILT function over the real wx-server-sdk and the CloudBase emulator:
// an invalid setting is INVALID_INPUT with `field` and writes nothing; good saves make versions 2 and 3,
// kept in `settings_versions` with who and when; getSettings (one read of settings/current) follows.
import { DEMO_SUBDISTRICT_STAFF, demoOrg } from '@backend/demo/seedOrg'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { Envelope } from '@core/errors'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'

const BUREAU = 'dev-bureau' // 市民政局 陈处长
let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(demoOrg()))
  api = loadCloudFunction(emulator, { instanceId: 'api-1' })
})
afterEach(() => emulator.dispose())

const call = async (action: string, payload: unknown, openid: string | null = BUREAU) =>
  (await api.invoke({ action, payload }, openid === null ? {} : { openid })) as Envelope<unknown>

it('rejects weights summing to 0.9, a daily share of 0.5 and decreasing points, each with its field, writing nothing', async () => {
  const cases: Array<[object, string]> = [
    [{ weights: { residents: 0.5, recipients: 0.2, subdistrict: 0.2 } }, 'weights'],
    [{ dailyShare: 0.5 }, 'dailyShare'],
    [{ levelPoints: [0, 60, 20, 80, 100] }, 'levelPoints'],
  ]
  for (const [change, field] of cases) {
    expect(await call('settings.save', { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, ...change } })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field })
  }
  expect(emulator.documents('settings_versions')).toHaveLength(0)
  expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS)
})

it('saves version 2, then 3, into settings_versions; staff read version 3, and may not save', async () => {
  expect(await call('settings.save', { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, minResidents: 8 } })).toEqual({ ok: true, data: { version: 2 } })
  expect(await call('settings.save', { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, minResidents: 10 } })).toEqual({ ok: true, data: { version: 3 } })
  expect(emulator.documents('settings_versions').map((d) => [d._id, (d as unknown as { savedBy: { name: string } }).savedBy.name])).toEqual([
    ['00000002', '市民政局 陈处长'],
    ['00000003', '市民政局 陈处长'],
  ])
  const read = await call('settings.get', {}, DEMO_SUBDISTRICT_STAFF)
  expect(read).toMatchObject({ ok: true, data: { version: 3, savedBy: '市民政局 陈处长', settings: { minResidents: 10 } } })
  expect(await store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, minResidents: 10 })
  expect(await call('settings.save', { reason: '按省里要求调整', settings: DEFAULT_SETTINGS }, DEMO_SUBDISTRICT_STAFF)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('settings.get', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(emulator.documents('settings_versions')).toHaveLength(2)
})

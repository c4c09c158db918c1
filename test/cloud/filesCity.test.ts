// city.overview and city.export on the BUILT function `files` over the real wx-server-sdk and the CloudBase
// emulator, set up as admin.setup { demo: true } leaves an environment: each sub-district's row is its
// report as the function `api` answers it (report.get), the reads grow with the sub-districts (a few
// queries each, never a scan of ratings or of closed cases), and the .xlsx in cloud storage has the page's cells.
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { setUpEnvironment } from '@backend/setup/setup'
import { seedDemo } from '@backend/demo/seed'
import type { CityOverview } from '@core/city'
import { monthOf } from '@core/periods'
import type { Report } from '@core/reports'
import { CloudbaseEmulator } from '../cloudbase/emulator'
import { createSdkDatabase, loadCloudFunction, storageOf } from '../cloudbase/realSdk'
import { cityTable, expectedCityRows, sheetsOf } from '../support/citySheet'
import { FILES_BUNDLE } from '../support/filesFunction'
import { testSecrets } from '../support/secrets'

const BUREAU = 'dev-bureau'
const now = new Date()
const [year, month] = monthOf(now).split('-').map(Number) as [number, number]
const PERIOD = month <= 6 ? `${year - 1}-H2` : `${year}-H1`

let emulator: CloudbaseEmulator
beforeAll(async () => {
  emulator = new CloudbaseEmulator()
  await setUpEnvironment(new CloudStore(createSdkDatabase(emulator, 'setup')), now, { demo: seedDemo }, testSecrets)
}, 120_000)
afterAll(() => emulator.dispose())

type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string }
function dataOf<T>(reply: unknown): T {
  const envelope = reply as Reply<T>
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`)
  return envelope.data
}

it('gives each sub-district its report\'s summary, in a few reads per sub-district', async () => {
  const api = loadCloudFunction(emulator, { instanceId: 'api-1' })
  const files = loadCloudFunction(emulator, { instanceId: 'city-1', bundle: FILES_BUNDLE })
  const city = dataOf<CityOverview>(await files.invoke({ action: 'city.overview', payload: { period: PERIOD } }, { openid: BUREAU }))
  const reads = emulator.requests.filter((r) => r.instance === 'city-1').map((r) => `${r.api} ${r.collection ?? ''}`.trim())
  expect(city.rows.map((row) => row.subdistrictName).sort()).toEqual(['浮山办事处', '温泉办事处'])
  for (const row of city.rows) {
    const report = dataOf<Report>(await api.invoke({ action: 'report.get', payload: { kind: 'halfyear', period: PERIOD, subdistrictId: row.subdistrictId } }, { openid: BUREAU }))
    expect([row.workers, row.grades, row.avgGridTimeRatio]).toEqual([report.workers, report.grades, report.avgGridTimeRatio])
  }
  // The demo's closed months have no snapshot yet here: both sub-districts are evaluated live, the period
  // and the six months of the trend. Still a fixed number of queries each, the open items read filtered.
  const count = (request: string) => reads.filter((r) => r === request).length
  expect(count('database.getDocument subdistricts')).toBe(1)
  expect([count('database.getDocument cases'), count('database.getDocument appeals')]).toEqual([2, 2])
  expect(reads.filter((r) => /resident_ratings|feedback|field_sessions|visits/.test(r))).toEqual([])
  expect(reads.length).toBeLessThanOrEqual(2 + 2 * 20)
})

it('writes to cloud storage the cells of the page, and refuses sub-district staff (403) writing nothing', async () => {
  const files = loadCloudFunction(emulator, { instanceId: 'city-2', bundle: FILES_BUNDLE })
  const page = dataOf<CityOverview>(await files.invoke({ action: 'city.overview', payload: { period: PERIOD } }, { openid: BUREAU }))
  const reply = dataOf<{ fileId: string }>(await files.invoke({ action: 'city.export', payload: { period: PERIOD } }, { openid: BUREAU }))
  expect(reply).toEqual({ fileId: expect.stringMatching(/^cloud:\/\/.*\/exports\/.*\.xlsx$/) })
  const sheets = await sheetsOf(storageOf(emulator).fileOf(reply.fileId) as Buffer)
  expect(cityTable(sheets['全市概览'] ?? []).body).toEqual(expectedCityRows(page))
  const before = storageOf(emulator).files.size
  for (const action of ['city.overview', 'city.export']) {
    expect(await files.invoke({ action, payload: { period: PERIOD } }, { openid: 'dev-subdistrict-fushan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
  expect(storageOf(emulator).files.size).toBe(before)
})

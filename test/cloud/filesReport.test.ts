// report.export on the BUILT function `files` over the real wx-server-sdk and the CloudBase emulator, set
// up as admin.setup { demo: true } leaves an environment: the 浮山办事处 report of the last half-year as
// the function `api` answers it to the page (report.get), and the .xlsx `files` writes to cloud storage
// and answers as its file ID — the same summary and the same cells, row by row.
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { DEMO_SUBDISTRICT_ID } from '@backend/demo/seed'
import { setUpEnvironment } from '@backend/setup/setup'
import { seedDemo } from '@backend/demo/seed'
import { monthOf } from '@core/periods'
import type { Report } from '@core/reports'
import { CloudbaseEmulator } from '../cloudbase/emulator'
import { createSdkDatabase, loadCloudFunction, storageOf } from '../cloudbase/realSdk'
import { expectedCells, sheetValues, summaryValue, workerTable } from '../support/reportSheet'
import { FILES_BUNDLE } from '../support/filesFunction'
import { testSecrets } from '../support/secrets'

const BUREAU = 'dev-bureau'
const now = new Date()
const [year, month] = monthOf(now).split('-').map(Number) as [number, number]
const PAYLOAD = { kind: 'halfyear', period: month <= 6 ? `${year - 1}-H2` : `${year}-H1`, subdistrictId: DEMO_SUBDISTRICT_ID }

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

it('writes to cloud storage the numbers api answers the page, cell by cell', async () => {
  const api = loadCloudFunction(emulator, { instanceId: 'api-1' })
  const files = loadCloudFunction(emulator, { instanceId: 'files-1', bundle: FILES_BUNDLE })
  const report = dataOf<Report>(await api.invoke({ action: 'report.get', payload: PAYLOAD }, { openid: BUREAU }))
  expect(report.workers).toBe(30)
  const reply = dataOf<{ fileId: string }>(await files.invoke({ action: 'report.export', payload: PAYLOAD }, { openid: BUREAU }))
  expect(reply).toEqual({ fileId: expect.stringMatching(/^cloud:\/\/.*\/exports\/.*\.xlsx$/) })
  const bytes = storageOf(emulator).fileOf(reply.fileId)
  expect(bytes).toBeDefined()
  const rows = await sheetValues(bytes as Buffer)
  expect(summaryValue(rows, '人数').value).toBe(30)
  expect(summaryValue(rows, '平均在网格时间').value).toBe(report.avgGridTimeRatio)
  expect(summaryValue(rows, '优秀').value).toBe(report.grades.优秀)
  expect(summaryValue(rows, '设置版本').value).toBe(report.settingsVersion)
  const { header, body } = workerTable(rows)
  // A row's trailing empty cells are not stored: read each row as wide as the header.
  expect(body.map((cells) => header.map((_, k) => cells[k] ?? null))).toEqual(report.rows.map((row) => expectedCells('halfyear', row)))
})

it('refuses the other sub-district\'s staff (403) and writes no file', async () => {
  const files = loadCloudFunction(emulator, { instanceId: 'files-2', bundle: FILES_BUNDLE })
  const before = storageOf(emulator).files.size
  expect(await files.invoke({ action: 'report.export', payload: PAYLOAD }, { openid: 'dev-subdistrict-wenquan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(storageOf(emulator).files.size).toBe(before)
})

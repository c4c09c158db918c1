// The scoring sheet on the BUILT function over the real wx-server-sdk and the CloudBase emulator:
// draft -> submit -> locked -> change with a reason, for the demo's 30 workers of 浮山 in one
// `sheets` document; the submitted scores land as party D (subdistrict_scores) and the change in `audit`;
// two instances saving from the same version at once: exactly one lands, the other is 409.
import { DEMO_SUBDISTRICT_ID, DEMO_SUBDISTRICT_STAFF, demoOrg } from '@backend/demo/seedOrg'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { Envelope } from '@core/errors'
import type { SheetView } from '@core/sheetSchemas'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { withKey } from '../support/keys'

let emulator: CloudbaseEmulator
let store: CloudStore
let api: CloudFunctionInstance
let other: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator, store } = await setUpCloud(demoOrg()))
  api = loadCloudFunction(emulator, { instanceId: 'api-1' })
  other = loadCloudFunction(emulator, { instanceId: 'api-2' })
})
afterEach(() => emulator.dispose())

const SHEET = { kind: 'period', period: '2025-11' } as const
const call = async (action: string, payload: unknown, openid: string | null = DEMO_SUBDISTRICT_STAFF, instance = api) =>
  (await instance.invoke({ action, payload }, openid === null ? {} : { openid })) as Envelope<unknown>
const data = <T>(reply: Envelope<unknown>): T => {
  if (!reply.ok) throw new Error(JSON.stringify(reply))
  return reply.data as T
}
const codes = [...Array.from({ length: 18 }, (_, i) => `YQ${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 12 }, (_, i) => `QL${String(i + 1).padStart(2, '0')}`)]
const scoreOf = async (workerCode: string) =>
  (await store.listSubdistrictScores(DEMO_SUBDISTRICT_ID, ['2025-11'])).find((s) => s.workerCode === workerCode)?.score ?? null

it('runs draft -> submit -> locked -> change for 30 workers; D follows the sheet; the change is audited', async () => {
  const fresh = data<SheetView>(await call('sheet.get', SHEET))
  expect([fresh.status, fresh.rows.length]).toEqual(['new', 30])
  // a draft of 29 rows: 35 + 35 + 17.5 = 87.5 each, YQ01 38.5 + 36 + 18.7 = 93.2; QL12 not scored yet
  const rows = codes.slice(0, 29).map((workerCode) => ({ workerCode, points: workerCode === 'YQ01' ? [38.5, 36, 18.7] : [35, 35, 17.5] }))
  expect(data<SheetView>(await call('sheet.save', { ...SHEET, version: 0, rows })).version).toBe(1)
  const missing = await call('sheet.submit', { ...SHEET, version: 1, idempotencyKey: 'cloud-submit-1' })
  expect(missing).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/^还有 1 位工作者未评分：/) })
  expect(await scoreOf('YQ01')).toBeNull()

  const submitted = data<SheetView>(await call('sheet.submit', { ...SHEET, version: 1, rows: [{ workerCode: 'QL12', points: [20, 20, 10] }], idempotencyKey: 'cloud-submit-2' }))
  expect(submitted).toMatchObject({ status: 'submitted', version: 2 })
  expect([await scoreOf('YQ01'), await scoreOf('YQ02'), await scoreOf('QL12')]).toEqual([93.2, 87.5, 50])
  expect(emulator.documents('sheets')).toHaveLength(1)

  expect(await call('sheet.save', { ...SHEET, version: 2, rows: [] })).toEqual({ ok: false, code: 'CONFLICT', message: '评分表已提交，如需修改请填写修改理由' })
  expect(await call('score.submit', withKey({ workerCode: 'YQ01', period: '2025-11', score: 60 }))).toMatchObject({ ok: false, code: 'CONFLICT' })

  const changed = data<SheetView>(
    await call('sheet.change', { ...SHEET, version: 2, rows: [{ workerCode: 'QL12', points: [30, 30, 15] }], reason: '补充走访记录后重新评定', idempotencyKey: 'cloud-change-1' }),
  )
  expect(changed).toMatchObject({ status: 'submitted', version: 3, changes: [{ reason: '补充走访记录后重新评定', rows: 1 }] })
  expect(await scoreOf('QL12')).toBe(75)
  const audit = emulator.documents('audit') as unknown as Array<{ action: string; reason?: string; details: { changes?: unknown } }>
  expect(audit.map((e) => e.action).sort()).toEqual(['sheet.change', 'sheet.submit'])
  expect(audit.find((e) => e.action === 'sheet.change')).toMatchObject({
    reason: '补充走访记录后重新评定',
    details: { changes: [{ workerCode: 'QL12', from: [20, 20, 10], to: [30, 30, 15] }] },
  })
})

it('of two instances saving from the same version at once, exactly one lands; the other is told to reload', async () => {
  data(await call('sheet.save', { ...SHEET, version: 0, rows: [{ workerCode: 'YQ01', points: [30, 30, 15] }] }))
  const [a, b] = await Promise.all([
    call('sheet.save', { ...SHEET, version: 1, rows: [{ workerCode: 'YQ01', points: [31, 30, 15] }] }),
    call('sheet.save', { ...SHEET, version: 1, rows: [{ workerCode: 'YQ01', points: [32, 30, 15] }] }, DEMO_SUBDISTRICT_STAFF, other),
  ])
  expect([a.ok, b.ok].sort()).toEqual([false, true])
  expect([a, b].find((reply) => !reply.ok)).toEqual({ ok: false, code: 'CONFLICT', message: '评分表已被他人修改，请刷新后再操作' })
  const landed = a.ok ? 31 : 32
  const sheet = await store.sheets.getSheet(DEMO_SUBDISTRICT_ID, 'period', '2025-11')
  expect(sheet?.version).toBe(2)
  expect(sheet?.rows.find((r) => r.workerCode === 'YQ01')?.points).toEqual([landed, 30, 15])
})

it('lets the bureau read 浮山’s sheet but not save it; 温泉’s staff get 403 on 浮山’s', async () => {
  data(await call('sheet.save', { ...SHEET, version: 0, rows: [{ workerCode: 'YQ01', points: [30, 30, 15] }] }))
  expect(data<SheetView>(await call('sheet.get', { ...SHEET, subdistrictId: DEMO_SUBDISTRICT_ID }, 'dev-bureau'))).toMatchObject({ status: 'draft', editable: false })
  expect(await call('sheet.save', { ...SHEET, subdistrictId: DEMO_SUBDISTRICT_ID, version: 1, rows: [] }, 'dev-bureau')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('sheet.get', { ...SHEET, subdistrictId: DEMO_SUBDISTRICT_ID }, 'dev-subdistrict-wenquan')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await store.sheets.getSheet(DEMO_SUBDISTRICT_ID, 'period', '2025-11'))?.version).toBe(1)
})

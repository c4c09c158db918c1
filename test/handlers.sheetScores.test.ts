// What a scoring sheet moves, through dispatch on a real SqliteStore: a submitted
// 'period' sheet's scores ARE party D of its period (and every change moves them); score.submit may not
// bypass a submitted sheet; the year-end review feeds listYearEnd; a sheet keeps the criteria it was
// created with; a closed period's stale snapshot is dropped; settings.save is audited; and a submit whose
// instance died after writing the sheet converges when retried.
// smallOrg: 浮山 has 张敏 (W001) and 李强 (W002). Now: 2026-03-15.
import type { EvaluationRow } from '@core/types'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { SheetView } from '@core/sheetSchemas'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-03-15T02:00:00Z'))
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string | null = OPENID.fushanStaff) => api.call({ action, payload }, openid)
const submit = (kind: string, period: string, x: number[], y: number[], key: string) =>
  call('sheet.submit', { kind, period, version: 0, rows: [{ workerCode: X, points: x }, { workerCode: Y, points: y }], idempotencyKey: key })
const dOf = async (period: string) => {
  const { rows } = dataOf<{ rows: EvaluationRow[] }>(await call('evaluation.get', { period }))
  return Object.fromEntries(rows.map((row) => [row.workerCode, row.subdistrict?.score ?? null]))
}

it('a submitted month sheet is party D of the month: 张敏 38.5 + 36 + 18.7 = 93.2, 李强 30 + 32.5 + 17 = 79.5', async () => {
  expect(await dOf('2026-02')).toEqual({ [X]: null, [Y]: null })
  await call('sheet.save', { kind: 'period', period: '2026-02', version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }, { workerCode: Y, points: [30, 32.5, 17] }] })
  // a draft is not a score yet
  expect(await dOf('2026-02')).toEqual({ [X]: null, [Y]: null })
  dataOf(await call('sheet.submit', { kind: 'period', period: '2026-02', version: 1, idempotencyKey: 'submit-0001' }))
  expect(await dOf('2026-02')).toEqual({ [X]: 93.2, [Y]: 79.5 })
})

it('a change moves D, and the half-year falls back to the mean of the months: (94.2 + 90) / 2 = 92.1', async () => {
  await submit('period', '2026-02', [38.5, 36, 18.7], [30, 32.5, 17], 'submit-0001')
  await submit('period', '2026-03', [36, 36, 18], [32, 32, 16], 'submit-0002')
  expect(await dOf('2026-H1')).toEqual({ [X]: 91.6, [Y]: 79.8 }) // (93.2 + 90) / 2, (79.5 + 80) / 2 = 79.75 -> 79.8
  dataOf(await call('sheet.change', { kind: 'period', period: '2026-02', version: 1, rows: [{ workerCode: X, points: [38.5, 36, 19.7] }], reason: '复核考勤后更正纪律作风得分', idempotencyKey: 'change-0001' }))
  expect(await dOf('2026-02')).toEqual({ [X]: 94.2, [Y]: 79.5 })
  expect(await dOf('2026-H1')).toEqual({ [X]: 92.1, [Y]: 79.8 })
})

it('score.submit may not bypass a submitted sheet of its period (409), but still enters a month without one', async () => {
  await submit('period', '2026-02', [38.5, 36, 18.7], [30, 32.5, 17], 'submit-0001')
  expect(await call('score.submit', withKey({ workerCode: X, period: '2026-02', score: 60 }))).toEqual({
    ok: false, code: 'CONFLICT', message: '本期评分表已提交，如需修改请在评分表中填写修改理由',
  })
  expect((await dOf('2026-02'))[X]).toBe(93.2)
  dataOf(await call('score.submit', withKey({ workerCode: X, period: '2026-01', score: 60 })))
  expect((await dOf('2026-01'))[X]).toBe(60)
})

it('the submitted year-end review feeds listYearEnd and is no period score: D of 2025 stays empty', async () => {
  await call('sheet.save', { kind: 'yearEnd', period: '2025', version: 0, rows: [{ workerCode: X, points: [35, 35, 18.5] }] })
  expect(await api.store.sheets.listYearEnd(FUSHAN, '2025')).toEqual([])
  dataOf(await call('sheet.submit', { kind: 'yearEnd', period: '2025', version: 1, rows: [{ workerCode: Y, points: [20, 25.5, 10] }], idempotencyKey: 'submit-0001' }))
  expect(await api.store.sheets.listYearEnd(FUSHAN, '2025')).toEqual([{ workerCode: X, score: 88.5 }, { workerCode: Y, score: 55.5 }])
  expect(await dOf('2025')).toEqual({ [X]: null, [Y]: null })
})

it('a sheet keeps the criteria it was created with when the bureau changes them; a new sheet takes the new ones', async () => {
  await call('sheet.save', { kind: 'period', period: '2026-02', version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }] })
  const criteria = [{ name: '群众口碑', weight: 60 }, { name: '工作实绩', weight: 40 }]
  dataOf(await call('settings.save', { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, sheetCriteria: criteria } }, OPENID.bureau))
  const kept = dataOf<SheetView>(await call('sheet.get', { kind: 'period', period: '2026-02' }))
  expect(kept.criteria.map((c) => c.name)).toEqual(['履职尽责', '工作实绩', '纪律作风'])
  expect(kept.rows[0].score).toBe(93.2)
  const fresh = dataOf<SheetView>(await call('sheet.get', { kind: 'period', period: '2026-03' }))
  expect(fresh.criteria).toEqual(criteria)
  expect(fresh.rows[0].points).toEqual([null, null])
})

it('drops the stale snapshot of a closed month it changes, and no other', async () => {
  const snapshot = (period: string) => ({ subdistrictId: FUSHAN, period, settingsVersion: 1, settings: DEFAULT_SETTINGS, takenAt: '2026-03-02T16:00:00.000Z', rows: [] })
  await api.store.snapshots.put(snapshot('2026-01'))
  await api.store.snapshots.put(snapshot('2026-02'))
  await submit('period', '2026-02', [38.5, 36, 18.7], [30, 32.5, 17], 'submit-0001')
  expect(await api.store.snapshots.listTaken(FUSHAN, ['2026-01', '2026-02'])).toEqual(['2026-01'])
})

it('audits settings.save: who, the version, and which settings changed', async () => {
  dataOf(await call('settings.save', { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, excellentQuota: 0.3 } }, OPENID.bureau))
  const { entries } = await api.store.audit.list({ action: 'settings.save' }, { limit: 10 })
  expect(entries).toEqual([
    expect.objectContaining({ by: { openid: OPENID.bureau, role: 'bureau', name: '市民政局 赵处长' }, target: 'settings:v2', details: { version: 2, changed: ['excellentQuota'], values: { excellentQuota: { from: 0.2, to: 0.3 } } } }),
  ])
})

it('converges when the instance died after writing the sheet: the retried submit writes D and one audit entry', async () => {
  // What a submit that died right after its sheet write leaves: the sheet submitted, no D, no audit, no idempotency record.
  const sheet = (await api.store.sheets.getSheet(FUSHAN, 'period', '2026-02')) ?? null
  expect(sheet).toBeNull()
  await api.store.sheets.putSheet({
    subdistrictId: FUSHAN, kind: 'period', period: '2026-02', status: 'submitted', version: 1, criteria: DEFAULT_SETTINGS.sheetCriteria,
    rows: [{ workerCode: X, points: [38.5, 36, 18.7] }, { workerCode: Y, points: [30, 32.5, 17] }],
    createdAt: '2026-03-15T02:00:00.000Z', updatedAt: '2026-03-15T02:00:00.000Z', updatedBy: { openid: OPENID.fushanStaff, name: '浮山办事处 刘科长' },
    submittedAt: '2026-03-15T02:00:00.000Z', submittedBy: { openid: OPENID.fushanStaff, name: '浮山办事处 刘科长' }, changes: [],
  })
  expect(await dOf('2026-02')).toEqual({ [X]: null, [Y]: null })
  const retried = dataOf<SheetView>(await submit('period', '2026-02', [38.5, 36, 18.7], [30, 32.5, 17], 'submit-0001'))
  expect(retried).toMatchObject({ status: 'submitted', version: 1 })
  expect(await dOf('2026-02')).toEqual({ [X]: 93.2, [Y]: 79.5 })
  expect((await api.store.audit.list({ action: 'sheet.submit' }, { limit: 10 })).entries).toHaveLength(1)
  // a submit from the version now stored is no retry of that one: the sheet is locked
  expect(await call('sheet.submit', { kind: 'period', period: '2026-02', version: 1, idempotencyKey: 'submit-0009' })).toEqual({ ok: false, code: 'CONFLICT', message: '评分表已提交，如需修改请填写修改理由' })
})

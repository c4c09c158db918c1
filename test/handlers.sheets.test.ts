// The scoring sheet's flow through dispatch on a real SqliteStore: draft (saved any number
// of times, with the version it edited) -> submitted (every row complete) -> locked -> changed with a reason.
// Sub-district staff edit their own sub-district's sheet only; the bureau reads; anonymous is 401. A
// rejected call stores nothing: each such test reads the store after.
// smallOrg: 浮山 has 张敏 (W001) and 李强 (W002); 温泉 has 王芳 (W101). Now: 2026-03-15.
import type { SheetSaveResult, SheetView } from '@core/sheetSchemas'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, WENQUAN, X, Y } from './support/smallOrg'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-03-15T02:00:00Z'))
})
afterEach(() => api.close())

const FEB = { kind: 'period', period: '2026-02' } as const
const call = (action: string, payload: object, openid: string | null = OPENID.fushanStaff) => api.call({ action, payload }, openid)
const view = async (action: string, payload: object, openid?: string | null) => dataOf<SheetView>(await call(action, payload, openid))
const stored = () => api.store.sheets.getSheet(FUSHAN, 'period', '2026-02')

describe('draft', () => {
  it('starts new: every worker an empty row on the criteria in force, version 0', async () => {
    const sheet = await view('sheet.get', FEB)
    expect(sheet).toMatchObject({ subdistrict: '浮山办事处', status: 'new', version: 0, editable: true, changes: [] })
    expect(sheet.criteria.map((c) => `${c.name}${c.weight}`)).toEqual(['履职尽责40', '工作实绩40', '纪律作风20'])
    expect(sheet.rows).toEqual([
      { workerCode: X, name: '张敏', community: '银泉社区', points: [null, null, null], score: null },
      { workerCode: Y, name: '李强', community: '青龙社区', points: [null, null, null], score: null },
    ])
  })

  it('saves incomplete rows as a draft, then again from version 1 to 2; totals 38.5 + 36 + 18.7 = 93.2', async () => {
    const first = await view('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [38.5, 36, null] }] })
    expect(first).toMatchObject({ status: 'draft', version: 1 })
    expect(first.rows[0]).toMatchObject({ points: [38.5, 36, null], score: null })
    const second = await view('sheet.save', { ...FEB, version: 1, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }] })
    expect(second.version).toBe(2)
    expect(second.rows.map((r) => r.score)).toEqual([93.2, null])
  })

  it('refuses a save from a stale version with 409 and a message to reload, and keeps the newer one', async () => {
    await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [30, 30, 15] }] })
    const stale = await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [1, 1, 1] }] })
    expect(stale).toEqual({ ok: false, code: 'CONFLICT', message: '评分表已被他人修改，请刷新后再操作' })
    expect((await stored())?.rows[0].points).toEqual([30, 30, 15])
  })

  it('keeps the cells that fit and refuses 40.1 and 12.25 cell by cell, naming worker, item, value and why; nothing stored for them', async () => {
    const saved = dataOf<SheetSaveResult>(
      await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [40.1, 30, 15] }, { workerCode: Y, points: [30, 30, 12.25] }] }),
    )
    expect(saved.refused).toEqual([
      { workerCode: X, criterion: 0, value: 40.1, message: '张敏的“履职尽责”填了 40.1，超过满分 40，没有保存' },
      { workerCode: Y, criterion: 2, value: 12.25, message: '李强的“纪律作风”填了 12.25，最多一位小数，没有保存' },
    ])
    expect(saved).toMatchObject({ status: 'draft', version: 1 })
    expect((await stored())?.rows).toEqual([
      { workerCode: X, points: [null, 30, 15] },
      { workerCode: Y, points: [30, 30, null] },
    ])
  })

  it('keeps the stored 30 when 45 is typed over it, and takes the rest of the row', async () => {
    await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [30, 30, 15] }] })
    const saved = dataOf<SheetSaveResult>(await call('sheet.save', { ...FEB, version: 1, rows: [{ workerCode: X, points: [45, 36, 18] }] }))
    expect(saved.refused).toEqual([{ workerCode: X, criterion: 0, value: 45, message: '张敏的“履职尽责”填了 45，超过满分 40，没有保存' }])
    expect(saved.rows[0]).toMatchObject({ points: [30, 36, 18], score: 84 })
    expect((await stored())?.rows[0].points).toEqual([30, 36, 18])
  })

  it('answers a save with every cell fitting with nothing refused', async () => {
    expect(dataOf<SheetSaveResult>(await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }] })).refused).toEqual([])
  })

  it('still refuses the whole save for a worker of another sub-district or a row of the wrong length; stores nothing', async () => {
    expect(await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [30, 30, 15] }, { workerCode: 'W101', points: [30, 30, 15] }] })).toEqual({
      ok: false, code: 'INVALID_INPUT', message: '工号 W101 不是本街道在岗的工作者，请刷新后再试',
    })
    expect(await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [30, 30] }] })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '张敏：每位工作者应有 3 项得分' })
    expect(await stored()).toBeNull()
  })

  it('refuses a period that has not started (2026-04 on 2026-03-15) and a year-end review of a month', async () => {
    expect(await call('sheet.save', { kind: 'period', period: '2026-04', version: 0, rows: [] })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '不能为尚未开始的考核期打分' })
    expect(await call('sheet.get', { kind: 'yearEnd', period: '2026-02' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await api.store.sheets.getSheet(FUSHAN, 'period', '2026-04')).toBeNull()
  })
})

describe('submit and lock', () => {
  it('refuses to submit while a worker is unscored, naming them, and stays a draft', async () => {
    await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }] })
    const reply = await call('sheet.submit', { ...FEB, version: 1, idempotencyKey: 'submit-0001' })
    expect(reply).toEqual({ ok: false, code: 'INVALID_INPUT', message: '还有 1 位工作者未评分：李强' })
    expect(await stored()).toMatchObject({ status: 'draft', version: 1 })
  })

  it('refuses a submit with a cell that does not fit as a whole (a submitted sheet is all or nothing); stores nothing', async () => {
    const reply = await call('sheet.submit', { ...FEB, version: 0, rows: [{ workerCode: X, points: [45, 36, 18.7] }, { workerCode: Y, points: [30, 32.5, 17] }], idempotencyKey: 'submit-0001' })
    expect(reply).toEqual({ ok: false, code: 'INVALID_INPUT', message: '张敏：“履职尽责”填了 45，超过满分 40' })
    expect(await stored()).toBeNull()
  })

  it('submits with the last rows in the same call, then locks: save and submit are refused with the message', async () => {
    await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }] })
    const submitted = await view('sheet.submit', { ...FEB, version: 1, rows: [{ workerCode: Y, points: [30, 32.5, 17] }], idempotencyKey: 'submit-0001' })
    expect(submitted).toMatchObject({ status: 'submitted', version: 2, submittedAt: '2026-03-15T02:00:00.000Z', submittedBy: '浮山办事处 刘科长' })
    expect(submitted.rows.map((r) => r.score)).toEqual([93.2, 79.5])
    const locked = { ok: false, code: 'CONFLICT', message: '评分表已提交，如需修改请填写修改理由' }
    expect(await call('sheet.save', { ...FEB, version: 2, rows: [{ workerCode: X, points: [1, 1, 1] }] })).toEqual(locked)
    expect(await call('sheet.submit', { ...FEB, version: 2, idempotencyKey: 'submit-0002' })).toEqual(locked)
    expect((await stored())?.version).toBe(2)
  })

  it('answers a retried submit (same key) with the first result and writes nothing more', async () => {
    const payload = { ...FEB, version: 0, rows: [{ workerCode: X, points: [40, 40, 20] }, { workerCode: Y, points: [20, 20, 10] }], idempotencyKey: 'submit-0001' }
    const first = await view('sheet.submit', payload)
    expect(await view('sheet.submit', payload)).toEqual(first)
    expect((await stored())?.version).toBe(1)
    expect((await api.store.audit.list({ action: 'sheet.submit' }, { limit: 10 })).entries).toHaveLength(1)
  })
})

describe('change with a reason', () => {
  const submit = () => call('sheet.submit', { ...FEB, version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }, { workerCode: Y, points: [30, 32.5, 17] }], idempotencyKey: 'submit-0001' })

  it('changes 张敏 93.2 -> 94.2, stays submitted, shows the change, and audits who, when, why, old -> new', async () => {
    await submit()
    api.now = new Date('2026-03-16T03:00:00Z')
    const changed = await view('sheet.change', { ...FEB, version: 1, rows: [{ workerCode: X, points: [38.5, 36, 19.7] }], reason: '复核考勤后更正纪律作风得分', idempotencyKey: 'change-0001' })
    expect(changed).toMatchObject({ status: 'submitted', version: 2, changes: [{ at: '2026-03-16T03:00:00.000Z', by: '浮山办事处 刘科长', reason: '复核考勤后更正纪律作风得分', rows: 1, scores: [{ workerCode: X, name: '张敏', from: 93.2, to: 94.2 }] }] })
    expect(changed.rows.map((r) => r.score)).toEqual([94.2, 79.5])
    const [entry] = (await api.store.audit.list({ action: 'sheet.change' }, { limit: 10 })).entries
    expect(entry).toMatchObject({
      at: '2026-03-16T03:00:00.000Z',
      by: { openid: OPENID.fushanStaff, role: 'subdistrict', name: '浮山办事处 刘科长' },
      subdistrictId: FUSHAN,
      target: 'sheet:period:2026-02',
      reason: '复核考勤后更正纪律作风得分',
      details: { changes: [{ workerCode: X, from: [38.5, 36, 18.7], to: [38.5, 36, 19.7] }] },
    })
  })

  it('refuses a reason under 5 characters, a change of nothing, a blanked score and a draft; stores nothing', async () => {
    expect(await call('sheet.change', { ...FEB, version: 0, rows: [{ workerCode: X, points: [1, 1, 1] }], reason: '草稿不能这样改', idempotencyKey: 'change-0000' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    await submit()
    const change = (rows: object[], reason: string, key: string) => call('sheet.change', { ...FEB, version: 1, rows, reason, idempotencyKey: key })
    expect(await change([{ workerCode: X, points: [38.5, 36, 19.7] }], '改分', 'change-0001')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '修改理由至少 5 个字，请写清为什么修改' })
    expect(await change([{ workerCode: X, points: [38.5, 36, 18.7] }], '复核后没有变化', 'change-0002')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '没有改动任何得分' })
    expect(await change([{ workerCode: X, points: [38.5, null, 18.7] }], '复核后删去一项', 'change-0003')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '张敏的得分不完整，修改后每项都要有分' })
    expect(await stored()).toMatchObject({ version: 1, changes: [] })
    expect((await api.store.audit.list({ action: 'sheet.change' }, { limit: 10 })).entries).toEqual([])
  })
})

describe('scope', () => {
  it('sub-district staff may not read or edit another sub-district’s sheet: 403, nothing stored', async () => {
    const forbidden = { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
    expect(await call('sheet.get', { ...FEB, subdistrictId: WENQUAN })).toEqual(forbidden)
    expect(await call('sheet.save', { ...FEB, subdistrictId: WENQUAN, version: 0, rows: [] })).toEqual(forbidden)
    expect(await api.store.sheets.getSheet(WENQUAN, 'period', '2026-02')).toBeNull()
  })

  it('the bureau reads any sub-district’s sheet, not editable, and may not save; a community admin may not read; anonymous is 401', async () => {
    await call('sheet.save', { ...FEB, version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }] })
    const read = await view('sheet.get', { ...FEB, subdistrictId: FUSHAN }, OPENID.bureau)
    expect(read).toMatchObject({ status: 'draft', editable: false })
    expect(read.rows[0].score).toBe(93.2)
    expect(await call('sheet.get', FEB, OPENID.bureau)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请选择街道' })
    expect(await call('sheet.save', { ...FEB, subdistrictId: FUSHAN, version: 1, rows: [] }, OPENID.bureau)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('sheet.get', FEB, OPENID.communityAdmin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('sheet.get', FEB, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect((await stored())?.version).toBe(1)
  })
})

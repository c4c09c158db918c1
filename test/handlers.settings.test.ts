// settings.get and settings.save through dispatch on a real SqliteStore (DESIGN section 3):
// every staff role reads the settings in force and their version; the bureau alone saves; an invalid
// setting is 400 INVALID_INPUT naming it in the message and in `field`, and nothing is stored; each good
// save makes the next version, kept with who, when and the values it replaced.
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Settings } from '@core/types'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { OPENID } from './support/smallOrg'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-03-15T02:00:00Z'))
})
afterEach(() => api.close())

const save = (settings: unknown, openid: string | null = OPENID.bureau) => api.call({ action: 'settings.save', payload: { reason: '按省里要求调整', settings } }, openid)
const get = (openid: string | null = OPENID.bureau) => api.call({ action: 'settings.get', payload: {} }, openid)

/** Nothing stored: still version 1, the defaults, no history. */
async function expectNothingSaved(): Promise<void> {
  expect(await api.store.getSettings()).toEqual(DEFAULT_SETTINGS)
  expect(await api.store.settings.history()).toEqual([])
  expect(dataOf<{ version: number }>(await get()).version).toBe(1)
}

describe('settings.save rejects an invalid setting, naming it, and saves nothing', () => {
  it('weights 0.4 + 0.3 + 0.2 = 0.9, not 1: field weights, message 三方权重', async () => {
    const reply = await save({ ...DEFAULT_SETTINGS, weights: { residents: 0.4, recipients: 0.3, subdistrict: 0.2 } })
    expect(reply).toEqual({ ok: false, code: 'INVALID_INPUT', field: 'weights', message: 'weights（三方权重）之和必须等于 1' })
    await expectNothingSaved()
  })

  it('a daily share of 0.5, below the 60% of the 6 of 3456: field dailyShare', async () => {
    const reply = await save({ ...DEFAULT_SETTINGS, dailyShare: 0.5 })
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'dailyShare' })
    expect(reply.ok === false && reply.message).toContain('日常考核占比')
    await expectNothingSaved()
  })

  it('level points 0, 20, 80, 60, 100 (level 4 below level 3): field levelPoints', async () => {
    const reply = await save({ ...DEFAULT_SETTINGS, levelPoints: [0, 20, 80, 60, 100] })
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'levelPoints' })
    expect(reply.ok === false && reply.message).toContain('各等级分值')
    await expectNothingSaved()
  })

  it('a day both a holiday and a make-up workday: field makeupWorkdays; a missing setting names itself', async () => {
    const both = await save({ ...DEFAULT_SETTINGS, holidays: ['2026-10-08'], makeupWorkdays: ['2026-10-08'] })
    expect(both).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'makeupWorkdays' })
    const { priorWeight, ...withoutPrior } = DEFAULT_SETTINGS
    expect(priorWeight).toBe(5)
    expect(await save(withoutPrior)).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'priorWeight', message: '缺少 priorWeight（先验权重），请填写' })
    await expectNothingSaved()
  })
})

describe('settings.save versions every change', () => {
  it('a good save makes version 2, a second one version 3, with who, when and the previous values', async () => {
    const quota: Settings = { ...DEFAULT_SETTINGS, excellentQuota: 0.3 }
    const share: Settings = { ...quota, dailyShare: 0.7 }
    expect(await save(quota)).toEqual({ ok: true, data: { version: 2 } })
    api.now = new Date('2026-03-16T03:30:00Z')
    expect(await save(share)).toEqual({ ok: true, data: { version: 3 } })
    expect(await get(OPENID.fushanStaff)).toEqual({
      ok: true,
      data: { version: 3, settings: share, savedAt: '2026-03-16T03:30:00.000Z', savedBy: '市民政局 赵处长' },
    })
    expect(await api.store.getSettings()).toEqual(share)
    const history = await api.store.settings.history()
    expect(history.map((h) => [h.version, h.savedAt, h.savedBy.openid])).toEqual([
      [2, '2026-03-15T02:00:00.000Z', OPENID.bureau],
      [3, '2026-03-16T03:30:00.000Z', OPENID.bureau],
    ])
    expect(history[0].previous).toEqual(DEFAULT_SETTINGS)
    expect(history[1].previous).toEqual(quota)
  })
})

describe('who may read and save the settings', () => {
  it('version 1 before any save: the defaults, no saver', async () => {
    expect(await get(OPENID.communityAdmin)).toEqual({ ok: true, data: { version: 1, settings: DEFAULT_SETTINGS } })
  })

  it('anonymous 401, a resident or a worker 403, for reading and saving', async () => {
    expect(await get(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await save(DEFAULT_SETTINGS, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await get(OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await save(DEFAULT_SETTINGS, OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await get(OPENID.workerX)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('sub-district staff and community admins read but may not save, even valid settings; nothing is saved', async () => {
    expect(dataOf<{ version: number }>(await get(OPENID.fushanStaff)).version).toBe(1)
    const valid = { ...DEFAULT_SETTINGS, excellentQuota: 0.3 }
    expect(await save(valid, OPENID.fushanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await save(valid, OPENID.communityAdmin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expectNothingSaved()
  })
})

describe('a city-wide change says why', () => {
  const change = { ...DEFAULT_SETTINGS, gridTimeTarget: 0.67, rateLimitPerDay: 40 }
  const saveWith = (payload: object) => api.call({ action: 'settings.save', payload: { settings: change, ...payload } }, OPENID.bureau)

  it('refuses a save without a reason, or with one of 3 characters, and saves nothing', async () => {
    expect(await saveWith({})).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请写明修改理由' })
    expect(await saveWith({ reason: ' 按要求 ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请写明修改理由，至少 4 个字（会记入操作记录）' })
    await expectNothingSaved()
  })

  it('keeps the reason with the change in the audit log, and the change in the words the bureau confirmed', async () => {
    expect(await saveWith({ reason: '按省里要求，网格时间目标调整为三分之二' })).toEqual({ ok: true, data: { version: 2 } })
    const { entries } = await api.store.audit.list({ action: 'settings.save' }, { limit: 5 })
    expect(entries).toEqual([expect.objectContaining({ reason: '按省里要求，网格时间目标调整为三分之二', details: { version: 2, changed: ['gridTimeTarget', 'rateLimitPerDay'], values: { gridTimeTarget: { from: 0.5, to: 0.67 }, rateLimitPerDay: { from: 30, to: 40 } } } })])
    const listed = dataOf<{ entries: Array<{ summary: string[]; reason?: string }> }>(await api.call({ action: 'audit.list', payload: { action: 'settings.save' } }, OPENID.bureau))
    expect(listed.entries[0]).toMatchObject({ reason: '按省里要求，网格时间目标调整为三分之二', summary: ['网格工作时间目标：0.5 → 0.67', '每人每天最多提交：30 → 40'] })
  })
})

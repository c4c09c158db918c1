// The service hall's duty rota through dispatch, on the demo (银泉社区's 18 workers, YQ01 刘建华 … YQ18):
// the community's admin generates October 2026 and edits it; its sub-district and the bureau read it.
// October 2026 with the National Day holidays 10-01 … 10-07 and the make-up Saturday 10-10
// (src/core/gridTime.test.ts works the count out): 22 weekdays − 5 holiday weekdays + 1 = 18 working days.
// 4 a day: 72 duties over 18 workers, a mean of exactly 4; the rotation walks groups of four in code order
// from YQ01 (no September rota to continue), so each working day takes the next four of the cycle:
//   Th 10-08 YQ01–04, Fr 10-09 YQ05–08, Sa 10-10 YQ09–12, Mo 10-12 YQ13–16, Tu 10-13 YQ17, YQ18, YQ01, YQ02, …
// 72 = 4 whole cycles of 18: everyone works exactly 4 days. AB pair 刘建华 (YQ01) / 郑海燕 (YQ10): nine
// apart in the cycle, never within one day's four.
import type { HallRotaView } from '@core/hallSchemas'
import { DEFAULT_SETTINGS } from '@core/settings'
import { auditSummary } from '@core/auditSummaries'
import { NO_AUDIT_NAMES } from '@core/auditLabels'
import { dataOf } from './support/apiHarness'
import { demoCaller, type TestCaller } from './support/demoCaller'

const NOW = new Date('2026-08-20T02:00:00.000Z') // Thursday 10:00 China time: the demo's rotas run to August
const ADMIN = 'dev-community-yinquan'
const OTHER_ADMIN = 'dev-community-qinglong'
const SUBDISTRICT = 'dev-subdistrict-fushan'
const OTHER_SUBDISTRICT = 'dev-subdistrict-wenquan'
const BUREAU = 'dev-bureau'
const NATIONAL_DAY = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-09-20', '2026-10-10'],
}
const YQ = Array.from({ length: 18 }, (_, i) => `YQ${String(i + 1).padStart(2, '0')}`)
const GROUPS = [YQ.slice(0, 4), YQ.slice(4, 8), YQ.slice(8, 12), YQ.slice(12, 16), YQ.slice(16)]
const PAIRS = [{ a: 'YQ01', b: 'YQ10' }]

let demo: TestCaller
beforeEach(async () => {
  demo = await demoCaller({ now: NOW })
  await demo.store.saveSettings({ ...DEFAULT_SETTINGS, ...NATIONAL_DAY })
})
afterEach(() => demo.close())

let keys = 0
const key = () => `hall-test-${(keys += 1)}`
const generate = (openid = ADMIN, extra: object = {}) =>
  demo.call('hall.rota.generate', { period: '2026-10', staffing: 4, groups: GROUPS, pairs: PAIRS, idempotencyKey: key(), ...extra }, openid)
const onDay = (view: HallRotaView, date: string) => view.rota?.days.find((d) => d.date === date)?.duties.map((d) => d.workerCode)
const auditEntries = async () => (await demo.store.audit.list({}, { limit: 50 })).entries.filter((e) => e.action.startsWith('hall.'))

describe('hall.rota.generate', () => {
  it('puts 4 on duty on each of October’s 18 working days, nobody on the holidays, and everyone on exactly 4 days', async () => {
    const view = dataOf<HallRotaView>(await generate())
    expect(view.workingDays).toHaveLength(18)
    const rota = view.rota
    if (rota === null) throw new Error('no rota')
    expect(rota.days).toHaveLength(31)
    expect(rota.days.filter((d) => d.working).every((d) => d.duties.length === 4)).toBe(true)
    expect(rota.days.filter((d) => !d.working).every((d) => d.duties.length === 0)).toBe(true)
    expect(onDay(view, '2026-10-01')).toEqual([])
    expect(onDay(view, '2026-10-08')).toEqual(['YQ01', 'YQ02', 'YQ03', 'YQ04'])
    expect(onDay(view, '2026-10-10')).toEqual(['YQ09', 'YQ10', 'YQ11', 'YQ12'])
    expect(onDay(view, '2026-10-13')).toEqual(['YQ17', 'YQ18', 'YQ01', 'YQ02'])
    expect(rota.meanHallDays).toBe(4)
    expect(rota.workerDays.map((w) => w.hallDays)).toEqual(Array(18).fill(4))
    // The B of each on duty is named: 刘建华's is 郑海燕, and she is never on his days.
    expect(rota.days.find((d) => d.date === '2026-10-08')?.duties[0]).toEqual({ workerCode: 'YQ01', name: '刘建华', backup: { workerCode: 'YQ10', name: '郑海燕' } })
    expect(rota.days.some((d) => d.duties.some((x) => x.workerCode === 'YQ01') && d.duties.some((x) => x.workerCode === 'YQ10'))).toBe(false)
    expect(rota).toMatchObject({ version: 1, staffing: 4, updatedBy: expect.any(String) })
    expect(view.editable).toBe(true)
  })

  it('audits the generation in words: the month’s staffing and groups, and each AB pair by name', async () => {
    await generate()
    const [entry] = await auditEntries()
    expect(entry).toMatchObject({ action: 'hall.rota.generate', subdistrictId: 'fushan', target: 'community:yinquan' })
    const names = { ...NO_AUDIT_NAMES, workers: new Map([['YQ01', '刘建华'], ['YQ10', '郑海燕']]) }
    expect(auditSummary('hall.rota.generate', entry.details, names)).toEqual([
      '值班月份：2026年10月',
      '每天值班：4 人',
      '编组：5 组，共 18 人',
      'AB 岗：刘建华（YQ01）与 郑海燕（YQ10）',
    ])
  })

  it('answers a retry with the first rota and makes no second version', async () => {
    const payload = { period: '2026-10', staffing: 4, groups: GROUPS, pairs: PAIRS, idempotencyKey: 'hall-retry-0001' }
    const first = await demo.call('hall.rota.generate', payload, ADMIN)
    expect(await demo.call('hall.rota.generate', payload, ADMIN)).toEqual(first)
    expect((await demo.store.hall.getRota('yinquan', '2026-10'))?.version).toBe(1)
  })

  it('regenerates the current month from today on, keeping the days already past as they were', async () => {
    // August 2026, the demo's current month, has the demo's rota. Regenerated on Thursday 08-20 with 4 a
    // day, then again with 3: the days before 08-20 keep their four; from 08-20 on, three.
    const first = dataOf<HallRotaView>(await demo.call('hall.rota.generate', { period: '2026-08', staffing: 4, groups: GROUPS, pairs: [], idempotencyKey: key() }, ADMIN))
    const again = dataOf<HallRotaView>(await demo.call('hall.rota.generate', { period: '2026-08', staffing: 3, groups: GROUPS, pairs: [], idempotencyKey: key() }, ADMIN))
    const before = (view: HallRotaView) => view.rota?.days.filter((d) => d.date < '2026-08-20').map((d) => d.duties.map((x) => x.workerCode))
    expect(before(again)).toEqual(before(first))
    expect(onDay(again, '2026-08-19')).toHaveLength(4)
    expect(onDay(again, '2026-08-20')).toHaveLength(3)
    expect(again.rota?.version).toBe((first.rota?.version ?? 0) + 1)
    const [latest] = await auditEntries()
    // August 2026 starts on a Saturday: weekdays 3–7, 10–14 and 17–19, 13 days before the 20th.
    expect(auditSummary('hall.rota.generate', latest.details, NO_AUDIT_NAMES)).toEqual(['值班月份：2026年8月', '每天值班：4 人 → 3 人', '编组：5 组，共 18 人', 'AB 岗：无', '已过去的 13 天保持原样'])
  })

  const refusals: Array<[string, object, string, string]> = [
    ['a worker left out of the groups', { groups: [YQ.slice(0, 17)] }, 'INVALID_INPUT', '罗晓燕 还没有编组，请把每位在岗工作人员都编进一个组'],
    ['a worker of another community', { groups: [...GROUPS, ['QL01']] }, 'INVALID_INPUT', 'QL01 不是本社区在岗的工作人员，不能编入值班'],
    ['a past month', { period: '2026-07' }, 'INVALID_INPUT', '已经过去的月份不能再改值班表'],
  ]
  it.each(refusals)('refuses %s and stores nothing', async (_what, extra, code, message) => {
    expect(await generate(ADMIN, extra)).toEqual({ ok: false, code, message })
    expect(await demo.store.hall.getRota('yinquan', '2026-10')).toBeNull()
    expect(await auditEntries()).toEqual([])
  })

  it('is the community admin’s alone: sub-district staff and the bureau read, they do not generate', async () => {
    for (const openid of [SUBDISTRICT, BUREAU, 'dev-worker-YQ01', 'dev-resident-1']) {
      expect(await generate(openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(await demo.store.hall.getRota('yinquan', '2026-10')).toBeNull()
  })
})

describe('hall.rota.save', () => {
  const save = (change: object, version = 1, openid = ADMIN) => demo.call('hall.rota.save', { period: '2026-10', version, change, idempotencyKey: key() }, openid)

  it('swaps 刘建华 (10-08) and 李国栋 (YQ05, 10-09): each takes the other’s day, their hall days stay 4, audited old → new', async () => {
    await generate()
    const view = dataOf<HallRotaView>(await save({ kind: 'swap', first: { date: '2026-10-08', workerCode: 'YQ01' }, second: { date: '2026-10-09', workerCode: 'YQ05' } }))
    expect(onDay(view, '2026-10-08')).toEqual(['YQ05', 'YQ02', 'YQ03', 'YQ04'])
    expect(onDay(view, '2026-10-09')).toEqual(['YQ01', 'YQ06', 'YQ07', 'YQ08'])
    expect(view.rota?.version).toBe(2)
    expect(view.rota?.workerDays.every((w) => w.hallDays === 4)).toBe(true)
    const saved = (await auditEntries()).find((e) => e.action === 'hall.rota.save')
    const names = { ...NO_AUDIT_NAMES, workers: new Map([['YQ01', '刘建华'], ['YQ05', '李国栋']]) }
    expect(auditSummary('hall.rota.save', saved?.details ?? {}, names)).toEqual([
      '值班月份：2026年10月',
      '刘建华（YQ01）：10月8日 → 10月9日',
      '李国栋（YQ05）：10月9日 → 10月8日',
    ])
  })

  it('sets a day anew, audited with who was on duty before and after', async () => {
    await generate()
    const view = dataOf<HallRotaView>(await save({ kind: 'day', date: '2026-10-09', workerCodes: ['YQ05', 'YQ06', 'YQ07', 'YQ18'] }))
    expect(onDay(view, '2026-10-09')).toEqual(['YQ05', 'YQ06', 'YQ07', 'YQ18'])
    expect(view.rota?.workerDays.find((w) => w.workerCode === 'YQ18')?.hallDays).toBe(5)
    expect(view.rota?.workerDays.find((w) => w.workerCode === 'YQ08')?.hallDays).toBe(3)
    const saved = (await auditEntries()).find((e) => e.action === 'hall.rota.save')
    const names = { ...NO_AUDIT_NAMES, workers: new Map([['YQ05', '李国栋'], ['YQ06', '赵敏'], ['YQ07', '孙桂兰'], ['YQ08', '周涛'], ['YQ18', '罗晓燕']]) }
    expect(auditSummary('hall.rota.save', saved?.details ?? {}, names)).toEqual([
      '值班月份：2026年10月',
      '10月9日值班：李国栋、赵敏、孙桂兰、周涛 → 李国栋、赵敏、孙桂兰、罗晓燕',
    ])
  })

  it('refuses a swap that puts 刘建华’s B 郑海燕 beside him on 10-08, in words, and changes nothing', async () => {
    await generate()
    const before = await demo.store.hall.getRota('yinquan', '2026-10')
    expect(await save({ kind: 'swap', first: { date: '2026-10-08', workerCode: 'YQ02' }, second: { date: '2026-10-10', workerCode: 'YQ10' } })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '10月8日 刘建华 和 B 岗 郑海燕 都在大厅值班，刘建华 的窗口就没有人顶岗了，请换一个人',
    })
    expect(await demo.store.hall.getRota('yinquan', '2026-10')).toEqual(before)
    expect((await auditEntries()).filter((e) => e.action === 'hall.rota.save')).toEqual([])
  })

  it('refuses a day of 3, someone on a holiday, an edit of a stale version (409), and a month not generated', async () => {
    await generate()
    expect(await save({ kind: 'day', date: '2026-10-09', workerCodes: ['YQ05', 'YQ06', 'YQ07'] })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '10月9日排了 3 人，每天应有 4 人值班' })
    expect(await save({ kind: 'day', date: '2026-10-05', workerCodes: ['YQ05', 'YQ06', 'YQ07', 'YQ08'] })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '10月5日不是工作日，大厅不排值班' })
    expect(await save({ kind: 'day', date: '2026-10-09', workerCodes: ['YQ05', 'YQ06', 'YQ07', 'QL01'] })).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'QL01 不是本社区在岗的工作人员，不能排值班' })
    expect(await save({ kind: 'swap', first: { date: '2026-10-08', workerCode: 'YQ01' }, second: { date: '2026-10-09', workerCode: 'YQ05' } }, 7)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '值班表刚被别人改过，请刷新后再改',
    })
    expect((await demo.store.hall.getRota('yinquan', '2026-10'))?.version).toBe(1)
    expect(await demo.call('hall.rota.save', { period: '2026-11', version: 1, change: { kind: 'day', date: '2026-11-02', workerCodes: ['YQ01'] }, idempotencyKey: key() }, ADMIN)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '这个月还没有值班表，请先生成',
    })
  })
})

describe('hall.rota.get', () => {
  it('lets 浮山’s staff and the bureau read 银泉’s rota (not edit it); a suggestion before any is generated', async () => {
    const empty = dataOf<HallRotaView>(await demo.call('hall.rota.get', { period: '2026-10' }, ADMIN))
    expect(empty).toMatchObject({ communityId: 'yinquan', communityName: '银泉社区', rota: null, editable: true })
    expect(empty.workers).toHaveLength(18)
    // The suggestion: 4 a day, groups of four in code order (the last of two), no pairs.
    expect(empty.setup).toEqual({ staffing: 4, groups: GROUPS, pairs: [] })
    await generate()
    for (const openid of [SUBDISTRICT, BUREAU]) {
      const view = dataOf<HallRotaView>(await demo.call('hall.rota.get', { communityId: 'yinquan', period: '2026-10' }, openid))
      expect(view.rota?.version).toBe(1)
      expect(view.editable).toBe(false)
    }
    // November starts from October's setup.
    const november = dataOf<HallRotaView>(await demo.call('hall.rota.get', { period: '2026-11' }, ADMIN))
    expect(november.setup).toEqual({ staffing: 4, groups: GROUPS, pairs: PAIRS })
  })

  it('is 403 beyond the caller’s own community or sub-district', async () => {
    expect(await demo.call('hall.rota.get', { communityId: 'yinquan', period: '2026-10' }, OTHER_ADMIN)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await demo.call('hall.rota.get', { communityId: 'yinquan', period: '2026-10' }, OTHER_SUBDISTRICT)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await demo.call('hall.rota.get', { period: '2026-10' }, SUBDISTRICT)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请选择社区' })
  })
})

describe('hall.qrcode', () => {
  it('gives the hall’s code: scene hall-yinquan opening pages/hall/index', async () => {
    const { hallCode, communityName, image } = dataOf<{ hallCode: string; communityName: string; image: string }>(await demo.call('hall.qrcode', {}, ADMIN))
    expect([hallCode, communityName]).toEqual(['hall-yinquan', '银泉社区'])
    expect(image).toMatch(/^data:image\/png;base64,/)
    expect(dataOf<{ image: string }>(await demo.call('hall.qrcode', { communityId: 'yinquan' }, SUBDISTRICT)).image).toBe(image)
    expect(await demo.call('hall.qrcode', { communityId: 'yinquan' }, OTHER_ADMIN)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

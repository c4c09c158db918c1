// audit.list: the bureau reads and filters the audit log, newest first, page by page.
// Entries are made by hand here (and one by a real settings.save), so every number below is counted from them.
import type { AuditDraft } from '@backend/audit/store'
import type { ResultOf } from '@core/contract'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, WENQUAN } from './support/smallOrg'

type AuditList = ResultOf<'audit.list'>
const NOW = new Date('2026-06-20T02:00:00Z')
const STAFF = { openid: OPENID.fushanStaff, role: 'subdistrict' as const, name: '浮山办事处 刘科长' }

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
})
afterEach(() => api.close())

const list = async (payload: object = {}, openid: string | null = OPENID.bureau) => api.call({ action: 'audit.list', payload }, openid)
const read = async (payload: object = {}) => dataOf<AuditList>(await list(payload))

/** Seven entries, one a day from 2026-06-01 (China time 10:00), alternating 浮山 and 温泉. */
async function sevenEntries(): Promise<void> {
  for (let day = 1; day <= 7; day += 1) {
    const draft: AuditDraft = {
      at: `2026-06-0${day}T02:00:00.000Z`,
      by: STAFF,
      action: day % 2 === 1 ? 'sheet.change' : 'review.decide',
      subdistrictId: day % 2 === 1 ? FUSHAN : WENQUAN,
      target: day % 2 === 1 ? 'sheet:period:2026-05' : `review:r${day}`,
      reason: `第 ${day} 条的理由`,
      details: day % 2 === 1
        ? { kind: 'period', period: '2026-05', version: day, changes: [{ workerCode: 'W001', from: [30, 30, 20], to: [35.5, 30, 20] }] }
        : { workerCode: 'W002', month: '2026-05', status: 'excluded', raterOpenid: 'o-secret-rater' },
    }
    await api.store.audit.append(draft)
  }
}

describe('audit.list', () => {
  it('pages 7 entries 3 at a time, newest first: 3, 3, 1, then no next', async () => {
    await sevenEntries()
    const first = await read({ limit: 3 })
    expect(first.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-06-07', '2026-06-06', '2026-06-05'])
    const second = await read({ limit: 3, before: first.next })
    expect(second.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-06-04', '2026-06-03', '2026-06-02'])
    const third = await read({ limit: 3, before: second.next })
    expect(third.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-06-01'])
    expect(third.next).toBeUndefined()
  })

  it('filters by action (4 sheet changes of 7), by sub-district (3 of 温泉) and by China dates, both ends included', async () => {
    await sevenEntries()
    expect((await read({ action: 'sheet.change' })).entries.map((e) => e.at.slice(8, 10))).toEqual(['07', '05', '03', '01'])
    expect((await read({ subdistrictId: WENQUAN })).entries.map((e) => e.at.slice(8, 10))).toEqual(['06', '04', '02'])
    // 06-03 10:00 .. 06-05 10:00 China time: the 3rd, 4th and 5th.
    expect((await read({ from: '2026-06-03', to: '2026-06-05' })).entries.map((e) => e.at.slice(8, 10))).toEqual(['05', '04', '03'])
    expect((await read({ from: '2026-06-03', to: '2026-06-05', action: 'review.decide' })).entries).toHaveLength(1)
    expect(await list({ from: '2026-06-05', to: '2026-06-03' })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '开始日期不能晚于结束日期' })
    expect(await list({ from: '2026-02-30' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('开始日期格式不对') })
  })

  it('counts a China date from 00:00 China time: an entry at 2026-06-02 16:30 UTC is on 06-03', async () => {
    await api.store.audit.append({ at: '2026-06-02T16:30:00.000Z', by: STAFF, action: 'settings.save', target: 'settings:v2', details: { version: 2, changed: [] } })
    expect((await read({ from: '2026-06-03', to: '2026-06-03' })).entries).toHaveLength(1)
    expect((await read({ to: '2026-06-02' })).entries).toHaveLength(0)
  })

  it('shows who by name and role label, the action in Chinese, the target, the reason and a summary — never an openid', async () => {
    await sevenEntries()
    const { entries } = await read({ limit: 2 })
    expect(entries[0]).toEqual({
      id: expect.any(String),
      at: '2026-06-07T02:00:00.000Z',
      action: 'sheet.change',
      actionLabel: '修改已提交的评分表',
      by: { name: '浮山办事处 刘科长', roleLabel: '街道工作人员' },
      subdistrictId: FUSHAN,
      subdistrictName: '浮山办事处',
      target: 'sheet:period:2026-05',
      targetLabel: '评分表 2026年5月',
      reason: '第 7 条的理由',
      reasonLabel: '理由',
      summary: ['张敏（W001）：80 分 → 85.5 分'],
    })
    expect(entries[1]).toMatchObject({
      actionLabel: '复核可疑评价',
      subdistrictName: '温泉办事处',
      targetLabel: '可疑评价复核',
      summary: ['工作者：李强（W002）', '被标记的评价：2026年5月的评价', '复核结果：待复核 → 已排除，不再计分'],
    })
    const text = JSON.stringify(await read())
    expect(text).not.toContain('o-secret-rater')
    expect(text).not.toContain(OPENID.fushanStaff)
  })

  it('reads a real settings.save: the bureau, the version and the settings it changed, by their labels', async () => {
    const saved = await api.call({ action: 'settings.save', payload: { reason: '按省里要求调整', settings: { ...DEFAULT_SETTINGS, rateLimitPerMinute: 5, appealDays: 15 } } }, OPENID.bureau)
    expect(saved).toMatchObject({ ok: true })
    const { entries } = await read({ action: 'settings.save' })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actionLabel: '修改考核设置',
      by: { name: '市民政局 赵处长', roleLabel: '市民政局' },
      targetLabel: '考核设置第 2 版',
      summary: ['每人每分钟最多提交：10 → 5', '申诉期限（天）：10 → 15'],
    })
  })

  it('shows an action it has no label for by its raw name, and a resident actor without a name', async () => {
    await api.store.audit.append({ at: NOW.toISOString(), by: { openid: 'o-resident-1', role: 'resident', name: '' }, action: 'case.someday', target: 'case:c1', details: { outcome: 'kept' } })
    const [entry] = (await read()).entries
    expect(entry).toMatchObject({ action: 'case.someday', actionLabel: 'case.someday', by: { name: '居民', roleLabel: '居民' }, summary: ['结果：已保留'] })
  })

  it('is the bureau’s alone: 403 for sub-district staff, community admins, workers and residents; 401 anonymous', async () => {
    await sevenEntries()
    for (const openid of [OPENID.fushanStaff, OPENID.communityAdmin, OPENID.workerX, OPENID.resident]) {
      expect(await list({}, openid)).toEqual({ ok: false, code: 'FORBIDDEN', message: '操作记录只对市民政局开放' })
    }
    expect(await list({}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录微信后再查看操作记录' })
  })
})

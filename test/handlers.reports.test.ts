// report.get over the local runtime's store, with the DESIGN worked example (month 2026-03, workers X and
// Y of 浮山办事处) and hand-counted grid time. Numbers are worked out in the comments.
import type { Report } from '@core/reports'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Level } from '@core/types'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, WENQUAN, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'

// 2026-03-20 10:00 China time. March 2026 begins on a Sunday: weekdays up to the 20th are 2-6, 9-13 and
// 16-20, 15 working days x 480 minutes = 7200 working minutes so far.
const MARCH = new Date('2026-03-20T02:00:00Z')

let api: Harness
beforeEach(async () => {
  api = await createHarness(MARCH)
})
afterEach(() => api.close())

const get = (payload: object, openid: string | null = OPENID.fushanStaff) => api.call({ action: 'report.get', payload }, openid)
const report = async (payload: object, openid?: string) => dataOf<Report>(await get(payload, openid))

async function storeWorkedExample(): Promise<void> {
  const rate = async (workerCode: string, levels: Level[], prefix: string) => {
    for (const [i, level] of levels.entries()) expect((await api.call({ action: 'rating.submit', payload: withKey({ workerCode, level }) }, `${prefix}-${i}`)).ok).toBe(true)
  }
  await rate(X, [5, 4, 4, 5, 3, 5], 'o-rater-x')
  await rate(Y, [2, 4], 'o-rater-y')
  for (const [i, level] of ([5, 5, 4] as Level[]).entries()) {
    await api.store.submitFeedback({
      serviceId: `svc-x-${i}`, openid: `o-recipient-${i}`, workerCode: X, subdistrictId: FUSHAN, month: '2026-03',
      level, comment: '', commentStatus: 'none', submittedAt: MARCH.toISOString(),
    })
  }
  for (const [workerCode, score] of [[X, 88], [Y, 75]] as const) {
    expect((await api.call({ action: 'score.submit', payload: withKey({ workerCode, period: '2026-03', score }) }, OPENID.fushanStaff)).ok).toBe(true)
  }
  // X logs 10 sessions of 6 hours on the weekdays 2-13 March (09:00-15:00 China time): 3600 minutes, half of 7200.
  const days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13]
  await api.store.loadActivity({
    fieldSessions: days.map((day) => {
      const d = String(day).padStart(2, '0')
      return { sessionId: `s-${d}`, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', grid: '', startedAt: `2026-03-${d}T01:00:00.000Z`, endedAt: `2026-03-${d}T07:00:00.000Z` }
    }),
  })
}

it('gives the monthly ranking of the worked example with grid time, flags in words and the settings version', async () => {
  await storeWorkedExample()
  const month = await report({ kind: 'month', period: '2026-03' })
  expect(month).toMatchObject({ kind: 'month', period: '2026-03', subdistrictId: FUSHAN, subdistrictName: '浮山办事处', workers: 2, settingsVersion: 1 })
  expect(month.rows.map((r) => [r.workerCode, r.rank, r.total, r.grade, r.gridTimeRatio])).toEqual([
    [X, 1, 87.4, '称职', 0.5],
    [Y, 2, 71.9, '称职', 0],
  ])
  // (0.5 + 0) / 2
  expect(month.avgGridTimeRatio).toBe(0.25)
  expect(month.grades).toEqual({ 优秀: 0, 称职: 2, 基本称职: 0, 不称职: 0, 未评定: 0 })
  // N = 2: floor(0.2 x 2) = 0
  expect(month.quotaNote).toContain('本期参评 2 人，最多 0 人')
  expect(month.rows[1].flagTexts).toEqual(['居民评价不足 5 条，结果仅供参考，本期不参评优秀', '本期没有服务对象评价，总分按其他各方计算，不参评优秀'])
  expect(month.snapshotAt).toBeUndefined()
})

it('uses the settings in force and says which version', async () => {
  await storeWorkedExample()
  const { version } = await api.store.settings.save({ ...DEFAULT_SETTINGS, minResidents: 3, gridTimeTarget: 2 / 3 }, MARCH.toISOString(), { openid: OPENID.bureau, name: '赵处长' })
  const month = await report({ kind: 'month', period: '2026-03' })
  expect(version).toBe(2)
  expect(month.settingsVersion).toBe(2)
  expect(month.gridTimeTarget).toBeCloseTo(2 / 3, 12)
  expect(month.rows.find((r) => r.workerCode === Y)?.flagTexts[0]).toBe('居民评价不足 3 条，结果仅供参考，本期不参评优秀')
})

it('gives a community report with the sub-district ranks and only that community counted', async () => {
  await storeWorkedExample()
  const qinglong = await report({ kind: 'month', period: '2026-03', communityId: 'c-qinglong' })
  expect(qinglong).toMatchObject({ communityId: 'c-qinglong', communityName: '青龙社区', workers: 1, avgGridTimeRatio: 0 })
  expect(qinglong.rows.map((r) => [r.workerCode, r.rank])).toEqual([[Y, 2]])
  expect(qinglong.grades.称职).toBe(1)
})

it('lets the bureau read any sub-district it names, and no other role read one', async () => {
  expect((await report({ kind: 'month', period: '2026-03', subdistrictId: WENQUAN }, OPENID.bureau)).subdistrictName).toBe('温泉办事处')
  expect(await get({ kind: 'month', period: '2026-03' }, OPENID.bureau)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请选择街道' })
  expect(await get({ kind: 'month', period: '2026-03', subdistrictId: 'sd-none' }, OPENID.bureau)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await get({ kind: 'month', period: '2026-03' }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  for (const openid of [OPENID.communityAdmin, OPENID.workerX, OPENID.resident]) {
    expect(await get({ kind: 'month', period: '2026-03' }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
})

it('refuses sub-district staff another sub-district and a community of another (403)', async () => {
  expect(await get({ kind: 'month', period: '2026-03', subdistrictId: FUSHAN }, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await get({ kind: 'month', period: '2026-03', communityId: 'c-yinquan' }, OPENID.wenquanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await report({ kind: 'month', period: '2026-03' }, OPENID.wenquanStaff)).subdistrictId).toBe(WENQUAN)
})

it('refuses a period of another kind than the report', async () => {
  for (const [kind, period] of [['month', '2026-H1'], ['halfyear', '2026'], ['year', '2026-03']]) {
    expect(await get({ kind, period })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'period' })
  }
  expect(await get({ kind: 'quarter', period: '2026-03' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

it('leaves out an inactive worker with nothing recorded in the period, and out of N; keeps one who has a score', async () => {
  await api.call({ action: 'score.submit', payload: withKey({ workerCode: X, period: '2026-03', score: 95 }) }, OPENID.fushanStaff)
  expect(await api.store.org.updateWorker(Y, { postId: 'post-zhuanzhi', gridId: 'g-ql-1', active: false })).toEqual({ updated: true })
  const march = await report({ kind: 'month', period: '2026-03' })
  // Y left in post and has nothing in March: one worker, N = 1.
  expect(march.rows.map((r) => r.workerCode)).toEqual([X])
  expect(march.quotaNote).toContain('本期参评 1 人，最多 0 人')
  const evaluation = dataOf<{ rows: Array<{ workerCode: string }> }>(await api.call({ action: 'evaluation.get', payload: { period: '2026-03' } }, OPENID.fushanStaff))
  expect(evaluation.rows.map((r) => r.workerCode)).toEqual([X])
  // A score for Y in February (before leaving) keeps Y's row there, and in the half-year.
  await api.store.putSubdistrictScore({ workerCode: Y, subdistrictId: FUSHAN, period: '2026-02', score: 70, enteredBy: OPENID.fushanStaff, enteredAt: MARCH.toISOString() })
  // (X is active: a row without a total, last.)
  expect((await report({ kind: 'month', period: '2026-02' })).rows.map((r) => [r.workerCode, r.total])).toEqual([[Y, 70], [X, null]])
  expect((await report({ kind: 'halfyear', period: '2026-H1' })).rows.map((r) => r.workerCode).sort()).toEqual([X, Y])
})

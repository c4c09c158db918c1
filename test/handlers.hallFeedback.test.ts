// The hall's code at the counter: a resident scans it, sees who is on duty today and rates the one who
// served them as 服务对象 — counted in that worker's party S with one person once per worker and month.
// On the demo with 银泉's October 2026 rota generated as test/handlers.hallRota.test.ts works it out:
//   Th 10-08 YQ01–04 (刘建华, 王志强, 陈秀英, 张丽), Fr 10-09 YQ05–08, Sa 10-10 YQ09–12, Mo 10-12 YQ13–16,
//   Tu 10-13 YQ17, YQ18, YQ01, YQ02, We 10-14 YQ03–06.
// Duty hours 8:30–12:00 and 14:30–17:30 China time (UTC+8): 02:00Z is 10:00, 05:00Z is 13:00.
import type { HallCard, HallRotaView } from '@core/hallSchemas'
import type { EvaluationRow } from '@core/types'
import { DEFAULT_SETTINGS } from '@core/settings'
import { INACTIVE_WORKER_MESSAGE } from '@core/org'
import { dataOf } from './support/apiHarness'
import { demoCaller, type TestCaller } from './support/demoCaller'

const GENERATED_AT = new Date('2026-08-20T02:00:00.000Z')
const THURSDAY_10AM = new Date('2026-10-08T02:00:00.000Z')
const THURSDAY_1PM = new Date('2026-10-08T05:00:00.000Z')
const HOLIDAY = new Date('2026-10-05T02:00:00.000Z')
const NEXT_WEDNESDAY_3PM = new Date('2026-10-14T07:00:00.000Z')
const RESIDENT = 'dev-resident-1'
const HALL = 'hall-yinquan'
const YQ = Array.from({ length: 18 }, (_, i) => `YQ${String(i + 1).padStart(2, '0')}`)

let demo: TestCaller
beforeEach(async () => {
  demo = await demoCaller({ now: GENERATED_AT })
  await demo.store.saveSettings({
    ...DEFAULT_SETTINGS,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    makeupWorkdays: ['2026-09-20', '2026-10-10'],
  })
  const groups = [YQ.slice(0, 4), YQ.slice(4, 8), YQ.slice(8, 12), YQ.slice(12, 16), YQ.slice(16)]
  dataOf(await demo.call('hall.rota.generate', { period: '2026-10', staffing: 4, groups, pairs: [], idempotencyKey: 'hall-feedback-gen' }, 'dev-community-yinquan'))
})
afterEach(() => demo.close())

let keys = 0
const feedback = (workerCode: string, level: number, now: Date, openid = RESIDENT, extra: object = {}) =>
  demo.call('hall.feedback', { hallCode: HALL, workerCode, level, idempotencyKey: `hall-fb-${(keys += 1)}`, ...extra }, openid, now)
const recipientsOf = async (workerCode: string, now: Date) => {
  const { rows } = dataOf<{ rows: EvaluationRow[] }>(await demo.call('evaluation.get', { period: '2026-10', subdistrictId: 'fushan' }, 'dev-subdistrict-fushan', now))
  return rows.find((row) => row.workerCode === workerCode)?.recipients ?? null
}

describe('hall.card', () => {
  it('shows anyone (no sign-in) today’s four on duty with their posts, open during duty hours', async () => {
    expect(dataOf<HallCard>(await demo.call('hall.card', { hallCode: HALL }, null, THURSDAY_10AM))).toEqual({
      hallCode: HALL,
      communityName: '银泉社区',
      date: '2026-10-08',
      hours: '工作日 8:30–12:00、14:30–17:30',
      open: true,
      onDuty: [
        { workerCode: 'YQ01', name: '刘建华', post: expect.any(String) },
        { workerCode: 'YQ02', name: '王志强', post: expect.any(String) },
        { workerCode: 'YQ03', name: '陈秀英', post: expect.any(String) },
        { workerCode: 'YQ04', name: '张丽', post: expect.any(String) },
      ],
      closedBecause: null,
      message: null,
    })
  })

  it('says plainly when the window is closed: at lunch, on a holiday, in a month with no rota', async () => {
    expect(dataOf<HallCard>(await demo.call('hall.card', { hallCode: HALL }, null, THURSDAY_1PM))).toMatchObject({
      open: false,
      closedBecause: 'outside-hours',
      message: '现在不在大厅值班时间，值班时间：工作日 8:30–12:00、14:30–17:30',
      onDuty: [expect.objectContaining({ workerCode: 'YQ01' }), expect.anything(), expect.anything(), expect.anything()],
    })
    expect(dataOf<HallCard>(await demo.call('hall.card', { hallCode: HALL }, null, HOLIDAY))).toMatchObject({
      open: false,
      closedBecause: 'not-working-day',
      onDuty: [],
      message: '今天是休息日，大厅不值班。值班时间：工作日 8:30–12:00、14:30–17:30',
    })
    // November has no rota yet; 11-02 is a Monday.
    expect(dataOf<HallCard>(await demo.call('hall.card', { hallCode: HALL }, null, new Date('2026-11-02T02:00:00.000Z')))).toMatchObject({
      communityName: '银泉社区',
      open: false,
      closedBecause: 'no-rota',
      message: '今天大厅还没有排值班，暂时不能在这里评价',
    })
    expect(await demo.call('hall.card', { hallCode: 'YQ01' }, null, THURSDAY_10AM)).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这个服务大厅，请确认扫的是大厅柜台上的评价码' })
  })
})

describe('hall.feedback', () => {
  it('counts in the served worker’s 服务对象 party: 陈秀英’s n goes from none to 1', async () => {
    expect(await recipientsOf('YQ03', THURSDAY_10AM)).toBeNull()
    const reply = dataOf<{ feedbackId: string; period: string }>(await feedback('YQ03', 5, THURSDAY_10AM, RESIDENT, { comment: '办事很耐心' }))
    expect(reply.period).toBe('2026-10')
    expect(reply.feedbackId).toMatch(/^H[0-9a-f]{32}$/)
    expect(await recipientsOf('YQ03', THURSDAY_10AM)).toMatchObject({ n: 1 })
  })

  it('counts one person once per worker and month: a second day’s feedback on 陈秀英 (10-14) leaves n at 1', async () => {
    dataOf(await feedback('YQ03', 5, THURSDAY_10AM))
    dataOf(await feedback('YQ03', 3, NEXT_WEDNESDAY_3PM))
    // One person, levels 5 and 3: counted once, as the mean of 100 and 60 points = 80 (shrunk with the pool).
    expect(await recipientsOf('YQ03', NEXT_WEDNESDAY_3PM)).toMatchObject({ n: 1 })
    dataOf(await feedback('YQ03', 4, NEXT_WEDNESDAY_3PM, 'dev-resident-2'))
    expect(await recipientsOf('YQ03', NEXT_WEDNESDAY_3PM)).toMatchObject({ n: 2 })
  })

  it('takes one feedback per person, worker and day (409 for a second), and answers a retry with the first', async () => {
    const payload = { hallCode: HALL, workerCode: 'YQ01', level: 4, idempotencyKey: 'hall-retry-fb-01' }
    const first = await demo.call('hall.feedback', payload, RESIDENT, THURSDAY_10AM)
    expect(first).toMatchObject({ ok: true })
    expect(await demo.call('hall.feedback', payload, RESIDENT, THURSDAY_10AM)).toEqual(first)
    expect(await feedback('YQ01', 2, THURSDAY_10AM)).toEqual({ ok: false, code: 'CONFLICT', message: '今天已经评价过这位工作人员的服务了，每人每天只能评价一次' })
    expect(await recipientsOf('YQ01', THURSDAY_10AM)).toMatchObject({ n: 1 })
  })

  const refusals: Array<[string, string, Date, string, string, string]> = [
    ['a worker not on duty today', 'YQ05', THURSDAY_10AM, RESIDENT, 'INVALID_INPUT', '这位工作人员今天不在大厅值班，请选择今天值班的工作人员'],
    ['outside duty hours', 'YQ01', THURSDAY_1PM, RESIDENT, 'INVALID_INPUT', '现在不在大厅值班时间，值班时间：工作日 8:30–12:00、14:30–17:30'],
    ['on a holiday', 'YQ01', HOLIDAY, RESIDENT, 'INVALID_INPUT', '今天是休息日，大厅不值班。值班时间：工作日 8:30–12:00、14:30–17:30'],
    ['the worker themself', 'YQ01', THURSDAY_10AM, 'dev-worker-YQ01', 'SELF_RATING', '不能评价自己的服务'],
    ['a colleague of the same community', 'YQ01', THURSDAY_10AM, 'dev-worker-YQ09', 'FORBIDDEN', '不能评价本社区的同事，以免影响评价的公正。'],
    ['the community’s admin', 'YQ01', THURSDAY_10AM, 'dev-community-yinquan', 'FORBIDDEN', '工作人员不能参与服务评价，以免影响评价的公正。'],
  ]
  it.each(refusals)('refuses %s and counts nothing', async (_what, workerCode, now, openid, code, message) => {
    expect(await feedback(workerCode, 4, now, openid)).toEqual({ ok: false, code, message })
    expect(await recipientsOf(workerCode, now)).toBeNull()
  })

  it('leaves a worker taken out of post off the card and refuses feedback on them; back in post, they are on again', async () => {
    const update = (active: boolean) => demo.call('worker.update', { workerCode: 'YQ02', postId: 'fuzhi', gridId: 'yinquan-g2', active }, 'dev-community-yinquan', THURSDAY_10AM)
    expect(await update(false)).toMatchObject({ ok: true })
    expect(dataOf<HallCard>(await demo.call('hall.card', { hallCode: HALL }, null, THURSDAY_10AM)).onDuty.map((w) => w.workerCode)).toEqual(['YQ01', 'YQ03', 'YQ04'])
    expect(await feedback('YQ02', 5, THURSDAY_10AM)).toEqual({ ok: false, code: 'CONFLICT', message: INACTIVE_WORKER_MESSAGE })
    // November's generate form starts from October's groups without 王志强.
    const november = dataOf<HallRotaView>(await demo.call('hall.rota.get', { period: '2026-11' }, 'dev-community-yinquan', THURSDAY_10AM))
    expect(november.setup.groups.flat()).toEqual(YQ.filter((code) => code !== 'YQ02'))
    expect(await update(true)).toMatchObject({ ok: true })
    expect(dataOf<HallCard>(await demo.call('hall.card', { hallCode: HALL }, null, THURSDAY_10AM)).onDuty.map((w) => w.workerCode)).toEqual(['YQ01', 'YQ02', 'YQ03', 'YQ04'])
    expect(await feedback('YQ02', 5, THURSDAY_10AM)).toMatchObject({ ok: true })
  })

  it('lets a worker of another community rate (青龙’s QL01 served at 银泉’s window)', async () => {
    expect(await feedback('YQ02', 5, THURSDAY_10AM, 'dev-worker-QL01')).toMatchObject({ ok: true })
  })

  it('asks an anonymous caller to sign in, and names no hall it cannot find', async () => {
    expect(await feedback('YQ01', 4, THURSDAY_10AM, null as unknown as string)).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录微信后再评价' })
    expect(await feedback('YQ01', 4, THURSDAY_10AM, RESIDENT, { hallCode: 'V123' })).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这个服务大厅，请确认扫的是大厅柜台上的评价码' })
  })
})

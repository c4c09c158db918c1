// gridtime.get and gridtime.trend (who may read whose grid time) and worker.results (a worker's own
// results under trust rule 5), through dispatch on a real SqliteStore.
import type { ResultOf } from '@core/contract'
import type { FeedbackRecord } from '@backend/store'
import { takeMissingSnapshots } from '@backend/reports/snapshotJob'
import type { Report } from '@core/reports'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Y, Z } from './support/smallOrg'
import { withKey } from './support/keys'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-04-10T02:00:00Z')) // 10 April 2026, 10:00 China time
})
afterEach(() => api.close())

const callAs = (openid: string | null, action: string, payload: unknown) => api.call({ action, payload }, openid)
const gridTimeAs = (openid: string | null, payload: unknown) => callAs(openid, 'gridtime.get', payload)

describe('gridtime.get: who may read whose grid time', () => {
  const march = (workerCode?: string) => (workerCode === undefined ? { period: '2026-03' } : { period: '2026-03', workerCode })

  it('lets a worker read their own, with or without naming themself', async () => {
    expect(await gridTimeAs(OPENID.workerX, march())).toMatchObject({ ok: true, data: { period: '2026-03', fieldMinutes: 0 } })
    expect(await gridTimeAs(OPENID.workerX, march(X))).toMatchObject({ ok: true })
  })

  it("refuses a worker someone else's: 403", async () => {
    expect(await gridTimeAs(OPENID.workerX, march(Y))).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能查看自己的网格工作时间' })
  })

  it("lets sub-district staff read their sub-district's workers only", async () => {
    expect(await gridTimeAs(OPENID.fushanStaff, march(X))).toMatchObject({ ok: true })
    expect(await gridTimeAs(OPENID.fushanStaff, march(Y))).toMatchObject({ ok: true })
    expect(await gridTimeAs(OPENID.fushanStaff, march(Z))).toEqual({ ok: false, code: 'FORBIDDEN', message: '这名社区工作者不在您负责的范围内' })
    expect(await gridTimeAs(OPENID.wenquanStaff, march(Z))).toMatchObject({ ok: true })
    expect(await gridTimeAs(OPENID.wenquanStaff, march(X))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it("lets a community admin read their community's workers only", async () => {
    expect(await gridTimeAs(OPENID.communityAdmin, march(X))).toMatchObject({ ok: true }) // 银泉社区
    expect(await gridTimeAs(OPENID.communityAdmin, march(Y))).toMatchObject({ ok: false, code: 'FORBIDDEN' }) // 青龙社区
  })

  it('lets the bureau read any worker', async () => {
    for (const code of [X, Y, Z]) expect(await gridTimeAs(OPENID.bureau, march(code))).toMatchObject({ ok: true })
  })

  it('asks staff to name a worker, and says so when the code is unknown', async () => {
    expect(await gridTimeAs(OPENID.fushanStaff, march())).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请选择要查看的社区工作者' })
    expect(await gridTimeAs(OPENID.bureau, march('NOPE1'))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('refuses residents (403) and callers without WeChat (401)', async () => {
    expect(await gridTimeAs(OPENID.resident, march(X))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gridTimeAs(null, march(X))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await callAs(null, 'gridtime.trend', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await callAs(OPENID.resident, 'gridtime.trend', { workerCode: X })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await callAs(OPENID.fushanStaff, 'gridtime.trend', { workerCode: Z })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('measures the current month against its working days so far', async () => {
    // 1–10 April 2026: We 1, Th 2, Fr 3, Mo 6 … Fr 10 = 8 working days (no holidays set) = 3840 minutes
    expect(dataOf<ResultOf<'gridtime.get'>>(await gridTimeAs(OPENID.workerX, { period: '2026-04' }))).toMatchObject({ workingDays: 8, workingMinutes: 3840, ratio: 0 })
  })
})

describe('gridtime.trend: the last six months', () => {
  it('gives this month and the five before it, oldest first, each as gridtime.get gives it', async () => {
    // A session on Mo 30 March 08:00–12:00 China time (00:00–04:00 UTC): 240 minutes in March
    api.now = new Date('2026-03-30T00:00:00Z')
    dataOf(await callAs(OPENID.workerX, 'field.start', {}))
    api.now = new Date('2026-03-30T04:00:00Z')
    dataOf(await callAs(OPENID.workerX, 'field.end', {}))
    api.now = new Date('2026-04-10T02:00:00Z')

    const { months } = dataOf<ResultOf<'gridtime.trend'>>(await callAs(OPENID.workerX, 'gridtime.trend', {}))
    expect(months.map((m) => m.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'])
    // March 2026 starts on a Sunday: 22 weekdays, 10560 minutes; 240 / 10560
    expect(months[4]).toMatchObject({ fieldMinutes: 240, workingMinutes: 10560, ratio: 240 / 10560 })
    for (const month of months) {
      expect(month).toEqual(dataOf(await gridTimeAs(OPENID.workerX, { period: month.period })))
    }
    // staff in scope read the same
    expect(dataOf(await callAs(OPENID.fushanStaff, 'gridtime.trend', { workerCode: X }))).toEqual({ months })
  })
})

describe('worker.results: my own results, n >= 5 or nothing', () => {
  const feedback = (serviceId: string, level: 1 | 2 | 3 | 4 | 5): FeedbackRecord => ({
    serviceId,
    openid: `o-recipient-${serviceId}`,
    workerCode: X,
    subdistrictId: FUSHAN,
    month: '2026-04',
    level,
    comment: '',
    commentStatus: 'none',
    submittedAt: '2026-04-08T02:00:00.000Z',
  })

  it('shows n and score of the residents (5 ratings), hides the recipients (4), and shows the office’s score', async () => {
    // X: residents 5, 5, 4, 4, 3 (points 420, n 5); Y: 2, 2 (40, n 2). C = 460 / 7.
    // R_X = (420 + 5 × 460/7) / (5 + 5) = (2940/7 + 2300/7) / 10 = 5240 / 70 = 74.857… → 74.9
    for (const [i, level] of [5, 5, 4, 4, 3].entries()) dataOf(await callAs(`o-res-x-${i}`, 'rating.submit', withKey({ workerCode: X, level })))
    for (const [i, level] of [2, 2].entries()) dataOf(await callAs(`o-res-y-${i}`, 'rating.submit', withKey({ workerCode: Y, level })))
    for (const [i, level] of ([5, 4, 5, 5] as const).entries()) await api.store.submitFeedback(feedback(`svc-${i}`, level))
    dataOf(await callAs(OPENID.fushanStaff, 'score.submit', withKey({ workerCode: X, period: '2026-04', score: 88 })))

    // April is running: nothing but the day it is published (trust rule 5: no live totals to difference).
    expect(await callAs(OPENID.workerX, 'worker.results', { period: '2026-04' })).toEqual({ ok: true, data: { period: '2026-04', published: false, publishedOn: '2026-05-01' } })
    api.now = new Date('2026-04-30T16:00:00Z') // 2026-05-01 00:00 China: April has closed
    const own = await callAs(OPENID.workerX, 'worker.results', { period: '2026-04' })
    expect(own).toEqual({
      ok: true,
      data: {
        period: '2026-04', published: true, residents: { shown: true, n: 5, score: 74.9 }, recipients: { shown: false }, subdistrict: { score: 88 },
        // The total holds the hidden recipients' score: not shown. No field time logged: 0.
        overall: { shown: false }, gridTimeRatio: 0, hallDays: 0,
      },
    })
    // the very numbers of the evaluation staff see
    const { rows } = dataOf<ResultOf<'evaluation.get'>>(await callAs(OPENID.fushanStaff, 'evaluation.get', { period: '2026-04' }))
    expect(rows.find((row) => row.workerCode === X)?.residents).toEqual({ n: 5, score: 74.9 })
    // never who rated
    expect(JSON.stringify(own)).not.toMatch(/o-res|o-recipient/)
  })

  it('shows the recipients too once there are 5, and nothing at all for a quiet month', async () => {
    for (const [i, level] of ([5, 4, 5, 5, 3] as const).entries()) await api.store.submitFeedback(feedback(`svc-${i}`, level))
    // by hand: 100 + 80 + 100 + 100 + 60 = 440, n 5; C = 440 / 5 = 88 (X alone): S = (440 + 5 × 88) / 10 = 88
    api.now = new Date('2026-05-02T02:00:00Z')
    // Only the recipients party: total = S = 88, 称职 (flags FEW_RESIDENTS and the rest bar 优秀 only).
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026-04' }))).toMatchObject({
      recipients: { shown: true, n: 5, score: 88 },
      overall: { shown: true, total: 88, grade: '称职' },
    })
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026-02' }))).toEqual({
      period: '2026-02',
      published: true,
      residents: { shown: false },
      recipients: { shown: false },
      subdistrict: null,
      overall: { shown: true, total: null, grade: '未评定' },
      gridTimeRatio: 0,
      hallDays: 0,
    })
  })

  it('reads the snapshot the report reads: a later settings change moves neither', async () => {
    // X in April: residents 5,5,5,5,5 (500, n 5), recipients 5,4,5,5,3 (440, n 5), D 90; Y nothing.
    // R = (500 + 5 x 100) / 10 = 100, S = (440 + 5 x 88) / 10 = 88. Total = 40 + 26.4 + 27 = 93.4, 优秀 would
    // need the quota: floor(0.2 x 1) = 0 places, so 称职.
    for (let i = 0; i < 5; i += 1) dataOf(await callAs(`o-res-x-${i}`, 'rating.submit', withKey({ workerCode: X, level: 5 })))
    for (const [i, level] of ([5, 4, 5, 5, 3] as const).entries()) await api.store.submitFeedback(feedback(`svc-${i}`, level))
    dataOf(await callAs(OPENID.fushanStaff, 'score.submit', withKey({ workerCode: X, period: '2026-04', score: 90 })))
    api.now = new Date('2026-04-30T18:30:00Z') // 1 May 02:30 China: the nightly run takes April
    await takeMissingSnapshots(api.store, api.now, Number.POSITIVE_INFINITY)
    // Weights 0.6 / 0.2 / 0.2 afterwards would give 60 + 17.6 + 18 = 95.6 live.
    await api.store.settings.save({ ...DEFAULT_SETTINGS, weights: { residents: 0.6, recipients: 0.2, subdistrict: 0.2 } }, api.now.toISOString(), { openid: OPENID.bureau, name: '赵处长' })
    const own = dataOf<ResultOf<'worker.results'>>(await callAs(OPENID.workerX, 'worker.results', { period: '2026-04' }))
    const report = dataOf<Report>(await callAs(OPENID.fushanStaff, 'report.get', { kind: 'month', period: '2026-04' }))
    const staffRow = report.rows.find((row) => row.workerCode === X)
    expect(own).toMatchObject({ overall: { shown: true, total: 93.4, grade: '称职' }, gridTimeRatio: 0 })
    expect([staffRow?.total, staffRow?.grade, staffRow?.gridTimeRatio]).toEqual([93.4, '称职', 0])
  })

  it('publishes a half-year and a year only once their last month has closed', async () => {
    // 10 April: 2026-H1 closes on 1 July, 2026 on 1 January 2027; the closed 2026-03 shows.
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026-H1' }))).toEqual({ period: '2026-H1', published: false, publishedOn: '2026-07-01' })
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026' }))).toEqual({ period: '2026', published: false, publishedOn: '2027-01-01' })
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026-03' }))).toMatchObject({ period: '2026-03', published: true })
    // 2026-06-30 23:59 China: June still runs; 2026-07-01 00:00 China: the half-year is published.
    api.now = new Date('2026-06-30T15:59:00Z')
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026-H1' }))).toMatchObject({ published: false })
    api.now = new Date('2026-06-30T16:00:00Z')
    expect(dataOf(await callAs(OPENID.workerX, 'worker.results', { period: '2026-H1' }))).toMatchObject({ published: true })
  })

  it('is for bound workers only: 401 without WeChat, 403 for residents and staff', async () => {
    expect(await callAs(null, 'worker.results', { period: '2026-04' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    for (const openid of [OPENID.resident, OPENID.fushanStaff, OPENID.bureau]) {
      expect(await callAs(openid, 'worker.results', { period: '2026-04' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(await callAs(OPENID.workerX, 'worker.results', { period: '2026-4' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

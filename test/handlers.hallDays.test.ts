// Hall time beside grid time: the days each worker spent on duty at the service hall, counted from the
// rota up to today, in gridtime.get / gridtime.trend (the worker home), and in the report with each
// community's most and fewest hall days per worker. 银泉's October 2026 rota as
// test/handlers.hallRota.test.ts works it out (18 working days, 4 a day, the cycle YQ01 … YQ18 from 10-08):
//   Th 10-08 YQ01–04, Fr 10-09 YQ05–08, Sa 10-10 YQ09–12, Mo 10-12 YQ13–16, Tu 10-13 YQ17, YQ18, YQ01, YQ02.
// By Tuesday 10-13 everyone has served once and YQ01, YQ02 twice; by the month's end everyone 4 days.
import type { GridTime } from '@core/gridTime'
import type { Report } from '@core/reports'
import { DEFAULT_SETTINGS } from '@core/settings'
import { dataOf } from './support/apiHarness'
import { demoCaller, type TestCaller } from './support/demoCaller'

const GENERATED_AT = new Date('2026-08-20T02:00:00.000Z')
const TUESDAY = new Date('2026-10-13T02:00:00.000Z')
const NOVEMBER = new Date('2026-11-02T02:00:00.000Z')
const YQ = Array.from({ length: 18 }, (_, i) => `YQ${String(i + 1).padStart(2, '0')}`)

let demo: TestCaller
beforeAll(async () => {
  demo = await demoCaller({ now: GENERATED_AT })
  await demo.store.saveSettings({
    ...DEFAULT_SETTINGS,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    makeupWorkdays: ['2026-09-20', '2026-10-10'],
  })
  const groups = [YQ.slice(0, 4), YQ.slice(4, 8), YQ.slice(8, 12), YQ.slice(12, 16), YQ.slice(16)]
  dataOf(await demo.call('hall.rota.generate', { period: '2026-10', staffing: 4, groups, pairs: [], idempotencyKey: 'hall-days-gen' }, 'dev-community-yinquan'))
})
afterAll(() => demo.close())

it('shows the worker their hall days so far beside their grid time: 刘建华 2 by 10-13, none yet on 10-07', async () => {
  const october = dataOf<GridTime>(await demo.call('gridtime.get', { period: '2026-10' }, 'dev-worker-YQ01', TUESDAY))
  expect(october.hallDays).toBe(2)
  expect(dataOf<GridTime>(await demo.call('gridtime.get', { period: '2026-10' }, 'dev-worker-YQ03', TUESDAY)).hallDays).toBe(1)
  expect(dataOf<GridTime>(await demo.call('gridtime.get', { period: '2026-10' }, 'dev-worker-YQ01', new Date('2026-10-07T02:00:00.000Z'))).hallDays).toBe(0)
  // The chart's months: October (the current month, last) has 2, September none (no rota).
  const { months } = dataOf<{ months: GridTime[] }>(await demo.call('gridtime.trend', {}, 'dev-worker-YQ01', TUESDAY))
  expect(months.slice(-2).map((m) => [m.period, m.hallDays])).toEqual([['2026-09', 0], ['2026-10', 2]])
  // 青龙 has no rota: no hall days.
  expect(dataOf<GridTime>(await demo.call('gridtime.get', { period: '2026-10' }, 'dev-worker-QL01', TUESDAY)).hallDays).toBe(0)
})

it('reports each worker’s hall days and 银泉’s spread: most 2, fewest 1 by 10-13; 4 and 4 for the whole month', async () => {
  const sofar = dataOf<Report>(await demo.call('report.get', { kind: 'month', period: '2026-10' }, 'dev-subdistrict-fushan', TUESDAY))
  expect(sofar.rows.find((r) => r.workerCode === 'YQ01')?.hallDays).toBe(2)
  expect(sofar.rows.find((r) => r.workerCode === 'YQ17')?.hallDays).toBe(1)
  expect(sofar.rows.find((r) => r.workerCode === 'QL01')?.hallDays).toBe(0)
  expect(sofar.hallSpread).toEqual([{ communityId: 'yinquan', communityName: '银泉社区', workers: 18, most: 2, fewest: 1 }])
  const whole = dataOf<Report>(await demo.call('report.get', { kind: 'month', period: '2026-10', communityId: 'yinquan' }, 'dev-subdistrict-fushan', NOVEMBER))
  expect(whole.rows.every((r) => r.hallDays === 4)).toBe(true)
  expect(whole.hallSpread).toEqual([{ communityId: 'yinquan', communityName: '银泉社区', workers: 18, most: 4, fewest: 4 }])
})

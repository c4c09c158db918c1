// The reports on the pilot's own data: the demo's 浮山办事处 half-year report shows its 30 workers, their
// average grid time (the pilot's 67%) and a grade distribution with at most 6 优秀 (20% of 30).
import { DEMO_SUBDISTRICT_ID, DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import type { Report } from '@core/reports'
import { dataOf } from './support/apiHarness'
import { demoCaller, type TestCaller } from './support/demoCaller'

// 2026-07-10 China time: the demo's months before are 2025-07..2026-06, so 2026-H1 is whole and closed.
const NOW = new Date('2026-07-10T02:00:00.000Z')

let demo: TestCaller
beforeAll(async () => {
  demo = await demoCaller({ now: NOW, settings: false })
})
afterAll(() => demo.close())

const report = async (payload: object): Promise<Report> =>
  dataOf<Report>(await demo.call('report.get', payload, DEMO_SUBDISTRICT_STAFF))

it('shows 30 workers, their average grid time of about 67% and at most 6 优秀', async () => {
  const half = await report({ kind: 'halfyear', period: '2026-H1' })
  expect(half).toMatchObject({ subdistrictId: DEMO_SUBDISTRICT_ID, subdistrictName: '浮山办事处', workers: 30, gridTimeTarget: 0.5 })
  expect(half.rows).toHaveLength(30)
  // Each worker logs a share of the working day from 0.52 to 0.82 (mean 0.67), each day give or take 15%
  // at random (factor 0.85..1.15, mean 1): the mean of the 30 ratios is 0.67 within the noise of about
  // 3,900 random days (well under half a percent); with the seed's PRNG it rounds to 0.670 exactly.
  expect(Math.abs((half.avgGridTimeRatio ?? 0) - 0.67)).toBeLessThan(0.005)
  expect(half.avgGridTimeRatio).toBe(0.67)
  const { 优秀: excellent, 称职: competent, 基本称职: basic, 不称职: failing, 未评定: ungraded } = half.grades
  expect(excellent + competent + basic + failing + ungraded).toBe(30)
  // The demo's half-year has more workers at 90 or above than the quota allows: exactly floor(0.2 x 30) = 6.
  expect(excellent).toBe(6)
  expect(half.quotaNote).toContain('本期参评 30 人，最多 6 人')
  // Everyone above the sixth 优秀 in the ranking who is not 优秀 has a flag or is below 90.
  const lastExcellent = Math.max(...half.rows.filter((row) => row.grade === '优秀').map((row) => row.rank ?? 0))
  expect(half.rows.filter((row) => (row.rank ?? 99) < lastExcellent && row.grade !== '优秀').every((row) => row.flags.length > 0 || (row.total ?? 0) < 90)).toBe(true)
  // seedDemo saves no settings (admin.setup does): the defaults, which the report calls version 0.
  expect(half.settingsVersion).toBe(0)
})

it('splits into 银泉社区 (18 workers) and 青龙社区 (12) with the sub-district\'s grades', async () => {
  const half = await report({ kind: 'halfyear', period: '2026-H1' })
  const yinquan = await report({ kind: 'halfyear', period: '2026-H1', communityId: 'yinquan' })
  const qinglong = await report({ kind: 'halfyear', period: '2026-H1', communityId: 'qinglong' })
  expect([yinquan.workers, qinglong.workers]).toEqual([18, 12])
  expect(yinquan.grades.优秀 + qinglong.grades.优秀).toBe(half.grades.优秀)
  const gradeOf = new Map(half.rows.map((row) => [row.workerCode, [row.grade, row.rank]]))
  expect([...yinquan.rows, ...qinglong.rows].every((row) => String(gradeOf.get(row.workerCode)) === String([row.grade, row.rank]))).toBe(true)
})

it('shows 银泉’s hall duty: 4 of its 18 workers at the hall every working day, 28 or 29 days each in 2026-H1', async () => {
  // 2026-H1's weekdays (the demo configures no holidays): 22 + 20 + 22 + 22 + 21 + 22 = 129, 4 a day:
  // 516 duties over 18 workers in one unbroken rotation, 28.67 each: 516 = 18 × 28 + 12, so twelve serve
  // 29 days and six 28. 青龙 keeps no hall rota in the demo.
  const half = await report({ kind: 'halfyear', period: '2026-H1' })
  expect(half.hallSpread).toEqual([{ communityId: 'yinquan', communityName: '银泉社区', workers: 18, most: 29, fewest: 28 }])
  const yinquan = half.rows.filter((row) => row.workerCode.startsWith('YQ')).map((row) => row.hallDays)
  expect([yinquan.filter((n) => n === 29).length, yinquan.filter((n) => n === 28).length]).toEqual([12, 6])
  expect(half.rows.filter((row) => row.workerCode.startsWith('QL')).every((row) => row.hallDays === 0)).toBe(true)
  const june = await demo.store.hall.getRota('yinquan', '2026-06')
  expect(june?.days.filter((day) => day.workerCodes.length === 4)).toHaveLength(22)
  expect(june?.days.filter((day) => day.workerCodes.length === 0)).toHaveLength(8)
})

it('has feedback given at the hall’s window in the rated months, and no field session on a hall day', async () => {
  const db = (demo.store as unknown as { db: import('better-sqlite3').Database }).db
  const hallFeedback = db
    .prepare("SELECT COUNT(*) AS n FROM feedback WHERE service_id LIKE 'H%' AND month BETWEEN '2026-01' AND '2026-06'")
    .get() as { n: number }
  // About half of the 516 duties of the half-year were rated at the window.
  expect(hallFeedback.n).toBeGreaterThan(200)
  expect(hallFeedback.n).toBeLessThan(320)
  // 刘建华's days at the hall in June: not one field session starts on them (08:30 China is 00:30Z that day).
  const june = await demo.store.hall.getRota('yinquan', '2026-06')
  const hallDays = (june?.days ?? []).filter((day) => day.workerCodes.includes('YQ01')).map((day) => day.date)
  expect(hallDays.length).toBeGreaterThanOrEqual(4)
  const sessionDays = (db.prepare("SELECT started_at AS at FROM field_sessions WHERE worker_code = 'YQ01' AND started_at LIKE '2026-06-%'").all() as Array<{ at: string }>).map((row) => row.at.slice(0, 10))
  expect(sessionDays.length).toBeGreaterThan(0)
  expect(hallDays.filter((date) => sessionDays.includes(date))).toEqual([])
})

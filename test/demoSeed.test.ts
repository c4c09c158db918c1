// The demo seed tells the pilot's story: 30 workers of 浮山办事处, six months of history before the
// current month and nothing in it, and a half-year in which more workers reach 90 than the 20% quota allows.
import { evaluateSubdistrict } from '@backend/reports/subdistrictEvaluation'
import { DEMO_RESIDENTS, DEMO_SUBDISTRICT_ID, demoActivity, demoOrg, seedDemo } from '@backend/demo/seed'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { TEST_SECRETS } from './support/secrets'
import { dataOf } from './support/apiHarness'
import { demoCaller, type TestCaller } from './support/demoCaller'

// 2026-07-10 China time: the six months before are exactly 2026-H1.
const NOW = new Date('2026-07-10T02:00:00.000Z')

describe('demo seed', () => {
  let demo: TestCaller
  beforeAll(async () => {
    demo = await demoCaller({ now: NOW, settings: false })
  })
  afterAll(() => demo.close())

  it('puts the pilot organisation: 银泉 18 workers, 青龙 12, grids of 300-500 households, four posts', () => {
    const org = demoOrg()
    expect(org.workers.filter((w) => w.communityId === 'yinquan')).toHaveLength(18)
    expect(org.workers.filter((w) => w.communityId === 'qinglong')).toHaveLength(12)
    expect(org.grids.every((g) => g.households >= 300 && g.households <= 500)).toBe(true)
    expect(org.posts.map((p) => p.name)).toEqual(['正职', '副职', '委员', '专职社区工作者'])
    expect(org.posts.every((p) => p.duties.length >= 3 && p.duties.length <= 5)).toBe(true)
    expect(new Set(org.workers.map((w) => w.gridId)).size).toBe(org.grids.length)
  })

  it('binds every worker and one staff member per role to a dev identity', async () => {
    const principals = await demo.store.listPrincipals()
    // 30 workers of 浮山办事处 + 6 of 温泉办事处
    expect(principals.filter((p) => p.role === 'worker')).toHaveLength(36)
    expect(principals.filter((p) => p.role === 'worker' && p.subdistrictId === DEMO_SUBDISTRICT_ID)).toHaveLength(30)
    expect(await demo.store.getPrincipal('dev-worker-YQ01')).toMatchObject({ role: 'worker', workerCode: 'YQ01', communityId: 'yinquan', subdistrictId: 'fushan' })
    expect(await demo.store.getPrincipal('dev-subdistrict-fushan')).toMatchObject({ role: 'subdistrict', subdistrictId: 'fushan' })
    expect(await demo.store.getPrincipal('dev-community-qinglong')).toMatchObject({ role: 'community', communityId: 'qinglong' })
    expect(await demo.store.getPrincipal('dev-bureau')).toMatchObject({ role: 'bureau' })
    // demo residents stay plain residents
    expect(await demo.store.getPrincipal(DEMO_RESIDENTS[0].openid)).toBeNull()
  })

  it('leaves the current month empty: ratings and scores in the six months before, visits and feedback in the twelve', async () => {
    expect(await demo.store.listTallies(DEMO_SUBDISTRICT_ID, ['2026-07', '2026-H2'])).toEqual([])
    expect(await demo.store.listSubdistrictScores(DEMO_SUBDISTRICT_ID, ['2026-07'])).toEqual([])
    const [december, january] = [await demo.store.listTallies(DEMO_SUBDISTRICT_ID, ['2025-12']), await demo.store.listTallies(DEMO_SUBDISTRICT_ID, ['2026-01'])]
    // 2025-12 is seven months back: feedback for every worker, but no resident rating and no score.
    expect(december).toHaveLength(30)
    expect(december.every((t) => t.residents.every((n) => n === 0) && t.monthlyScoreCount === 0)).toBe(true)
    expect(december.filter((t) => t.recipients.some((n) => n > 0)).length).toBeGreaterThan(20)
    expect(january.filter((t) => t.residents.some((n) => n > 0))).toHaveLength(28) // the two newcomers start in May
    // 2025-07 is the twelfth month back, 2025-06 the thirteenth
    expect((await demo.store.listTallies(DEMO_SUBDISTRICT_ID, ['2025-07'])).length).toBeGreaterThan(0)
    expect(await demo.store.listTallies(DEMO_SUBDISTRICT_ID, ['2025-06'])).toEqual([])
  })

  it('has a visit behind every feedback but the hall window’s, made 5 to 44 minutes before it', () => {
    const activity = demoActivity(NOW, TEST_SECRETS.idKey)
    const visitAt = new Map([...(activity.visits ?? [])].map((v) => [v.visitCode, new Date(v.at).getTime()]))
    // Feedback given at the service hall's window (ids 'H…', backend/store/ids.ts hallServiceId) rates no visit.
    const feedback = [...(activity.feedback ?? [])].filter((f) => !f.serviceId.startsWith('H'))
    expect(visitAt.has([...(activity.feedback ?? [])].find((f) => f.serviceId.startsWith('H'))?.serviceId ?? 'none')).toBe(false)
    expect(feedback.length).toBeGreaterThan(30 * 12 * 2)
    for (const f of feedback) {
      const minutes = (new Date(f.submittedAt).getTime() - (visitAt.get(f.serviceId) ?? NaN)) / 60_000
      expect({ serviceId: f.serviceId, early: minutes >= 5 && minutes < 45 }).toEqual({ serviceId: f.serviceId, early: true })
    }
  })

  it("gives 浮山's 30 workers 67% of their working time in the grid over the last complete half-year, as the pilot's report", async () => {
    // 2026-H1: 22 + 20 + 22 + 22 + 21 + 22 = 129 weekdays (no holidays configured) x 480 minutes. Each worker logs a share of 52% ... 82%
    // of every working day, give or take 15% a day: the shares average (0.52 + 0.82) / 2 = 0.67.
    const ratios: number[] = []
    for (const worker of demoOrg().workers.filter((w) => w.subdistrictId === DEMO_SUBDISTRICT_ID)) {
      const reply = await demo.call('gridtime.get', { period: '2026-H1', workerCode: worker.code }, 'dev-bureau')
      const { ratio, workingMinutes } = dataOf<{ ratio: number; workingMinutes: number }>(reply)
      expect(workingMinutes).toBe(129 * 480)
      ratios.push(ratio)
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length
    expect(Math.abs(mean - 0.67)).toBeLessThan(0.005)
    expect(Math.min(...ratios)).toBeGreaterThan(0.5)
    expect(Math.max(...ratios)).toBeLessThan(0.85)
  })

  it('has visits in each of the twelve months before now', async () => {
    for (const worker of ['YQ01', 'QL11']) {
      const visits = await demo.store.visits.listVisits(worker, '2025-07-01T00:00:00.000Z', '2026-07-10T00:00:00.000Z')
      const months = new Set(visits.map((v) => v.at.slice(0, 7)))
      expect(months.size).toBe(12)
      expect(visits.every((v) => v.workerCode === worker && v.place.endsWith('栋') && v.note !== '')).toBe(true)
    }
    // Codes are crypto-random (trust rule 5): found by listing, then read back by code.
    const [listed] = await demo.store.visits.listVisits('YQ01', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')
    const visit = await demo.store.visits.getVisit(listed.visitCode)
    expect(visit).toMatchObject({ workerCode: 'YQ01', communityId: 'yinquan', subdistrictId: DEMO_SUBDISTRICT_ID })
    expect(await demo.store.visits.getVisit('no-such-visit')).toBeNull()
  })

  it('keeps each half-year tally equal to the sum of its months', async () => {
    const h1 = await demo.store.listTallies(DEMO_SUBDISTRICT_ID, ['2026-H1'])
    const months = await demo.store.listTallies(DEMO_SUBDISTRICT_ID, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'])
    expect(h1).toHaveLength(30)
    for (const half of h1) {
      const own = months.filter((m) => m.workerCode === half.workerCode)
      const sum = (pick: (m: (typeof own)[number]) => number) => own.reduce((total, m) => total + pick(m), 0)
      expect(half.residents).toEqual([0, 1, 2, 3, 4].map((i) => sum((m) => m.residents[i])))
      expect(half.recipients).toEqual([0, 1, 2, 3, 4].map((i) => sum((m) => m.recipients[i])))
      expect(half.monthlyScoreSum).toBe(sum((m) => m.monthlyScoreSum))
      expect(half.monthlyScoreCount).toBe(sum((m) => m.monthlyScoreCount))
    }
    // a worker active all six months has six monthly scores; the newcomer YQ18 only two
    expect(h1.find((t) => t.workerCode === 'YQ01')?.monthlyScoreCount).toBe(6)
    expect(h1.find((t) => t.workerCode === 'YQ18')?.monthlyScoreCount).toBe(2)
  })

  it('reads the current month in China time (UTC+8)', async () => {
    // 2026-06-30T17:00Z is already 1 July in China: June is history, July starts empty.
    const edge = new SqliteStore(':memory:')
    await seedDemo(edge, new Date('2026-06-30T17:00:00.000Z'), TEST_SECRETS)
    expect(await edge.listTallies(DEMO_SUBDISTRICT_ID, ['2026-07'])).toEqual([])
    expect((await edge.listTallies(DEMO_SUBDISTRICT_ID, ['2026-06'])).length).toBeGreaterThan(0)
    edge.close()
  })

  it('gives a half-year where the 20% quota decides who is 优秀', async () => {
    const rows = await evaluateSubdistrict(demo.store, DEMO_SUBDISTRICT_ID, '2026-H1')
    const eligible = rows.filter((r) => r.total !== null && r.total >= 90 && r.flags.length === 0)
    expect(eligible.length).toBeGreaterThan(6)
    // 30 graded workers: floor(0.2 x 30) = 6
    expect(rows.filter((r) => r.grade === '优秀')).toHaveLength(6)
    expect(rows.filter((r) => r.grade === '基本称职').length).toBeGreaterThanOrEqual(1)
    expect(rows.filter((r) => r.grade === '称职').length).toBeGreaterThan(15)
    expect(rows.filter((r) => r.flags.includes('FEW_RESIDENTS')).length).toBeGreaterThanOrEqual(2)
  })

  it('is the same data every time (no Math.random)', async () => {
    const again = new SqliteStore(':memory:')
    await seedDemo(again, NOW, TEST_SECRETS)
    const periods = ['2026-03', '2026-H1']
    expect(await again.listTallies(DEMO_SUBDISTRICT_ID, periods)).toEqual(await demo.store.listTallies(DEMO_SUBDISTRICT_ID, periods))
    again.close()
  })
})

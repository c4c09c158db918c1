// The demo is consistent: behind every closed month's sub-district scores stands the submitted sheet they
// came from, its points summing to each score, so the sheet page says 已提交 with the reports' numbers
// and nobody can submit it again over them. The current month has no sheet, as it has no scores.
import { DEMO_SECOND_SUBDISTRICT_ID, DEMO_SECOND_SUBDISTRICT_STAFF, DEMO_SUBDISTRICT_ID, DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { pointsOfScore } from '@backend/demo/seedSheets'
import type { SheetView } from '@core/sheetSchemas'
import { DEFAULT_SHEET_CRITERIA, toTenths } from '@core/sheets'
import { dataOf } from './support/apiHarness'
import { demoCaller, type TestCaller } from './support/demoCaller'

// 2026-12-10 China time: the demo's six months are 2026-06 … 2026-11, all closed; December is open.
const NOW = new Date('2026-12-10T02:00:00.000Z')
const CLOSED = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']
const NOVEMBER = { kind: 'period', period: '2026-11' } as const

interface EvaluationRow {
  workerCode: string
  subdistrict: { score: number } | null
}

describe('the demo’s scoring sheets', () => {
  let demo: TestCaller
  beforeAll(async () => {
    demo = await demoCaller({ now: NOW })
  })
  afterAll(() => demo.close())

  const sheetOf = async (period: string, staff: string) => dataOf<SheetView>(await demo.call('sheet.get', { kind: 'period', period }, staff))

  it('puts a submitted sheet behind each closed month of both sub-districts, each row’s points summing to the worker’s score', async () => {
    for (const [subdistrictId, staff] of [[DEMO_SUBDISTRICT_ID, DEMO_SUBDISTRICT_STAFF], [DEMO_SECOND_SUBDISTRICT_ID, DEMO_SECOND_SUBDISTRICT_STAFF]]) {
      for (const period of CLOSED) {
        const scores = await demo.store.listSubdistrictScores(subdistrictId, [period])
        const sheet = await sheetOf(period, staff)
        expect({ period, status: sheet.status }).toEqual({ period, status: 'submitted' })
        const scored = sheet.rows.filter((row) => row.score !== null)
        expect(scored.map((row) => [row.workerCode, row.score]).sort()).toEqual(scores.map((s) => [s.workerCode, s.score]).sort())
        for (const row of scored) expect(row.points.reduce((sum: number, p) => sum + toTenths(p ?? NaN), 0)).toBe(toTenths(row.score ?? NaN))
      }
    }
  })

  it('scores the two newcomers (YQ18, QL12, from October) in no earlier sheet: 28 of 30 rows in 2026-06 to 09, 30 after', async () => {
    const scoredIn = async (period: string) => (await sheetOf(period, DEMO_SUBDISTRICT_STAFF)).rows.filter((row) => row.score !== null).length
    expect(await Promise.all(CLOSED.map(scoredIn))).toEqual([28, 28, 28, 28, 30, 30])
    const july = await sheetOf('2026-07', DEMO_SUBDISTRICT_STAFF)
    expect(july.rows.filter((row) => row.score === null).map((row) => row.workerCode)).toEqual(['QL12', 'YQ18'])
  })

  it('shows November as the reports do: YQ01 95 = 38 + 38 + 19, QL02 83 = 33.2 + 33.2 + 16.6 on 履职尽责 40, 工作实绩 40, 纪律作风 20', async () => {
    const evaluation = dataOf<{ rows: EvaluationRow[] }>(await demo.call('evaluation.get', { period: '2026-11' }, DEMO_SUBDISTRICT_STAFF))
    const reported = new Map(evaluation.rows.map((row) => [row.workerCode, row.subdistrict?.score]))
    expect([reported.get('YQ01'), reported.get('QL02')]).toEqual([95, 83])
    const sheet = await sheetOf('2026-11', DEMO_SUBDISTRICT_STAFF)
    expect(sheet).toMatchObject({ status: 'submitted', version: 1, submittedBy: '浮山办事处 王科长', changes: [] })
    const row = (code: string) => sheet.rows.find((r) => r.workerCode === code)
    expect(row('YQ01')).toMatchObject({ points: [38, 38, 19], score: 95 })
    expect(row('QL02')).toMatchObject({ points: [33.2, 33.2, 16.6], score: 83 })
  })

  it('refuses to submit November again over its scores (locked: a change needs a reason) and leaves them', async () => {
    const before = await demo.store.listSubdistrictScores(DEMO_SUBDISTRICT_ID, ['2026-11'])
    const again = await demo.call('sheet.submit', { ...NOVEMBER, version: 1, idempotencyKey: 'demo-resubmit-1', rows: [{ workerCode: 'YQ01', points: [10, 10, 10] }] }, DEMO_SUBDISTRICT_STAFF)
    expect(again).toEqual({ ok: false, code: 'CONFLICT', message: '评分表已提交，如需修改请填写修改理由' })
    expect(await demo.store.listSubdistrictScores(DEMO_SUBDISTRICT_ID, ['2026-11'])).toEqual(before)
  })

  it('leaves the current month without a sheet, as without scores', async () => {
    expect(await demo.store.sheets.getSheet(DEMO_SUBDISTRICT_ID, 'period', '2026-12')).toBeNull()
    expect((await sheetOf('2026-12', DEMO_SUBDISTRICT_STAFF)).status).toBe('new')
  })
})

describe('a score split over the criteria (pointsOfScore)', () => {
  it('splits in proportion to the weights, exact in tenths: 93.3 on 40/40/20 is 37.3 + 37.3 + 18.7', () => {
    // 933 tenths: 373.2, 373.2, 186.6 rounded down are 373 + 373 + 186 = 932; the tenth left goes to the largest remainder (.6).
    expect(pointsOfScore(93.3, DEFAULT_SHEET_CRITERIA)).toEqual([37.3, 37.3, 18.7])
    expect(pointsOfScore(100, DEFAULT_SHEET_CRITERIA)).toEqual([40, 40, 20])
  })

  it('never gives a criterion more than its weight: 99.9 on 30/30/40 is 30 + 30 + 39.9', () => {
    // 999 tenths: 299.7, 299.7, 399.6 -> 299 + 299 + 399 = 997; two tenths left, to the remainders .7 and .7.
    const criteria = [{ name: '履职', weight: 30 }, { name: '实绩', weight: 30 }, { name: '作风', weight: 40 }]
    expect(pointsOfScore(99.9, criteria)).toEqual([30, 30, 39.9])
  })
})

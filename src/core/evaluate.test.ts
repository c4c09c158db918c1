// evaluate(): the three-party evaluation of one sub-district for one period, DESIGN section 3.
// Every expected number is worked out by hand in the comments.
import { fraction } from './exact'
import { evaluate, pointsOf, pooledMean, shrunkScore } from './scoring'
import { DEFAULT_SETTINGS } from './settings'
import { repeatLevel, worker } from '../../test/support/ratingLevels'
import type { EvaluationRow, Settings } from './types'

const byCode = (rows: EvaluationRow[]) => Object.fromEntries(rows.map((r) => [r.workerCode, r]))
const gradesOf = (rows: EvaluationRow[]) => rows.map((r) => `${r.workerCode} ${r.grade}`)
/** priorWeight 0 turns shrinkage off, so party scores are plain means and ties are easy to build. */
const noShrinkage: Settings = { ...DEFAULT_SETTINGS, priorWeight: 0 }

describe('the worked example of DESIGN section 3 (workers X and Y, 2026-03)', () => {
  const X = worker('X', { residents: [5, 4, 4, 5, 3, 5], recipients: [5, 5, 4], subdistrict: 88 })
  const Y = worker('Y', { residents: [2, 4], subdistrict: 75 })
  const points = DEFAULT_SETTINGS.levelPoints

  it('pools C and shrinks each party score toward it', () => {
    // residents: X 100+80+80+100+60+100 = 520 (n 6), Y 20+80 = 100 (n 2); C = 620 / 8 = 77.5
    const cR = pooledMean([X.residents, Y.residents], points)
    expect(cR).toEqual(fraction(155, 2))
    // R_X = (520 + 5 × 77.5) / (6 + 5) = 907.5 / 11 = 82.5
    expect(shrunkScore(fraction(pointsOf(X.residents, points)), 6, fraction(155, 2), fraction(5))).toEqual(fraction(165, 2))
    // R_Y = (100 + 387.5) / 7 = 487.5 / 7 = 975/14 = 69.642857…
    expect(shrunkScore(fraction(pointsOf(Y.residents, points)), 2, fraction(155, 2), fraction(5))).toEqual(fraction(975, 14))
    // recipients: X 100+100+80 = 280 (n 3), Y none; C = 280 / 3 = 93.33…; S_X = (280 + 5 × 280/3) / 8 = 280/3
    expect(pooledMean([X.recipients, Y.recipients], points)).toEqual(fraction(280, 3))
    expect(shrunkScore(fraction(280), 3, fraction(280, 3), fraction(5))).toEqual(fraction(280, 3))
  })

  it('gives the totals, flags and grades of the example', () => {
    const rows = evaluate([Y, X], DEFAULT_SETTINGS)
    // Total X = 0.4 × 82.5 + 0.3 × 93.33… + 0.3 × 88 = 33 + 28 + 26.4 = 87.4
    // Total Y = (0.4 × 69.642857 + 0.3 × 75) / 0.7 = (27.857143 + 22.5) / 0.7 = 71.938776 → 71.9
    // N = 2, quota floor(0.2 × 2) = floor(0.4) = 0: nobody 优秀; both >= 70: 称职. X ranks first.
    expect(rows).toEqual([
      {
        workerCode: 'X', name: '工作者X', community: '银泉社区',
        residents: { n: 6, score: 82.5 }, recipients: { n: 3, score: 93.3 }, subdistrict: { score: 88 },
        total: 87.4, grade: '称职', flags: [],
      },
      {
        workerCode: 'Y', name: '工作者Y', community: '银泉社区',
        residents: { n: 2, score: 69.6 }, recipients: null, subdistrict: { score: 75 },
        total: 71.9, grade: '称职', flags: ['FEW_RESIDENTS', 'NO_RECIPIENTS'],
      },
    ])
  })
})

describe('missing parties', () => {
  it('gives 未评定 and every NO_ flag when nobody rated or scored anyone', () => {
    const rows = evaluate([worker('W2'), worker('W1')], DEFAULT_SETTINGS)
    expect(rows.map((r) => r.workerCode)).toEqual(['W1', 'W2'])
    for (const r of rows) {
      expect(r).toMatchObject({ residents: null, recipients: null, subdistrict: null, total: null, grade: '未评定' })
      expect(r.flags).toEqual(['NO_RESIDENTS', 'NO_RECIPIENTS', 'NO_SUBDISTRICT_SCORE'])
    }
  })

  it('returns no rows for a scope without workers', () => {
    expect(evaluate([], DEFAULT_SETTINGS)).toEqual([])
  })

  it('with the sub-district score only, the total is that score and nobody can be 优秀', () => {
    // 0.3 × D / 0.3 = D. N = 5, quota floor(1) = 1, but every worker is flagged, so no 优秀.
    const rows = evaluate(
      [95, 90, 80, 65, 50].map((d, i) => worker(`W${i + 1}`, { subdistrict: d })),
      DEFAULT_SETTINGS,
    )
    expect(rows.map((r) => r.total)).toEqual([95, 90, 80, 65, 50])
    expect(rows.map((r) => r.grade)).toEqual(['称职', '称职', '称职', '基本称职', '不称职'])
    expect(rows[0].flags).toEqual(['NO_RESIDENTS', 'NO_RECIPIENTS'])
  })

  it('with residents only, the total is the residents score', () => {
    // five ratings of 4: s = 400, n = 5, C = 80; R = (400 + 5 × 80) / 10 = 80
    const [row] = evaluate([worker('W1', { residents: repeatLevel(4, 5) })], DEFAULT_SETTINGS)
    expect(row).toMatchObject({ residents: { n: 5, score: 80 }, recipients: null, subdistrict: null, total: 80, grade: '称职' })
    expect(row.flags).toEqual(['NO_RECIPIENTS', 'NO_SUBDISTRICT_SCORE'])
  })
})

describe('flags', () => {
  it('flags too few residents (n < 5) and too few recipients (n < 3), but not n = 0 as "few"', () => {
    const rows = byCode(evaluate([
      worker('A', { residents: repeatLevel(5, 4), recipients: [5, 5], subdistrict: 90 }),
      worker('B', { residents: repeatLevel(5, 5), recipients: [5, 5, 5], subdistrict: 90 }),
      worker('C', { recipients: [5] }),
    ], DEFAULT_SETTINGS))
    expect(rows.A.flags).toEqual(['FEW_RESIDENTS', 'FEW_RECIPIENTS'])
    expect(rows.B.flags).toEqual([])
    expect(rows.C.flags).toEqual(['NO_RESIDENTS', 'FEW_RECIPIENTS', 'NO_SUBDISTRICT_SCORE'])
  })

  it('takes the thresholds from the settings', () => {
    const [row] = evaluate([worker('A', { residents: [5], recipients: [5], subdistrict: 90 })], { ...DEFAULT_SETTINGS, minResidents: 1, minRecipients: 0 })
    expect(row.flags).toEqual([])
  })
})

describe('grades compare at full precision, not the rounded total', () => {
  it('gives 基本称职 to 69.96 although it shows as 70.0, and 称职 to exactly 70', () => {
    const rows = byCode(evaluate([worker('A', { subdistrict: 69.96 }), worker('B', { subdistrict: 70 }), worker('C', { subdistrict: 60 }), worker('D', { subdistrict: 59.99 })], DEFAULT_SETTINGS))
    expect([rows.A.total, rows.A.grade]).toEqual([70, '基本称职'])
    expect(rows.B.grade).toBe('称职')
    expect(rows.C.grade).toBe('基本称职')
    expect([rows.D.total, rows.D.grade]).toEqual([60, '不称职'])
  })

  it('does not give 优秀 to 89.95 although it shows as 90.0', () => {
    // R = 100, S = 100, D = 66.5: 40 + 30 + 19.95 = 89.95 < 90
    const rows = evaluate([worker('A', { residents: repeatLevel(5, 5), recipients: [5, 5, 5], subdistrict: 66.5 })], { ...noShrinkage, excellentQuota: 1 })
    expect([rows[0].total, rows[0].grade]).toEqual([90, '称职'])
  })
})

describe('the 优秀 quota: at most floor(0.2 × N) of a sub-district', () => {
  // Three D-only workers (flagged, total 50) bring N to 5, so the quota is floor(0.2 × 5) = 1.
  const filler = ['F1', 'F2', 'F3'].map((code) => worker(code, { subdistrict: 50 }))

  it('breaks a tie in total by the residents score', () => {
    // No shrinkage. A: R 100, S 80 (three 4s), D 100 → 40 + 24 + 30 = 94
    //               B: R (100·3 + 80 + 60) / 5 = 88, S 100, D 96 → 35.2 + 30 + 28.8 = 94
    const A = worker('A', { residents: repeatLevel(5, 5), recipients: [4, 4, 4], subdistrict: 100 })
    const B = worker('B', { residents: [5, 5, 5, 4, 3], recipients: [5, 5, 5], subdistrict: 96 })
    const rows = evaluate([B, A, ...filler], noShrinkage)
    expect(rows.slice(0, 2).map((r) => [r.workerCode, r.total, r.grade])).toEqual([['A', 94, '优秀'], ['B', 94, '称职']])
  })

  it('then by the sub-district score (the recipients score does not break ties)', () => {
    // A: R 100, S 80, D 100 → 40 + 24 + 30 = 94;  B: R 100, S 100, D 80 → 40 + 30 + 24 = 94
    const A = worker('A', { residents: repeatLevel(5, 5), recipients: [4, 4, 4], subdistrict: 100 })
    const B = worker('B', { residents: repeatLevel(5, 5), recipients: [5, 5, 5], subdistrict: 80 })
    const rows = evaluate([B, A, ...filler], noShrinkage)
    expect(gradesOf(rows.slice(0, 2))).toEqual(['A 优秀', 'B 称职'])
  })

  it('then by worker code', () => {
    // identical ratings and scores: total 100 each
    const same = () => ({ residents: repeatLevel(5, 5), recipients: repeatLevel(5, 3), subdistrict: 100 })
    const rows = evaluate([worker('W002', same()), worker('W001', same()), ...filler], DEFAULT_SETTINGS)
    expect(gradesOf(rows.slice(0, 2))).toEqual(['W001 优秀', 'W002 称职'])
  })

  // 30 workers rated alike: residents five 5s, recipients three 5s. Every rating is 100 points, so
  // C = 100 for both parties and R = (500 + 5 × 100) / 10 = 100, S = (300 + 500) / 8 = 100.
  // Total = 0.4 × 100 + 0.3 × 100 + 0.3 × D = 70 + 0.3 × D, so D alone orders them.
  const alike = (code: string, subdistrict: number, residents = repeatLevel(5, 5)) =>
    worker(code, { residents, recipients: [5, 5, 5], subdistrict })
  const code = (i: number) => `W${String(i).padStart(2, '0')}`

  it('gives 优秀 to 6 of 30 workers who all score 90 or more (the pilot: 6 of 30)', () => {
    // W01..W30 with D = 100 … 71: totals 100, 99.7, … 91.3, all >= 90; floor(0.2 × 30) = 6
    const rows = evaluate(Array.from({ length: 30 }, (_, k) => alike(code(k + 1), 100 - k)), DEFAULT_SETTINGS)
    expect(rows.filter((r) => r.grade === '优秀').map((r) => r.workerCode)).toEqual(['W01', 'W02', 'W03', 'W04', 'W05', 'W06'])
    expect(rows[29]).toMatchObject({ workerCode: 'W30', total: 91.3, grade: '称职' })
  })

  it('skips a flagged worker with a 95 total and gives the place to the next one', () => {
    // F has one resident rating (5): FEW_RESIDENTS. C stays 100, R_F = (100 + 500) / 6 = 100.
    // D_F = 250/3: total 70 + 0.3 × 250/3 = 95, the highest. W01..W29 have D = 80 … 52, totals
    // 94, 93.7, …; the eligible ones are D >= 66.67, i.e. W01..W14. N = 30: the 6 places go to W01..W06.
    const F = alike('F', 250 / 3, [5])
    const rows = evaluate([F, ...Array.from({ length: 29 }, (_, k) => alike(code(k + 1), 80 - k))], DEFAULT_SETTINGS)
    expect(rows[0]).toMatchObject({ workerCode: 'F', total: 95, grade: '称职', flags: ['FEW_RESIDENTS'] })
    expect(rows.filter((r) => r.grade === '优秀').map((r) => r.workerCode)).toEqual(['W01', 'W02', 'W03', 'W04', 'W05', 'W06'])
    expect(byCode(rows).W07).toMatchObject({ total: 92.2, grade: '称职' }) // 70 + 0.3 × 74
  })

  it('is a ceiling, not a target: with only 4 workers at 90 or more, 4 are 优秀', () => {
    // D 100, 90, 80, 70 → totals 100, 97, 94, 91; 26 more with D 60 → 88
    const top = [100, 90, 80, 70].map((d, k) => alike(code(k + 1), d))
    const rest = Array.from({ length: 26 }, (_, k) => alike(code(k + 5), 60))
    const rows = evaluate([...rest, ...top], DEFAULT_SETTINGS)
    expect(rows.filter((r) => r.grade === '优秀')).toHaveLength(4)
    expect(rows[4]).toMatchObject({ total: 88, grade: '称职' })
  })

  it('counts N over workers with a total only', () => {
    // 5 workers, but two have no total: N = 3, floor(0.6) = 0
    const rows = evaluate([alike('A', 100), alike('B', 100), alike('C', 100), worker('D'), worker('E')], DEFAULT_SETTINGS)
    expect(rows.map((r) => r.grade)).toEqual(['称职', '称职', '称职', '未评定', '未评定'])
  })
})

describe('row order', () => {
  it('ranks by total and puts workers without a total last, by worker code', () => {
    const rows = evaluate([worker('A2'), worker('Z9', { subdistrict: 40 }), worker('A1'), worker('B1', { subdistrict: 80 })], DEFAULT_SETTINGS)
    expect(rows.map((r) => r.workerCode)).toEqual(['B1', 'Z9', 'A1', 'A2'])
  })

  it('pools the prior over the whole scope: the same ratings score differently beside other workers', () => {
    // Alone, two 5s: C = 100, R = (200 + 500) / 7 = 100.
    expect(evaluate([worker('A', { residents: [5, 5] })], DEFAULT_SETTINGS)[0].residents).toEqual({ n: 2, score: 100 })
    // Beside B with eight 1s: C = 200 / 10 = 20, R_A = (200 + 5 × 20) / 7 = 300 / 7 = 42.857… → 42.9
    const rows = byCode(evaluate([worker('A', { residents: [5, 5] }), worker('B', { residents: repeatLevel(1, 8) })], DEFAULT_SETTINGS))
    expect(rows.A.residents).toEqual({ n: 2, score: 42.9 })
    // R_B = (0 + 100) / 13 = 7.69… → 7.7
    expect(rows.B.residents).toEqual({ n: 8, score: 7.7 })
  })
})

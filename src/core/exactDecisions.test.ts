// DESIGN section 3: "Decisions are exact" — grade thresholds, the 优秀 quota and the ranking compare
// exact values. Every expected number is worked out by hand in the comments.
import { evaluate } from './scoring'
import { DEFAULT_SETTINGS } from './settings'
import { repeatLevel, worker } from '../../test/support/ratingLevels'
import type { EvaluationRow, Level, Settings } from './types'

const byCode = (rows: EvaluationRow[]) => Object.fromEntries(rows.map((r) => [r.workerCode, r]))
/** priorWeight 0 turns shrinkage off: party scores are plain means. */
const noShrinkage: Settings = { ...DEFAULT_SETTINGS, priorWeight: 0 }

describe('grade thresholds compare the exact total', () => {
  it('gives 称职 to a total of exactly 70 and 基本称职 to 69.9, a tenth below', () => {
    // Only the sub-district party: total = 0.3 × D / 0.3 = D.
    const rows = byCode(evaluate([worker('A', { subdistrict: 70 }), worker('B', { subdistrict: 69.9 }), worker('C', { subdistrict: 60 }), worker('D', { subdistrict: 59.9 })], DEFAULT_SETTINGS))
    expect([rows.A.total, rows.A.grade]).toEqual([70, '称职'])
    expect([rows.B.total, rows.B.grade]).toEqual([69.9, '基本称职'])
    expect([rows.C.total, rows.C.grade]).toEqual([60, '基本称职'])
    expect([rows.D.total, rows.D.grade]).toEqual([59.9, '不称职'])
  })

  it('gives 称职 to a shrunk total that is exactly 70, though float arithmetic lands at 69.99999999999999', () => {
    // Residents: A 5,5,5,4,4 = 460 (n 5); B 4,2,1 = 100 (n 3). C_R = 560 / 8 = 70; R_A = (460 + 5 × 70) / 10 = 81.
    // Recipients: A 4,4,3 = 220 (n 3); B none. C_S = 220 / 3; S_A = (220 + 5 × 220/3) / 8 = 220/3 = 73.33…
    // D_A = 52. Total A = 0.4 × 81 + 0.3 × 220/3 + 0.3 × 52 = 32.4 + 22 + 15.6 = 70 exactly.
    const floatTotal = (0.4 * 81 + 0.3 * (220 / 3) + 0.3 * 52) / (0.4 + 0.3 + 0.3)
    expect(floatTotal).toBeLessThan(70) // 69.99999999999999: the trap an exact decision avoids
    const A = worker('A', { residents: [5, 5, 5, 4, 4], recipients: [4, 4, 3], subdistrict: 52 })
    const B = worker('B', { residents: [4, 2, 1] })
    const rows = byCode(evaluate([A, B], DEFAULT_SETTINGS))
    expect(rows.A).toMatchObject({ residents: { n: 5, score: 81 }, recipients: { n: 3, score: 73.3 }, subdistrict: { score: 52 }, total: 70, grade: '称职' })
  })

  it('makes a total of exactly 90 eligible for 优秀 and 89.89 not', () => {
    // No shrinkage. A: R 5,5,5,5,4 = 480 / 5 = 96, S 100, D 72 → 38.4 + 30 + 21.6 = 90.
    //               B: R 100, S 100, D 66.3 → 40 + 30 + 19.89 = 89.89 (shown 89.9).
    // Three D-only fillers (flagged) make N = 5: one place.
    const A = worker('A', { residents: [5, 5, 5, 5, 4], recipients: [5, 5, 5], subdistrict: 72 })
    const B = worker('B', { residents: repeatLevel(5, 5), recipients: [5, 5, 5], subdistrict: 66.3 })
    const fillers = ['F1', 'F2', 'F3'].map((code) => worker(code, { subdistrict: 50 }))
    const rows = byCode(evaluate([B, A, ...fillers], noShrinkage))
    expect([rows.A.total, rows.A.grade]).toEqual([90, '优秀'])
    expect([rows.B.total, rows.B.grade]).toEqual([89.9, '称职'])
  })
})

describe('the ranking compares exact totals: equal is a tie, broken by residents, then worker code', () => {
  it('ranks an exact tie by the residents score, though floats make 41.1 and 41.099999999999994 of it', () => {
    // Residents: A 1,1,1,1,1 = 0; B 1,2,2,3,4 = 0 + 20 + 20 + 60 + 80 = 180. C_R = 180 / 10 = 18.
    // R_A = (0 + 90) / 10 = 9; R_B = (180 + 90) / 10 = 27. Recipients both 5,5,5: C_S = 100, S = 100.
    // D_A 25, D_B 1. Total A = 3.6 + 30 + 7.5 = 41.1; total B = 10.8 + 30 + 0.3 = 41.1: a tie.
    expect((0.4 * 9 + 0.3 * 100 + 0.3 * 25) / 1).not.toBe((0.4 * 27 + 0.3 * 100 + 0.3 * 1) / 1) // floats differ
    const A = worker('W1', { residents: repeatLevel(1, 5), recipients: [5, 5, 5], subdistrict: 25 })
    const B = worker('W3', { residents: [1, 2, 2, 3, 4], recipients: [5, 5, 5], subdistrict: 1 })
    const rows = evaluate([A, B], DEFAULT_SETTINGS)
    expect(rows.map((r) => [r.workerCode, r.total, r.residents?.score])).toEqual([['W3', 41.1, 27], ['W1', 41.1, 9]])
  })

  it('then by worker code when totals, residents and sub-district scores are all equal', () => {
    // Residents: A five 1s; B and its twin B′ 1,2,2,3,4 each. C_R = 360 / 15 = 24.
    // R_A = (0 + 120) / 10 = 12; R_B = R_B′ = (180 + 120) / 10 = 30. Recipients all 5,5,5: S = 100.
    // Totals: A 4.8 + 30 + 0.3 × 25 = 42.3; B, B′ 12 + 30 + 0.3 × 1 = 42.3. B′ has the lower code.
    const twin = { residents: [1, 2, 2, 3, 4] as Level[], recipients: [5, 5, 5] as Level[], subdistrict: 1 }
    const rows = evaluate([worker('W1', { residents: repeatLevel(1, 5), recipients: [5, 5, 5], subdistrict: 25 }), worker('W3', twin), worker('W2', twin)], DEFAULT_SETTINGS)
    expect(rows.map((r) => [r.workerCode, r.total])).toEqual([['W2', 42.3], ['W3', 42.3], ['W1', 42.3]])
  })
})

describe('the 优秀 quota: 30 workers, 8 of them eligible, get exactly floor(0.2 × 30) = 6 优秀', () => {
  // No shrinkage: R and S are plain means; total = 0.4 R + 0.3 S + 0.3 D.
  const five = (level: Level) => repeatLevel(level, 5)
  const eligible = [
    worker('W01', { residents: five(5), recipients: [5, 5, 5], subdistrict: 100 }), // 40 + 30 + 30 = 100
    worker('W02', { residents: five(5), recipients: [5, 5, 5], subdistrict: 95 }), // 40 + 30 + 28.5 = 98.5
    worker('W03', { residents: five(5), recipients: [5, 5, 5], subdistrict: 90 }), // 40 + 30 + 27 = 97
    // Four at 94: W08 and W07 have residents 100 and rank by D (100 over 80); W05 and W06 have residents
    // 88 (5,5,5,4,3 = 440 / 5) and D 96, and rank by code.
    worker('W08', { residents: five(5), recipients: [4, 4, 4], subdistrict: 100 }), // 40 + 24 + 30 = 94
    worker('W07', { residents: five(5), recipients: [5, 5, 5], subdistrict: 80 }), // 40 + 30 + 24 = 94
    worker('W06', { residents: [5, 5, 5, 4, 3], recipients: [5, 5, 5], subdistrict: 96 }), // 35.2 + 30 + 28.8 = 94
    worker('W05', { residents: [5, 5, 5, 4, 3], recipients: [5, 5, 5], subdistrict: 96 }), // 94
    worker('W04', { residents: [5, 5, 5, 5, 4], recipients: [5, 5, 5], subdistrict: 72 }), // 38.4 + 30 + 21.6 = 90
  ]
  // Not eligible: W09 at 89.89; W10..W21 at 100 but with four residents (FEW_RESIDENTS); W22..W30 at 60.
  const below90 = worker('W09', { residents: five(5), recipients: [5, 5, 5], subdistrict: 66.3 })
  const code = (i: number) => `W${String(i).padStart(2, '0')}`
  const flagged = Array.from({ length: 12 }, (_, k) => worker(code(10 + k), { residents: repeatLevel(5, 4), recipients: [5, 5, 5], subdistrict: 100 }))
  const low = Array.from({ length: 9 }, (_, k) => worker(code(22 + k), { residents: five(3), recipients: [3, 3, 3], subdistrict: 60 }))
  const rows = evaluate([...low, ...flagged, below90, ...eligible.slice().reverse()], noShrinkage)

  it('has 30 workers with a total', () => {
    expect(rows.filter((r) => r.total !== null)).toHaveLength(30)
  })

  it('gives the 6 places to the best eligible in ranking order, ties broken as specified', () => {
    expect(rows.filter((r) => r.grade === '优秀').map((r) => r.workerCode)).toEqual(['W01', 'W02', 'W03', 'W08', 'W07', 'W05'])
    const row = byCode(rows)
    expect([row.W06.total, row.W06.grade]).toEqual([94, '称职']) // lost the tie with W05 on the code
    expect([row.W04.total, row.W04.grade]).toEqual([90, '称职']) // eligible, but no place left
  })

  it('grades everyone else by the thresholds', () => {
    const row = byCode(rows)
    expect([row.W09.total, row.W09.grade]).toEqual([89.9, '称职'])
    expect(flagged.every((w) => row[w.workerCode].grade === '称职' && row[w.workerCode].total === 100)).toBe(true)
    expect(low.every((w) => row[w.workerCode].grade === '基本称职' && row[w.workerCode].total === 60)).toBe(true)
  })
})

// Properties that must hold for any ratings and scores, not just the worked examples.
import * as fc from 'fast-check'
import { evaluate, excellentQuotaCount, roundHalfAwayFromZero } from './scoring'
import { DEFAULT_SETTINGS } from './settings'
import type { LevelHistogram, Settings, WorkerPeriodInput } from './types'

const histogram: fc.Arbitrary<LevelHistogram> = fc.tuple(
  fc.nat(4), fc.nat(4), fc.nat(4), fc.nat(6), fc.nat(8),
)

const workers: fc.Arbitrary<WorkerPeriodInput[]> = fc
  .array(
    fc.record({
      residents: fc.oneof(histogram, fc.constant<LevelHistogram>([0, 0, 0, 0, 0])),
      recipients: fc.oneof(histogram, fc.constant<LevelHistogram>([0, 0, 0, 0, 0])),
      subdistrictScore: fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }))),
    }),
    { maxLength: 40 },
  )
  .map((rows) => rows.map((r, i) => ({ ...r, workerCode: `W${String(i).padStart(3, '0')}`, name: `工作者${i}`, community: '银泉社区' })))

/** Positive weights summing to 1, priorWeight 0..10, quota 0..1, excellentMin 50..100. */
const settings: fc.Arbitrary<Settings> = fc
  .record({
    a: fc.integer({ min: 1, max: 10 }),
    b: fc.integer({ min: 1, max: 10 }),
    c: fc.integer({ min: 1, max: 10 }),
    priorWeight: fc.integer({ min: 0, max: 10 }),
    excellentQuota: fc.integer({ min: 0, max: 10 }).map((k) => k / 10),
    excellentMin: fc.integer({ min: 50, max: 100 }),
  })
  .map(({ a, b, c, ...rest }) => ({
    ...DEFAULT_SETTINGS,
    ...rest,
    weights: { residents: a / (a + b + c), recipients: b / (a + b + c), subdistrict: c / (a + b + c) },
  }))

describe('evaluate, for any scope', () => {
  it('puts every total between the lowest and the highest present party score', () => {
    // A weighted mean lies within its values; rounding to one decimal is monotone, so it still does.
    fc.assert(
      fc.property(workers, settings, (inputs, s) => {
        for (const row of evaluate(inputs, s)) {
          const present = [row.residents?.score, row.recipients?.score, row.subdistrict?.score].filter((x): x is number => x !== undefined)
          if (present.length === 0) {
            expect(row.total).toBeNull()
          } else {
            expect(row.total).not.toBeNull()
            expect(row.total!).toBeGreaterThanOrEqual(Math.min(...present))
            expect(row.total!).toBeLessThanOrEqual(Math.max(...present))
          }
        }
      }),
    )
  })

  it('gives 优秀 to at most floor(quota × N) workers, each unflagged and at or above excellentMin', () => {
    fc.assert(
      fc.property(workers, settings, (inputs, s) => {
        const rows = evaluate(inputs, s)
        const graded = rows.filter((r) => r.total !== null).length
        const excellent = rows.filter((r) => r.grade === '优秀')
        expect(excellent.length).toBeLessThanOrEqual(Math.floor(s.excellentQuota * graded + 1e-9))
        for (const r of excellent) {
          expect(r.flags).toEqual([])
          expect(r.total!).toBeGreaterThanOrEqual(s.excellentMin)
        }
      }),
    )
  })

  it('does not depend on the order the workers come in', () => {
    fc.assert(
      fc.property(
        workers.chain((inputs) => fc.tuple(fc.constant(inputs), fc.shuffledSubarray(inputs, { minLength: inputs.length }))),
        settings,
        ([inputs, shuffled], s) => {
          expect(evaluate(shuffled, s)).toEqual(evaluate(inputs, s))
        },
      ),
    )
  })

  it('grades 未评定 exactly the workers without a total', () => {
    fc.assert(
      fc.property(workers, (inputs) => {
        for (const r of evaluate(inputs, DEFAULT_SETTINGS)) expect(r.grade === '未评定').toBe(r.total === null)
      }),
    )
  })
})

describe('roundHalfAwayFromZero, for any number', () => {
  it('rounds every exact half up in magnitude: (2k + 1) / 20 → (k + 1) / 10', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (k) => {
        expect(roundHalfAwayFromZero((2 * k + 1) / 20)).toBe((k + 1) / 10)
        expect(roundHalfAwayFromZero(-(2 * k + 1) / 20)).toBe(-(k + 1) / 10)
      }),
    )
  })

  it('is symmetric about zero and moves a value by at most half a unit', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (x) => {
        expect(roundHalfAwayFromZero(-x) + 0).toBe(-roundHalfAwayFromZero(x) + 0)
        expect(Math.abs(roundHalfAwayFromZero(x) - x)).toBeLessThanOrEqual(0.05 + 1e-9)
      }),
    )
  })
})

it('excellentQuotaCount is floor(q × N) for tenths of a quota', () => {
  // q = k / 10: floor(k × N / 10) in integer arithmetic, free of float error
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10 }), fc.nat(2000), (k, n) => {
      expect(excellentQuotaCount(k / 10, n)).toBe(Math.floor((k * n) / 10))
    }),
  )
})

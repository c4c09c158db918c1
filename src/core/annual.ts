// Annual assessment — the 6 of 3456: daily assessment counts for at least 60% of the annual one.
import { ApiError } from './errors'
import { type Fraction, compareFractions, fraction, fractionMeant, plus, roundTenths, times } from './exact'
import type { Flag } from './types'

/** The policy floor of the daily share (the 6 of 3456). */
export const DAILY_SHARE_MIN = 0.6

/**
 * annual = dailyShare × three-party total of the year + (1 − dailyShare) × year-end review
 * (DESIGN section 3). A missing year-end review gives null and NO_YEAR_END; a missing yearly total
 * (nobody rated or scored the worker all year) gives null too, since the daily part cannot be left out.
 * The result is reported to one decimal, half away from zero, like every score, from the exact value:
 * the year total as evaluate computed it, before it was rounded for display (evaluateExactly), and the
 * share and the year-end review read as the decimals they were set and entered as. Rounding the total
 * first could move the annual score by a tenth (3525/49 shows as 71.9: 0.6 × 71.9 + 0.4 × 80 = 75.14,
 * against the exact 3683/49 = 75.16…).
 */
export function annualScore(
  yearTotal: Fraction | number | null,
  yearEnd: number | null,
  dailyShare: number,
): { annual: number | null; flags: Flag[] } {
  if (!(Number.isFinite(dailyShare) && dailyShare >= DAILY_SHARE_MIN && dailyShare <= 1)) {
    throw new ApiError('INVALID_INPUT', 'dailyShare（日常考核占比）必须在 0.6 到 1 之间（日常考核至少占年度考核的 60%）')
  }
  const total = yearTotal === null || typeof yearTotal === 'object' ? yearTotal : Number.isFinite(yearTotal) ? fractionMeant(yearTotal) : fraction(-1)
  const end = yearEnd === null ? null : Number.isFinite(yearEnd) ? fractionMeant(yearEnd) : fraction(-1)
  for (const [value, what] of [[total, '年度三方总分'], [end, '年终考核分']] as const) {
    if (value !== null && !(compareFractions(value, fraction(0)) >= 0 && compareFractions(value, fraction(100)) <= 0)) {
      throw new ApiError('INVALID_INPUT', `${what}必须在 0 到 100 之间`)
    }
  }
  if (end === null) return { annual: null, flags: ['NO_YEAR_END'] }
  if (total === null) return { annual: null, flags: [] }
  const share = fractionMeant(dailyShare)
  const rest = plus(fraction(1), times(fraction(-1), share))
  return { annual: roundTenths(plus(times(share, total), times(rest, end))), flags: [] }
}

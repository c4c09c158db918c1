// Annual assessment — the 6 of 3456: daily assessment counts for at least 60% of the annual one.
import { ApiError } from './errors'
import { fraction, fractionMeant, plus, roundTenths, times } from './exact'
import type { Flag } from './types'

/** The policy floor of the daily share (the 6 of 3456). */
export const DAILY_SHARE_MIN = 0.6

/**
 * annual = dailyShare × three-party total of the year + (1 − dailyShare) × year-end review
 * (DESIGN section 3). A missing year-end review gives null and NO_YEAR_END; a missing yearly total
 * (nobody rated or scored the worker all year) gives null too, since the daily part cannot be left out.
 * The result is reported to one decimal, half away from zero, like every score, from the exact value:
 * the share and the two scores are read as the decimals they were set and entered as.
 */
export function annualScore(
  yearTotal: number | null,
  yearEnd: number | null,
  dailyShare: number,
): { annual: number | null; flags: Flag[] } {
  if (!(Number.isFinite(dailyShare) && dailyShare >= DAILY_SHARE_MIN && dailyShare <= 1)) {
    throw new ApiError('INVALID_INPUT', 'dailyShare（日常考核占比）必须在 0.6 到 1 之间（日常考核至少占年度考核的 60%）')
  }
  for (const [value, what] of [[yearTotal, '年度三方总分'], [yearEnd, '年终考核分']] as const) {
    if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= 100)) {
      throw new ApiError('INVALID_INPUT', `${what}必须在 0 到 100 之间`)
    }
  }
  if (yearEnd === null) return { annual: null, flags: ['NO_YEAR_END'] }
  if (yearTotal === null) return { annual: null, flags: [] }
  const share = fractionMeant(dailyShare)
  const rest = plus(fraction(1), times(fraction(-1), share))
  return { annual: roundTenths(plus(times(share, fractionMeant(yearTotal)), times(rest, fractionMeant(yearEnd)))), flags: [] }
}

// The ranking of the city's sub-districts for a period. 优秀 is capped at 20% of each sub-district's
// graded workers (DESIGN section 3), so it cannot tell sub-districts apart; what can differ is how many
// of their workers reach 称职 at least. That share, of all the workers in the period (a worker left
// 未评定 counts against it, as in the report's grade shares), decides first; the rule of the 5, time down
// in the grid, decides between equal shares. Equal on both as shown: the same place (1, 1, 3).
import type { Grade } from './types'

export const RANKING_RULE =
  '排名规则：先比“称职及以上”（优秀加称职）人数占参评人数的比例，高的在前；比例相同的，再比平均在网格时间；两项都相同的，名次并列。没有参评人员的街道不排名。'

/** What the ranking reads of a sub-district: its report's summary. */
export interface RankedSubdistrict {
  subdistrictName: string
  workers: number
  grades: Readonly<Record<Grade, number>>
  /** To 0.001, as the page shows it. */
  avgGridTimeRatio: number | null
}

/** 优秀 and 称职: the grades at or above 称职. */
export function competentCount(grades: Readonly<Record<Grade, number>>): number {
  return grades.优秀 + grades.称职
}

/** Grid time in thousandths, as shown (0.672 → 672); none: below every ratio. */
const gridTimeKey = (ratio: number | null): number => (ratio === null ? -1 : Math.round(ratio * 1000))

/**
 * Negative when `a` ranks above `b`, 0 when they share a place. Shares compare exactly: a/n against b/m
 * as a × m against b × n, whole numbers.
 */
export function compareSubdistricts(a: RankedSubdistrict, b: RankedSubdistrict): number {
  const byShare = competentCount(b.grades) * a.workers - competentCount(a.grades) * b.workers
  if (byShare !== 0) return byShare
  return gridTimeKey(b.avgGridTimeRatio) - gridTimeKey(a.avgGridTimeRatio)
}

/** One collator for Chinese names, made once (as reportBuild.ts does). */
let chineseOrder: Intl.Collator | undefined

/**
 * The sub-districts in ranking order, each with its place; those without workers last, unranked (null),
 * by name. Sub-districts sharing a place are listed by name.
 */
export function rankSubdistricts<T extends RankedSubdistrict>(subdistricts: readonly T[]): Array<T & { rank: number | null }> {
  chineseOrder ??= new Intl.Collator('zh-CN')
  const collator = chineseOrder
  const byName = (a: T, b: T) => collator.compare(a.subdistrictName, b.subdistrictName)
  const ranked = subdistricts.filter((s) => s.workers > 0).sort((a, b) => compareSubdistricts(a, b) || byName(a, b))
  const unranked = subdistricts.filter((s) => s.workers === 0).sort(byName)
  let place = 0
  const placed = ranked.map((s, i) => {
    if (i === 0 || compareSubdistricts(ranked[i - 1], s) !== 0) place = i + 1
    return { ...s, rank: place }
  })
  return [...placed, ...unranked.map((s) => ({ ...s, rank: null }))]
}

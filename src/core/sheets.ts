// The rules of the sub-district's scoring sheet: each criterion's weight is its full
// marks, a worker gets 0..weight points on it with at most one decimal, and the worker's score is the
// SUM of the points — 0..100 with at most one decimal. Sums are taken in whole tenths, never as float
// sums (DESIGN section 3: decisions are exact), so 38.5 + 36 + 18.7 is exactly 93.2.
import { hasAtMostOneDecimal } from './payloadFields'
import type { SheetCriterion } from './types'

/** The default criteria: 履职尽责 40, 工作实绩 40, 纪律作风 20. */
export const DEFAULT_SHEET_CRITERIA: SheetCriterion[] = [
  { name: '履职尽责', weight: 40 },
  { name: '工作实绩', weight: 40 },
  { name: '纪律作风', weight: 20 },
]

/** 'period': a month, half-year or year key (its scores are party D); 'yearEnd': the year-end review of `YYYY`. */
export type SheetKind = 'period' | 'yearEnd'

/** Points of one worker, one per criterion in the sheet's order; null: not scored yet. */
export type SheetPoints = Array<number | null>

/** A number of points kept as whole tenths: 38.5 -> 385. Only for values with at most one decimal. */
export const toTenths = (x: number): number => Math.round(x * 10)

/** Why these points cannot stand on these criteria, or null when they can (null points are allowed: a draft). */
export function pointsProblem(points: SheetPoints, criteria: readonly SheetCriterion[]): string | null {
  if (points.length !== criteria.length) return `每位工作者应有 ${criteria.length} 项得分`
  for (let i = 0; i < criteria.length; i += 1) {
    const p = points[i]
    if (p === null) continue
    const { name, weight } = criteria[i]
    if (!Number.isFinite(p) || p < 0 || p > weight) return `“${name}”的得分应在 0 到 ${weight} 分之间`
    if (!hasAtMostOneDecimal(p)) return `“${name}”的得分最多保留一位小数，例如 ${weight - 1.5}`
  }
  return null
}

/** The worker's sheet score (the sum of the points, exact in tenths), or null while a criterion is unscored. */
export function sheetScore(points: SheetPoints): number | null {
  let tenths = 0
  for (const p of points) {
    if (p === null) return null
    tenths += toTenths(p)
  }
  return tenths / 10
}

export interface SheetRowPoints {
  workerCode: string
  points: SheetPoints
}

/** Workers whose row is not complete yet (a criterion unscored), in the sheet's order. */
export function unscoredWorkers<R extends SheetRowPoints>(rows: readonly R[]): R[] {
  return rows.filter((row) => sheetScore(row.points) === null)
}

/** “还有 3 位工作者未评分：张三、李四、王五” — at most 10 names, then 等. */
export function unscoredMessage(names: readonly string[]): string {
  const shown = names.slice(0, 10).join('、')
  return `还有 ${names.length} 位工作者未评分：${shown}${names.length > 10 ? ' 等' : ''}`
}

export interface SheetScoreChange {
  workerCode: string
  from: SheetPoints
  to: SheetPoints
  /** The worker's score before and after (null: incomplete). */
  fromScore: number | null
  toScore: number | null
}

/** The rows whose points differ between two versions of a sheet; a worker missing from `before` counts as unscored. */
export function changedRows(before: readonly SheetRowPoints[], after: readonly SheetRowPoints[]): SheetScoreChange[] {
  const old = new Map(before.map((row) => [row.workerCode, row.points]))
  const changes: SheetScoreChange[] = []
  for (const row of after) {
    const from = old.get(row.workerCode) ?? row.points.map(() => null)
    const same = from.length === row.points.length && from.every((p, i) => p === row.points[i])
    if (!same) changes.push({ workerCode: row.workerCode, from, to: row.points, fromScore: sheetScore(from), toScore: sheetScore(row.points) })
  }
  return changes
}

/** Criteria the bureau may save: 1..8, names non-empty, unique, at most 10 characters, whole weights > 0 summing to 100. */
export function criteriaProblem(criteria: readonly SheetCriterion[]): string | null {
  if (criteria.length < 1 || criteria.length > 8) return '评分项应有 1 到 8 项'
  const names = criteria.map((c) => c.name.trim())
  if (names.some((name) => name.length === 0)) return '每个评分项都要有名称'
  if (names.some((name) => name.length > 10)) return '评分项名称最多 10 个字'
  if (new Set(names).size !== names.length) return '评分项名称不能重复'
  if (criteria.some((c) => !Number.isInteger(c.weight) || c.weight <= 0)) return '每个评分项的分值都应是大于 0 的整数'
  const total = criteria.reduce((sum, c) => sum + c.weight, 0)
  if (total !== 100) return `各评分项分值之和应为 100，现在是 ${total}`
  return null
}

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

/** Why one number of points does not fit its criterion (0..weight, at most one decimal), in a few words; null when it fits. */
export function cellProblem(p: number, criterion: SheetCriterion): string | null {
  if (!Number.isFinite(p)) return '不是有效的数'
  if (p < 0) return '不能小于 0'
  if (p > criterion.weight) return `超过满分 ${criterion.weight}`
  if (!hasAtMostOneDecimal(p)) return '最多一位小数'
  return null
}

/** A cell of a row whose points do not fit: which criterion (its index), what was given, why. */
export interface CellProblem {
  criterion: number
  value: number
  problem: string
}

/** The cells of a row that do not fit their criteria, in order; an empty cell (null) fits: a draft. */
export function cellProblems(points: SheetPoints, criteria: readonly SheetCriterion[]): CellProblem[] {
  const cells: CellProblem[] = []
  criteria.forEach((criterion, i) => {
    const value = points[i]
    if (value === null || value === undefined) return
    const problem = cellProblem(value, criterion)
    if (problem !== null) cells.push({ criterion: i, value, problem })
  })
  return cells
}

/** “履职尽责”填了 45，超过满分 40 */
export function cellMessage(cell: CellProblem, criteria: readonly SheetCriterion[]): string {
  return `“${criteria[cell.criterion].name}”填了 ${cell.value}，${cell.problem}`
}

/** Why these points cannot stand on these criteria (the first cell that does not fit), or null when they can (null points are allowed: a draft). */
export function pointsProblem(points: SheetPoints, criteria: readonly SheetCriterion[]): string | null {
  if (points.length !== criteria.length) return `每位工作者应有 ${criteria.length} 项得分`
  const [first] = cellProblems(points, criteria)
  return first === undefined ? null : cellMessage(first, criteria)
}

/**
 * A draft row as it may be kept: every cell that fits is taken; a cell that does not keeps what was stored
 * before (nothing is stored for it) and is listed, so a draft save keeps the good cells instead of refusing
 * the whole sheet for one slip. The row must have one cell per criterion (pointsProblem says so otherwise).
 */
export function draftRow(points: SheetPoints, stored: SheetPoints | undefined, criteria: readonly SheetCriterion[]): { points: SheetPoints; refused: CellProblem[] } {
  const refused = cellProblems(points, criteria)
  const bad = new Set(refused.map((cell) => cell.criterion))
  return { points: points.map((p, i) => (bad.has(i) ? stored?.[i] ?? null : p)), refused }
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

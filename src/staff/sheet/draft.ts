// The sheet page's draft: what the clerk has typed, as text per worker and criterion, turned into the
// points a sheet action sends. The rules (0..weight, one decimal, the sum in tenths) are src/core/sheets.ts;
// this only reads what was typed and says, in a clerk's words, which box is wrong.
import type { SheetView } from '../../core/sheetSchemas'
import { type SheetPoints, cellProblem, pointsProblem, sheetScore } from '../../core/sheets'
import type { SheetCriterion } from '../../core/types'

/** Typed text per worker code: one string per criterion, '' for an empty box. */
export type SheetDraft = Record<string, string[]>

export function draftOf(view: SheetView): SheetDraft {
  return Object.fromEntries(view.rows.map((row) => [row.workerCode, row.points.map((p) => (p === null ? '' : String(p)))]))
}

/** A box's text as points: '' is null; anything else must be a plain number. */
function pointOf(text: string): number | null | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return null
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined
  return Number(trimmed)
}

const NOT_A_NUMBER = '请填数字'

/** What is wrong with one box as typed, in the few words shown beside it (超过满分 40); null when it is empty or fits. */
export function boxProblem(text: string, criterion: SheetCriterion): string | null {
  const point = pointOf(text)
  if (point === undefined) return NOT_A_NUMBER
  return point === null ? null : cellProblem(point, criterion)
}

export type ParsedRow = { workerCode: string; points: SheetPoints }

/** Every row's points, or the first wrong box named by worker and criterion (a submit or a change: all or nothing). */
export function parseDraft(view: SheetView, draft: SheetDraft): { ok: true; rows: ParsedRow[] } | { ok: false; message: string } {
  const rows: ParsedRow[] = []
  for (const row of view.rows) {
    const texts = draft[row.workerCode] ?? row.points.map(() => '')
    const points = texts.map(pointOf)
    const bad = points.findIndex((p) => p === undefined)
    if (bad >= 0) return { ok: false, message: `${row.name}的“${view.criteria[bad].name}”${NOT_A_NUMBER}，例如 ${view.criteria[bad].weight - 2}` }
    const parsed = points as SheetPoints
    const problem = pointsProblem(parsed, view.criteria)
    if (problem !== null) return { ok: false, message: `${row.name}：${problem}` }
    rows.push({ workerCode: row.workerCode, points: parsed })
  }
  return { ok: true, rows }
}

/**
 * What a draft save sends: every number as typed (the server keeps those that fit and lists the others),
 * and, for a box that is not a number at all, the points as loaded, with the box named as not saved.
 */
export function draftRows(view: SheetView, draft: SheetDraft): { rows: ParsedRow[]; unsaved: string[] } {
  const unsaved: string[] = []
  const rows = view.rows.map((row) => {
    const texts = draft[row.workerCode] ?? row.points.map(() => '')
    const points = texts.map((text, i) => {
      const point = pointOf(text)
      if (point !== undefined) return point
      unsaved.push(`${row.name}的“${view.criteria[i].name}”填了 ${text.trim()}，${NOT_A_NUMBER}，没有保存`)
      return row.points[i]
    })
    return { workerCode: row.workerCode, points }
  })
  return { rows, unsaved }
}

/** The running total of one row as typed: the exact sum, or null while a box is empty or wrong. */
export function draftTotal(texts: readonly string[], criteria: readonly SheetCriterion[]): number | null {
  const points = texts.map(pointOf)
  if (points.some((p) => p === undefined)) return null
  const parsed = points as SheetPoints
  return pointsProblem(parsed, criteria) === null ? sheetScore(parsed) : null
}

/** How many rows are complete as typed. */
export function completeCount(view: SheetView, draft: SheetDraft): number {
  return view.rows.filter((row) => draftTotal(draft[row.workerCode] ?? [], view.criteria) !== null).length
}

/** Whether the typed draft differs from the sheet as loaded. */
export function isEdited(view: SheetView, draft: SheetDraft): boolean {
  const loaded = draftOf(view)
  return view.rows.some((row) => (draft[row.workerCode] ?? []).some((text, i) => text.trim() !== loaded[row.workerCode][i]))
}

/**
 * The draft after a save and reload: the sheet as now stored, except the boxes that were wrong as typed,
 * which keep what the clerk typed (with their mark beside them) so they can be put right, not lost.
 */
export function draftAfterSave(view: SheetView, typed: SheetDraft): SheetDraft {
  const stored = draftOf(view)
  return Object.fromEntries(
    view.rows.map((row) => {
      const texts = typed[row.workerCode] ?? []
      return [row.workerCode, stored[row.workerCode].map((text, i) => (texts[i] !== undefined && boxProblem(texts[i], view.criteria[i]) !== null ? texts[i] : text))]
    }),
  )
}

/**
 * The words of an unsubmitted sheet's status, agreeing with its count: 尚未填写 only while no box holds
 * anything (stored or typed), else 草稿 — never “尚未填写 · 已评 2 / 30 人”.
 */
export function draftStatusTitle(view: SheetView, draft: SheetDraft, complete: number): string {
  const anything = view.rows.some((row) => (draft[row.workerCode] ?? []).some((text) => text.trim() !== '') || row.points.some((p) => p !== null))
  const word = view.status === 'new' && !anything ? '尚未填写' : '草稿'
  return `${word} · 已评 ${complete} / ${view.rows.length} 人`
}

/** Under a disabled 提交: how many workers are still to be scored. */
export function submitHint(total: number, complete: number): string | null {
  const left = total - complete
  return left > 0 ? `还有 ${left} 人没有评完，全部评完后才能提交` : null
}

// The sheet page's draft: what the clerk has typed, as text per worker and criterion, turned into the
// points a sheet action sends. The rules (0..weight, one decimal, the sum in tenths) are src/core/sheets.ts;
// this only reads what was typed and says, in a clerk's words, which box is wrong.
import type { SheetView } from '../../core/sheetSchemas'
import { type SheetPoints, pointsProblem, sheetScore } from '../../core/sheets'
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

export type ParsedRow = { workerCode: string; points: SheetPoints }

/** Every row's points, or the first wrong box named by worker and criterion. */
export function parseDraft(view: SheetView, draft: SheetDraft): { ok: true; rows: ParsedRow[] } | { ok: false; message: string } {
  const rows: ParsedRow[] = []
  for (const row of view.rows) {
    const texts = draft[row.workerCode] ?? row.points.map(() => '')
    const points = texts.map(pointOf)
    const bad = points.findIndex((p) => p === undefined)
    if (bad >= 0) return { ok: false, message: `${row.name}的“${view.criteria[bad].name}”请填写数字，例如 ${view.criteria[bad].weight - 2}` }
    const parsed = points as SheetPoints
    const problem = pointsProblem(parsed, view.criteria)
    if (problem !== null) return { ok: false, message: `${row.name}：${problem}` }
    rows.push({ workerCode: row.workerCode, points: parsed })
  }
  return { ok: true, rows }
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

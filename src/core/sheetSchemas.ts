// Payloads and results of the sub-district's scoring sheets and year-end reviews:
// sheet.get reads (staff of the sub-district, the bureau), sheet.save keeps a draft, sheet.submit locks it,
// sheet.change alters a submitted sheet with a reason. Points per criterion are checked against the
// sheet's own criteria in the handler (src/core/sheets.ts pointsProblem): the schema only knows their shape.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { idempotencyKey, period, workerCode } from './payloadFields'
import type { SheetKind, SheetPoints } from './sheets'
import type { SheetCriterion } from './types'

/** The most workers one sheet covers: a sub-district has tens, the limit keeps a payload small. */
export const SHEET_ROWS_MAX = 300

const kind = v.picklist(['period', 'yearEnd'], '请选择评分表类型（考核期评分或年终评议）')

const subdistrictId = v.optional(v.pipe(v.string('街道编号格式不对'), v.trim(), v.minLength(1, '请选择街道'), v.maxLength(64, '街道编号格式不对')))

const pointsMessage = '得分应为 0 到 100 之间的数，最多一位小数'
const points = v.pipe(
  v.array(v.nullable(v.pipe(v.number(pointsMessage), v.finite(pointsMessage))), pointsMessage),
  v.maxLength(8, pointsMessage),
)

const rows = v.pipe(
  v.array(v.object({ workerCode, points }, '评分行格式不对'), '评分行格式不对'),
  v.maxLength(SHEET_ROWS_MAX, `一张评分表最多 ${SHEET_ROWS_MAX} 位工作者`),
)

/** Every submit and change carries one (trust rule 4): a retry returns the first result. */
const requiredKey = idempotencyKey

const version = v.pipe(v.number('请刷新后再试'), v.integer('请刷新后再试'), v.minValue(0, '请刷新后再试'))

const reason = v.pipe(
  v.optional(v.string('请填写修改理由'), ''),
  cleaned,
  v.minLength(5, '修改理由至少 5 个字，请写清为什么修改'),
  v.maxLength(200, '修改理由最多 200 个字'),
)

/** Every sheet action names its sheet; a year-end review's period being a year is checked with the sheet (backend/sheets/sheetViews.ts). */
const sheetOf = <T extends v.ObjectEntries>(entries: T) => v.object({ kind, period, subdistrictId, ...entries })

export const sheetPayloads = {
  'sheet.get': sheetOf({}),
  /** `version` 0: the sheet does not exist yet (sheet.get said 'new'). Cells that do not fit are left out and listed, the rest kept. */
  'sheet.save': sheetOf({ version, rows }),
  /** `rows`, when given, are saved with the submission (one call instead of save + submit). */
  'sheet.submit': sheetOf({ version, rows: v.optional(rows), idempotencyKey: requiredKey }),
  'sheet.change': sheetOf({ version, rows, reason, idempotencyKey: requiredKey }),
} as const

export interface SheetViewRow {
  workerCode: string
  name: string
  community: string
  points: SheetPoints
  /** The sum of the points (exact, one decimal); null while a criterion is unscored. */
  score: number | null
}

export interface SheetChangeView {
  at: string
  by: string
  reason: string
  rows: number
  /** Each worker it changed, by name, with the score before and after (null: the row was not complete). */
  scores: Array<{ workerCode: string; name: string; from: number | null; to: number | null }>
}

/** A sheet as the page shows it: 'new' before its first save (version 0), one row per active worker. */
export interface SheetView {
  subdistrictId: string
  subdistrict: string
  kind: SheetKind
  period: string
  status: 'new' | 'draft' | 'submitted'
  version: number
  criteria: SheetCriterion[]
  rows: SheetViewRow[]
  /** The caller may save, submit or change it (sub-district staff of it; the bureau only reads). */
  editable: boolean
  updatedAt?: string
  submittedAt?: string
  submittedBy?: string
  /** Changes after submission, newest first. */
  changes: SheetChangeView[]
}

/** A cell a draft save did not keep (it did not fit its criterion): the stored value stands. */
export interface SheetRefusedCell {
  workerCode: string
  /** The criterion's index in the sheet's order. */
  criterion: number
  value: number
  /** 张敏的“履职尽责”填了 45，超过满分 40，没有保存 */
  message: string
}

/** sheet.save: the sheet as saved, and the cells it did not keep. */
export interface SheetSaveResult extends SheetView {
  refused: SheetRefusedCell[]
}

export interface SheetResults {
  'sheet.get': SheetView
  'sheet.save': SheetSaveResult
  'sheet.submit': SheetView
  'sheet.change': SheetView
}

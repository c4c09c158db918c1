// Scoring sheets of the sub-district: a sheet per sub-district, kind and period covering all
// its workers, draft -> submitted (locked) -> changed with a reason; and the year-end review scores used
// by the annual assessment, which are the rows of the submitted 'yearEnd' sheet of the year. Part of the
// Store (backend/store/index.ts): implemented by backend/sheets/sqlite.ts (SQLite) and backend/sheets/cloudbase.ts
// (CloudBase), checked by test/storeContracts/sheets.ts.
import { type SheetKind, type SheetPoints, sheetScore } from '@core/sheets'
import type { SheetCriterion } from '@core/types'

export interface YearEndScore {
  workerCode: string
  /** 0..100, at most one decimal. */
  score: number
}

/** Who wrote a sheet (ctx.caller's openid and the staff record's name). */
export interface SheetActor {
  openid: string
  name: string
}

export interface SheetRowRecord {
  workerCode: string
  /** One per criterion of the sheet, in its order; null: not scored yet. */
  points: SheetPoints
}

/** A change of a submitted sheet, as the sheet shows it; the audit log keeps each row's old and new points. */
export interface SheetChangeRecord {
  at: string
  by: SheetActor
  reason: string
  /** Each worker's row it changed: the points before and after (the audit entry is made from these). */
  rows: Array<{ workerCode: string; from: SheetPoints; to: SheetPoints }>
}

export interface SheetRecord {
  subdistrictId: string
  kind: SheetKind
  /** `YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY` ('yearEnd': always `YYYY`). */
  period: string
  status: 'draft' | 'submitted'
  /** 1 when created, + 1 with every write: the compare-and-set putSheet checks. */
  version: number
  /** The criteria in force when the sheet was created: a later settings change leaves it as it is. */
  criteria: SheetCriterion[]
  rows: SheetRowRecord[]
  createdAt: string
  updatedAt: string
  updatedBy: SheetActor
  submittedAt?: string
  submittedBy?: SheetActor
  /** Changes after submission, oldest first. */
  changes: SheetChangeRecord[]
}

export interface SheetStore {
  getSheet(subdistrictId: string, kind: SheetKind, period: string): Promise<SheetRecord | null>
  /**
   * Writes `sheet` if the stored sheet is at `sheet.version - 1` (version 1: only if there is none).
   * False when another write came first (a stale version): nothing is written.
   */
  putSheet(sheet: SheetRecord): Promise<boolean>
  /** The submitted year-end review scores of a sub-district's workers for a year (`YYYY`), complete rows only; none: []. */
  listYearEnd(subdistrictId: string, year: string): Promise<YearEndScore[]>
}

/** listYearEnd from the year's 'yearEnd' sheet, the same on both stores: submitted only, complete rows only. */
export function yearEndScoresOf(sheet: SheetRecord | null): YearEndScore[] {
  if (sheet === null || sheet.kind !== 'yearEnd' || sheet.status !== 'submitted') return []
  return sheet.rows.flatMap((row) => {
    const score = sheetScore(row.points)
    return score === null ? [] : [{ workerCode: row.workerCode, score }]
  })
}

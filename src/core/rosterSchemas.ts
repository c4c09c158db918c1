// Payloads and results of the roster actions: the bureau downloads the template,
// fills in the city's workers and uploads it; org.import validates every row and applies all or nothing.
import * as v from 'valibot'
import type { FileLink } from './fileLink'

/** The first sheet's column headers, in this order. */
export const ROSTER_COLUMNS = ['街道', '社区', '网格', '户数', '工号', '姓名', '岗位'] as const

export type RosterColumn = (typeof ROSTER_COLUMNS)[number]

export interface RosterError {
  /** The spreadsheet's row number (the header is row 1). */
  row: number
  column: RosterColumn | null
  message: string
}

export interface RosterImportResult {
  created: number
  updated: number
  /** The errors in row order, at most ROSTER_ERRORS_SHOWN of them (errorCount says how many in all). */
  errors: RosterError[]
  errorCount: number
  /** Sub-districts and communities the roster adds; grids it adds or whose household count it changes. */
  units: { subdistricts: number; communities: number; grids: number }
  /** Workers stored but absent from this roster, for the bureau to deactivate (never deleted). */
  missing: { workerCode: string; name: string; community: string }[]
}

export const rosterPayloads = {
  'org.template': v.object({}),
  'org.import': v.object({
    fileId: v.pipe(v.string('请先上传花名册文件'), v.trim(), v.minLength(1, '请先上传花名册文件'), v.maxLength(512, '文件编号格式不对')),
    dryRun: v.optional(v.boolean('“仅检查”只能是是或否')),
  }),
  // The cloud path the mini-program uploads a roster to (wx.cloud.uploadFile cloudPath), in the caller's own folder.
  'org.uploadPath': v.object({}),
} as const

export interface RosterResults {
  'org.template': FileLink
  'org.import': RosterImportResult
  'org.uploadPath': { cloudPath: string }
}

// Payloads and results of the report actions (投诉/举报) and of the moderators' decision on a reported note;
// spread into contract.ts.
import * as v from 'valibot'
import { REPORT_REASONS, type NoteDecided, type ReportReceipt } from './contentReports'

const reason = v.optional(v.picklist(REPORT_REASONS, '请从列出的原因里选择一项'))
const caseId = v.pipe(v.string('差评编号缺失，请刷新页面后重试'), v.minLength(1, '差评编号缺失，请刷新页面后重试'), v.maxLength(64, '差评编号格式不对'))

export const contentReportPayloads = {
  /** A worker reports a comment they were shown, named by the token that came with it (never the rating's id). */
  'comment.report': v.object({
    kind: v.picklist(['resident', 'recipient'], '评价类型不对，请刷新页面后重试'),
    token: v.pipe(v.string('留言编号缺失，请刷新页面后重试'), v.minLength(1, '留言编号缺失，请刷新页面后重试'), v.maxLength(128, '留言编号格式不对')),
    reason,
  }),
  /** A rater reports the rectification note of their own case. */
  'note.report': v.object({ caseId, reason }),
  /** Moderators keep (通过) or hide (不通过) a reported note, the one written at `rectifiedAt`. */
  'note.decide': v.object({
    caseId,
    rectifiedAt: v.pipe(v.string('整改说明的时间缺失，请刷新页面后重试'), v.minLength(1, '整改说明的时间缺失，请刷新页面后重试'), v.maxLength(40, '整改说明的时间格式不对')),
    decision: v.picklist(['release', 'reject'], '请选择：通过，或不通过'),
  }),
} as const satisfies Record<string, v.GenericSchema>

export interface ContentReportResults {
  'comment.report': ReportReceipt
  'note.report': ReportReceipt
  'note.decide': NoteDecided
}

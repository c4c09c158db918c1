// 投诉/举报: a worker reports an abusive comment on a rating or feedback about them, a rater reports the
// rectification note (整改说明) staff wrote on their case. A report goes to the moderators' queue (留言审核)
// beside the held comments and is decided the same way: 通过 keeps it shown, 不通过 hides it. The reporter is
// never named to the person reported (trust rule 5): a worker learns nothing of the rater, and a rater
// nothing of staff beyond what the note already shows.

/** The plain categories a reporter may choose from (optional: a report without one is still taken). */
export const REPORT_REASONS = ['辱骂/人身攻击', '泄露隐私', '广告/无关内容', '其他'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/** What a reporter reads once the report is in, whether it is their first report of the item or not. */
export const REPORT_RECEIVED = '已提交，我们会尽快处理'

/** What a rater reads in place of a rectification note that staff hid after a report. */
export const NOTE_HIDDEN = '整改说明已被隐藏'

/** The reasons as the moderators read them: the chosen categories, or 未选择原因 when none was given. */
export function reportReasonsText(reasons: readonly ReportReason[]): string {
  return reasons.length === 0 ? '未选择原因' : reasons.join('、')
}

/** The reasons of the open reports of one item: each category once, in the order of REPORT_REASONS. */
export function distinctReasons(reasons: ReadonlyArray<ReportReason | undefined>): ReportReason[] {
  return REPORT_REASONS.filter((reason) => reasons.includes(reason))
}

/** A reported rectification note in the moderators' queue (comment.list): the note, who wrote it, the reasons. */
export interface ReportedNoteView {
  caseId: string
  /** When the note was written: pass back with the decision, so a note is decided as staff read it. */
  rectifiedAt: string
  workerCode: string
  workerName: string
  communityName: string
  /** The staff member who wrote the note, as the case shows them. */
  byName: string
  note: string
  /** The categories the reporter chose (empty: none chosen). */
  reasons: ReportReason[]
  /** When the (first) report came in. */
  reportedAt: string
}

/** The answer to a report: `already` when this person had reported this item before (counted once). */
export interface ReportReceipt {
  already: boolean
}

export type NoteDecision = 'release' | 'reject'

export interface NoteDecided {
  caseId: string
  /** Shown: the note stays as it was; hidden: the rater reads NOTE_HIDDEN instead. */
  status: 'shown' | 'hidden'
}

// The report actions (投诉/举报) of the function api and the moderators' decision on a reported note; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { commentReport } from './commentReport'
import { noteDecide } from './noteDecide'
import { noteReport } from './noteReport'

export const contentReportHandlers = {
  'comment.report': commentReport,
  'note.report': noteReport,
  'note.decide': noteDecide,
} satisfies HandlerTable

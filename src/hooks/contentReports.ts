// 投诉/举报 over the contract: a worker reports a comment they were shown, a rater the rectification note of
// their case. A report is idempotent by itself (one per person and item, a repeat answers `already`), so it
// needs no intent key.
import type { ReportReason } from '../core/contentReports'
import { useApiMutation } from './useApi'

/** The reason when one was chosen; a report without one is taken too. */
const withReason = (reason: ReportReason | undefined) => (reason === undefined ? {} : { reason })

export function useReportComment() {
  const mutation = useApiMutation('comment.report')
  const send = async (report: { kind: 'resident' | 'recipient'; token: string }, reason: ReportReason | undefined) =>
    (await mutation.run({ ...report, ...withReason(reason) })) !== null
  return { state: mutation.state, send }
}

export function useReportNote() {
  const mutation = useApiMutation('note.report')
  const send = async (caseId: string, reason: ReportReason | undefined) => (await mutation.run({ caseId, ...withReason(reason) })) !== null
  return { state: mutation.state, send }
}

export function useDecideNote() {
  return useApiMutation('note.decide')
}

import { ReportSheet } from '../../components/ReportSheet'
import { useReportNote } from '../../hooks/contentReports'

/** 举报 beside the rectification note a rater reads (note.report): the note goes to the sub-district's moderators. */
export function NoteReport({ caseId }: { caseId: string }) {
  const { state, send } = useReportNote()
  return (
    <ReportSheet
      what='这条整改说明'
      send={(reason) => send(caseId, reason)}
      sending={state.status === 'loading'}
      problem={state.status === 'error' ? state.error.message : null}
    />
  )
}

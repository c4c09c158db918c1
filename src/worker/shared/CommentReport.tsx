import { ReportSheet } from '../../components/ReportSheet'
import { useReportComment } from '../../hooks/contentReports'

/** 举报 beside a comment a worker is shown (comment.report): the comment goes to the sub-district's moderators. */
export function CommentReport({ report }: { report: { kind: 'resident' | 'recipient'; token: string } }) {
  const { state, send } = useReportComment()
  return (
    <ReportSheet
      what='这条留言'
      send={(reason) => send(report, reason)}
      sending={state.status === 'loading'}
      problem={state.status === 'error' ? state.error.message : null}
    />
  )
}

// comment.report (投诉/举报): a worker reports a comment on a rating or feedback about them, any level, named
// by the sealed token that came with it (worker.results, case.worker, appeal.mine). Only a comment about the
// caller (403 for anyone else's), only while it is shown to them (409 once held or hidden). The comment goes
// back to the moderators' queue — held (`review`) until staff release or reject it as any held comment
// (comment.decide) — and the report keeps the reason for them. One report per worker and comment: a repeat
// answers `already` and changes nothing. Rate-limited as submits are, on a counter of its own. Nothing of
// the rater reaches the worker; the report names no one to anyone.
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { loadRating } from '../ratings/ratingRefs'
import { openRatingId } from '../secrets/sealedRefs'
import { ratingRefId, reportId } from '../store/ids'
import { fileReport } from './sameReport'

const notFound = () => new ApiError('NOT_FOUND', '没有找到这条留言，请刷新后重试')

export const commentReport: Handler<'comment.report'> = async ({ kind, token, reason }, ctx) => {
  const { caller, store, now, secrets } = ctx
  const { idKey } = await secrets.get()
  const ref = openRatingId(kind, token, idKey, 'report')
  if (ref === null) throw notFound()
  const rating = await loadRating(store, ref)
  if (rating === null) throw notFound()
  if (rating.workerCode !== caller.workerCode) throw new ApiError('FORBIDDEN', '只能举报关于您自己的评价留言')
  const itemId = ratingRefId(ref, idKey)
  const id = reportId(caller.openid, 'comment', itemId, rating.submittedAt, idKey)
  const report = { id, kind: 'comment' as const, itemId, version: rating.submittedAt, subdistrictId: rating.subdistrictId, ...(reason === undefined ? {} : { reason }), reportedAt: now.toISOString(), status: 'open' as const }
  const fresh = await fileReport(ctx, caller.openid, report, () => {
    if (rating.commentStatus !== 'pass') throw new ApiError('CONFLICT', '这条留言已经不再显示，无需举报')
  })
  // Held after the report is stored: a retry of a report whose hold did not happen (the instance died
  // between the two writes) holds it then. A report staff decided since is closed and holds nothing.
  if (fresh || (await store.contentReports.get(id))?.status === 'open') await store.comments.hold(ref, rating.submittedAt)
  return { already: !fresh }
}

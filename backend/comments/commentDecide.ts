// comment.decide (DESIGN trust rule 6): sub-district staff release (通过 -> 'pass', now
// shown to the worker) or reject (不通过 -> 'rejected', shown to no one) a held comment of their own
// sub-district. Only a held comment, and only the submission staff saw, can be decided: a second decision
// (or one on a comment a re-rate replaced) is 409 and changes nothing. Audited as 'comment.decide'; the
// level is untouched, so the tallies do not move. A comment its worker reported (投诉/举报) is decided the same
// way; the decision closes the reports, and the entry keeps their reasons.
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { loadRating } from '../ratings/ratingRefs'
import { openRatingId } from '../secrets/sealedRefs'
import { ratingRefId } from '../store/ids'
import { distinctReasons } from '@core/contentReports'

const notFound = () => new ApiError('NOT_FOUND', '没有找到这条评价，请刷新后重试')
const alreadyDecided = () => new ApiError('CONFLICT', '这条留言已经审核过了（或已被评价人修改），请刷新列表')

export const commentDecide: Handler<'comment.decide'> = async ({ ref: named, submittedAt, decision }, { caller, store, now, secrets }) => {
  const { staff, subdistrictId } = staffScope(caller)
  const { idKey } = await secrets.get()
  // comment.list named the rating by a sealed token (domain/sealedRefs.ts); anything else names nothing.
  const ref = openRatingId(named.kind, named.id, idKey)
  if (ref === null) throw notFound()
  const rating = await loadRating(store, ref)
  if (rating === null) throw notFound()
  if (subdistrictId !== null && rating.subdistrictId !== subdistrictId) throw forbidden()
  if (rating.commentStatus !== 'review' || rating.submittedAt !== submittedAt) throw alreadyDecided()
  const status = decision === 'release' ? 'pass' : 'rejected'
  const itemId = ratingRefId(ref, idKey)
  const reports = (await store.contentReports.listOpen(rating.subdistrictId)).filter((report) => report.kind === 'comment' && report.itemId === itemId && report.version === submittedAt)
  const outcome = await store.comments.decide(ref, submittedAt, status)
  if (outcome === 'not-found') throw notFound()
  if (outcome === 'not-held') throw alreadyDecided()
  if (reports.length > 0) await store.contentReports.close('comment', itemId)
  await store.audit.append({
    at: now.toISOString(),
    by: { openid: staff.openid, role: staff.role, name: staff.name },
    action: 'comment.decide',
    subdistrictId: rating.subdistrictId,
    // The bureau reads targets: the keyed id, never the rating's own (a visit code names the person served).
    target: `comment:${itemId}`,
    details: { decision, status, workerCode: rating.workerCode, month: rating.month, ...(reports.length === 0 ? {} : { reported: distinctReasons(reports.map((report) => report.reason)) }) },
  })
  return { ref: named, status }
}

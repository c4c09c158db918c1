// comment.decide (issue 9, item 5; DESIGN trust rule 6): sub-district staff release (通过 -> 'pass', now
// shown to the worker) or reject (不通过 -> 'rejected', shown to no one) a held comment of their own
// sub-district. Only a held comment, and only the submission staff saw, can be decided: a second decision
// (or one on a comment a re-rate replaced) is 409 and changes nothing. Audited as 'comment.decide'; the
// level is untouched, so the tallies do not move.
import { ApiError } from '../../../../../src/core/errors'
import type { Handler } from '../../context'
import { forbidden } from '../../dispatch'
import { requireModerator } from '../../domain/commentScope'
import { loadRating } from '../../domain/ratingRefs'

const notFound = () => new ApiError('NOT_FOUND', '没有找到这条评价，请刷新后重试')
const alreadyDecided = () => new ApiError('CONFLICT', '这条留言已经审核过了（或已被评价人修改），请刷新列表')

export const commentDecide: Handler<'comment.decide'> = async ({ ref, submittedAt, decision }, { caller, store, now }) => {
  const { staff, subdistrictId } = await requireModerator(caller, store)
  const rating = await loadRating(store, ref)
  if (rating === null) throw notFound()
  if (subdistrictId !== null && rating.subdistrictId !== subdistrictId) throw forbidden()
  if (rating.commentStatus !== 'review' || rating.submittedAt !== submittedAt) throw alreadyDecided()
  const status = decision === 'release' ? 'pass' : 'rejected'
  const outcome = await store.comments.decide(ref, submittedAt, status)
  if (outcome === 'not-found') throw notFound()
  if (outcome === 'not-held') throw alreadyDecided()
  await store.audit.append({
    at: now.toISOString(),
    by: { openid: staff.openid, role: staff.role, name: staff.name },
    action: 'comment.decide',
    subdistrictId: rating.subdistrictId,
    target: `comment:${ref.kind}:${ref.id}`,
    details: { decision, status, workerCode: rating.workerCode, month: rating.month },
  })
  return { ref, status }
}

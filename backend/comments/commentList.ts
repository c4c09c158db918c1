// comment.list (DESIGN trust rule 6): the comments the content check held, for the
// sub-district's staff to release or reject. Each shows the worker, the level in words, when, the text
// and a pseudonym of the rater (trust rule 5: never the openid, domain/pseudonyms.ts), the text with its
// contact data masked (trust rule 9): staff release what they read. Oldest first. A comment its worker
// reported (投诉/举报) is held again and says so, with the reasons; rectification notes their raters reported
// follow (backend/contentReports/reportQueue.ts), decided by note.decide.
import { RATER_KIND_LABELS, type HeldCommentView } from '@core/comments'
import { LEVEL_LABELS } from '@core/levels'
import type { Handler } from '../context'
import { staffScope, subdistrictOf } from '../access/staffScope'
import { pseudonymOf } from '../secrets/pseudonyms'
import { commentForOthers } from '../ratings/ratingRefs'
import { sealRatingId } from '../secrets/sealedRefs'
import { orgErrors } from '../org/orgScope'
import { byItem, commentReportOf, reportedNotes } from '../contentReports/reportQueue'

export const commentList: Handler<'comment.list'> = async (payload, { caller, store, secrets }) => {
  const moderator = staffScope(caller)
  const { pseudonymKey, idKey } = await secrets.get()
  const subdistrictId = subdistrictOf(moderator, payload.subdistrictId)
  const subdistrict = await store.getSubdistrict(subdistrictId)
  if (subdistrict === null) throw orgErrors.subdistrictNotFound()
  const [held, workers, reports] = await Promise.all([store.comments.listHeld(subdistrictId), store.listWorkers(subdistrictId), store.contentReports.listOpen(subdistrictId)])
  const names = new Map(workers.map((worker) => [worker.code, worker.name]))
  const reportedComments = byItem(reports, 'comment')
  const comments: HeldCommentView[] = held.map((item) => withReport({
    // Sealed (domain/sealedRefs.ts): a rating's id is a hash of its rater's openid, or its visit's code.
    ref: { kind: item.ref.kind, id: sealRatingId(item.ref, idKey) },
    submittedAt: item.submittedAt,
    workerCode: item.workerCode,
    workerName: names.get(item.workerCode) ?? item.workerCode,
    level: item.level,
    levelLabel: LEVEL_LABELS[item.level],
    kindLabel: RATER_KIND_LABELS[item.ref.kind],
    comment: commentForOthers(item.comment),
    rater: pseudonymOf(item.openid, pseudonymKey),
  }, commentReportOf(item, reportedComments, idKey)))
  return { subdistrictId, subdistrictName: subdistrict.name, comments, notes: await reportedNotes(store, subdistrictId, reports, names) }
}

const withReport = (view: HeldCommentView, reported: HeldCommentView['reported']): HeldCommentView => (reported === undefined ? view : { ...view, reported })

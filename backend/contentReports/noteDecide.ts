// note.decide: the moderators (sub-district staff, the bureau) decide a rectification note its rater
// reported (投诉/举报), as they decide a held comment: 通过 ('release') keeps it shown, 不通过 ('reject')
// hides it — the rater then reads 整改说明已被隐藏, staff still read the note, and the case goes on as before.
// Only a note with open reports, and only the one staff read (`rectifiedAt`): a second decision is 409 and
// changes nothing. Closes the note's reports; audited as 'note.decide' with the reasons.
import { distinctReasons } from '@core/contentReports'
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { NOT_FOUND, advance } from '../cases/caseViews'

const alreadyDecided = () => new ApiError('CONFLICT', '这条整改说明已经审核过了，请刷新列表')

export const noteDecide: Handler<'note.decide'> = async ({ caseId, rectifiedAt, decision }, { caller, store, now }) => {
  const { staff, subdistrictId } = staffScope(caller)
  const c = await store.cases.get(caseId)
  if (c === null) throw new ApiError('NOT_FOUND', NOT_FOUND)
  if (subdistrictId !== null && c.subdistrictId !== subdistrictId) throw forbidden()
  const reports = (await store.contentReports.listOpen(c.subdistrictId)).filter((report) => report.kind === 'note' && report.itemId === c.id)
  if (reports.length === 0 || c.rectification?.at !== rectifiedAt) throw alreadyDecided()
  const at = now.toISOString()
  // Hide first (a compare-and-set on the case), then close the reports: a failure between leaves the note
  // in the queue, never reports closed on a note still shown.
  if (decision === 'reject' && c.noteHidden === undefined) await advance(store, c, { noteHidden: { at, by: staff.openid, byName: staff.name } })
  if ((await store.contentReports.close('note', c.id)) === 0) throw alreadyDecided()
  const status = decision === 'release' ? 'shown' : 'hidden'
  await store.audit.append({
    at,
    by: { openid: staff.openid, role: staff.role, name: staff.name },
    action: 'note.decide',
    subdistrictId: c.subdistrictId,
    target: `case:${c.id}`,
    details: { decision, status, workerCode: c.workerCode, communityId: c.communityId, month: c.month, reported: distinctReasons(reports.map((report) => report.reason)) },
  })
  return { caseId: c.id, status }
}

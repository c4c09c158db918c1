// note.report (投诉/举报): the rater of a bad-review case reports the rectification note (整改说明) staff
// wrote on it. Only the rater of that case (403 for anyone else), only once there is a note (409 before).
// The note stays as it is until the moderators decide (note.decide): 通过 keeps it, 不通过 hides it from the
// rater. One report per rater and note: a repeat answers `already` and changes nothing. Rate-limited as
// submits are, on a counter of its own. The staff who wrote the note learn nothing of the report.
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { NOT_FOUND } from '../cases/caseViews'
import { reportId } from '../store/ids'
import { fileReport } from './sameReport'

export const noteReport: Handler<'note.report'> = async ({ caseId, reason }, ctx) => {
  const { caller, store, now, secrets } = ctx
  const c = await store.cases.get(caseId)
  if (c === null) throw new ApiError('NOT_FOUND', NOT_FOUND)
  if (c.raterOpenid !== caller.openid) throw new ApiError('FORBIDDEN', '只有给出这条评价的人可以举报它的整改说明')
  if (c.rectification === undefined) throw new ApiError('CONFLICT', '社区还没有写整改说明')
  const { idKey } = await secrets.get()
  const id = reportId(caller.openid, 'note', c.id, c.rectification.at, idKey)
  const report = { id, kind: 'note' as const, itemId: c.id, version: c.rectification.at, subdistrictId: c.subdistrictId, ...(reason === undefined ? {} : { reason }), reportedAt: now.toISOString(), status: 'open' as const }
  const fresh = await fileReport(ctx, caller.openid, report, () => {
    if (c.noteHidden !== undefined) throw new ApiError('CONFLICT', '这条整改说明已经隐藏了，无需举报')
  })
  return { already: !fresh }
}

// case.get: one bad-review case with its rating (level, month, the comment only if it passed moderation),
// deadlines, call-back, rectification and the rater's verdict — never the rater's identity (trust rule 5);
// the phone number the rater chose to leave is shown to their community's admin while the case is open,
// to everyone else as 已留电话 (trust rule 9, domain/caseContacts.ts).
// Community admins: their community's cases; sub-district staff: their sub-district's; the bureau: any.
import { chinaDateOf } from '@core/periods'
import type { Handler } from '../context'
import { staffScope } from '../access/staffScope'
import { caseCalendar, caseFor, staffView } from './caseViews'

export const caseGet: Handler<'case.get'> = async ({ caseId }, { caller, store, now }) => {
  const scope = staffScope(caller)
  const c = await caseFor(store, scope, caseId)
  return staffView(store, c, chinaDateOf(now), await caseCalendar(store), scope)
}

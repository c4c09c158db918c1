// case.callback: the community records its call-back of the rater (回访, issue 9 item 6): reached or not
// (无法联系 — no number left, or no answer) and what came of it. Once per case (409 after), the
// community's own admin only (403 beyond: sub-district staff and the bureau watch, they do not handle),
// a compare-and-set on the case's version, audited as 'case.callback'.
import { ApiError } from '../../../../../src/core/errors'
import { chinaDateOf } from '../../../../../src/core/periods'
import { CASE_HANDLERS } from '../../../../../src/core/roles'
import type { Handler } from '../../context'
import { forbidden } from '../../dispatch'
import { advance, auditCase, caseCalendar, caseFor, caseScope, staffView } from '../../domain/cases'
import { withIdempotency } from '../../domain/idempotency'

export const caseCallback: Handler<'case.callback'> = async (payload, { caller, store, now }) => {
  const { caseId, reached, outcome } = payload
  const scope = caseScope(caller)
  if (scope === null || caller.openid === null || !CASE_HANDLERS.includes(scope.staff.role as 'community')) throw forbidden()
  const { staff } = scope
  return withIdempotency({ store, openid: caller.openid, action: 'case.callback', payload, now }, async (key) => {
    const c = await caseFor(store, scope, caseId)
    if (c.callback !== undefined) throw new ApiError('CONFLICT', '这条差评已经记录过回访了，请刷新查看')
    const at = now.toISOString()
    const next = await advance(store, c, { callback: { at, by: staff.openid, byName: staff.name, reached, outcome } })
    await auditCase(store, next, 'case.callback', at, key, staff)
    return staffView(store, next, chinaDateOf(now), await caseCalendar(store), scope, false)
  })
}

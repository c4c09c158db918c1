// case.callback: the community records its call-back of the rater (回访): reached or not
// (无法联系 — no number left, or no answer) and what came of it. Once per case (409 after), the
// community's own admin only (403 beyond: sub-district staff and the bureau watch, they do not handle),
// a compare-and-set on the case's version, audited as 'case.callback'.
import { ApiError } from '@core/errors'
import { chinaDateOf } from '@core/periods'
import type { Handler } from '../context'
import { staffScope } from '../access/staffScope'
import { advance, auditCase, caseCalendar, caseFor, refuseWithdrawn, staffView, WITHDRAWN_FOR_STAFF } from './caseViews'
import { withIdempotency } from '../idempotency/idempotency'

export const caseCallback: Handler<'case.callback'> = async (payload, { caller, store, now }) => {
  const { caseId, reached, outcome } = payload
  const scope = staffScope(caller)
  const { staff } = scope
  return withIdempotency({ store, openid: caller.openid, action: 'case.callback', payload, now }, async (key) => {
    const c = await caseFor(store, scope, caseId)
    refuseWithdrawn(c, WITHDRAWN_FOR_STAFF)
    if (c.callback !== undefined) throw new ApiError('CONFLICT', '这条差评已经记录过回访了，请刷新查看')
    const at = now.toISOString()
    const next = await advance(store, c, { callback: { at, by: staff.openid, byName: staff.name, reached, outcome } })
    await auditCase(store, next, 'case.callback', at, key, staff)
    return staffView(store, next, chinaDateOf(now), await caseCalendar(store), scope, false)
  })
}

// case.rectify: the community records the rectification (整改), after the call-back (409
// before it, and 409 a second time). The community's own admin only; a compare-and-set, audited as
// 'case.rectify'. Then the rater is told (ctx.notifier: a WeChat subscribe message in the cloud; locally
// none — their home page shows it): a failure to tell is logged, never undoes the record.
import { ApiError } from '@core/errors'
import { chinaDateOf } from '@core/periods'
import type { Handler } from '../context'
import { staffScope } from '../access/staffScope'
import { advance, auditCase, caseCalendar, caseFor, refuseWithdrawn, staffView, tellRater, WITHDRAWN_FOR_STAFF } from './caseViews'
import { withIdempotency } from '../idempotency/idempotency'

export const caseRectify: Handler<'case.rectify'> = async (payload, ctx) => {
  const { caseId, note } = payload
  const { caller, store, now } = ctx
  const scope = staffScope(caller)
  const { staff } = scope
  return withIdempotency({ store, openid: caller.openid, action: 'case.rectify', payload, now }, async (key) => {
    const c = await caseFor(store, scope, caseId)
    refuseWithdrawn(c, WITHDRAWN_FOR_STAFF)
    if (c.callback === undefined) throw new ApiError('CONFLICT', '请先记录回访情况，再记录整改')
    if (c.rectification !== undefined) throw new ApiError('CONFLICT', '这条差评已经记录过整改了，请刷新查看')
    const at = now.toISOString()
    const rectified = await advance(store, c, { rectification: { at, by: staff.openid, byName: staff.name, note } })
    await auditCase(store, rectified, 'case.rectify', at, key, staff)
    const told = await tellRater(ctx, rectified)
    return staffView(store, told, chinaDateOf(now), await caseCalendar(store), scope, false)
  })
}

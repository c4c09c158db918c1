// case.confirm: the rater rates the rectification — 满意 / 基本满意 / 不满意. Only the one
// who gave the rating (403 for anyone else), only once it was rectified (409 before), once (409 after);
// a compare-and-set, audited as 'case.confirm' under the rater's pseudonym (trust rule 5). Closes the case,
// and in the same write erases the phone number left for the call-back (trust rule 9).
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { NOT_FOUND, WITHDRAWN_FOR_RATER, advance, auditCase, raterView, refuseWithdrawn } from './caseViews'
import { phoneErased } from './caseContacts'
import { withIdempotency } from '../idempotency/idempotency'

export const caseConfirm: Handler<'case.confirm'> = async (payload, { caller, store, now, secrets }) => {
  const { caseId, verdict } = payload
  const { openid } = caller
  const { pseudonymKey } = await secrets.get()
  return withIdempotency({ store, openid, action: 'case.confirm', payload, now }, async (key) => {
    const c = await store.cases.get(caseId)
    if (c === null) throw new ApiError('NOT_FOUND', NOT_FOUND)
    if (c.raterOpenid !== openid) throw new ApiError('FORBIDDEN', '只有给出这条评价的人可以评价整改结果')
    refuseWithdrawn(c, WITHDRAWN_FOR_RATER)
    if (c.confirmation !== undefined) throw new ApiError('CONFLICT', '您已经评价过这次整改了，谢谢')
    if (c.rectification === undefined) throw new ApiError('CONFLICT', '社区还在处理，整改完成后会通知您')
    const at = now.toISOString()
    const next = await advance(store, c, { confirmation: { at, verdict }, ...phoneErased(c) })
    await auditCase(store, next, 'case.confirm', at, key, { pseudonymKey })
    return raterView(store, next)
  })
}

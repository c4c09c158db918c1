// case.contact: the rater, after a level 1 or 2, leaves a phone number for the call-back, or says they
// want none (WeChat gives staff no way to reach a rater). Stored on the case only, with
// when it was left (contactAt): read by the handling community's admin while the case is open, erased at
// its close or 30 days on (trust rule 9, domain/caseContacts.ts), never shown to the worker. The rater
// only (403), once and before the call-back (409). Not an idempotent write: a retry with the same answer
// is refused harmlessly (409).
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { NOT_FOUND, WITHDRAWN_FOR_RATER, advance, raterView, refuseWithdrawn } from './caseViews'

export const caseContact: Handler<'case.contact'> = async ({ caseId, phone, none }, { caller, store, now }) => {
  const { openid } = caller
  if ((phone === undefined) === (none === undefined)) throw new ApiError('INVALID_INPUT', '请留下手机号，或选择不需要回访')
  const c = await store.cases.get(caseId)
  if (c === null) throw new ApiError('NOT_FOUND', NOT_FOUND)
  if (c.raterOpenid !== openid) throw new ApiError('FORBIDDEN', '只有给出这条评价的人可以留下联系方式')
  refuseWithdrawn(c, WITHDRAWN_FOR_RATER)
  if (c.contact !== undefined || c.callback !== undefined) throw new ApiError('CONFLICT', '社区已经记下了，谢谢')
  const next = await advance(store, c, phone !== undefined ? { contact: { phone }, contactAt: now.toISOString() } : { contact: { none: true } })
  return raterView(store, next)
}

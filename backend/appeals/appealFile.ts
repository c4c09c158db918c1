// appeal.file: a worker appeals a bad rating of theirs (申诉): levels 1-2 only, of a closed
// month and within `appealDays` of that month's close (src/core/appeals.ts, the rule appeal.mine lists by),
// once per rating (the appeal's id is ratingRefId(ref), so a second is refused), not one that no longer
// counts. The rating is named by appeal.mine's token, found among the worker's own bad
// ratings: someone else's, or a good one, is "not found" and the worker learns nothing of it.
import { appealListed, appealOpen, appealWindowStart } from '@core/appeals'
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { appealDaysInForce, appealView, auditAppeal, findOwnBadRating } from './appealViews'
import { withIdempotency } from '../idempotency/idempotency'
import { loadRating } from '../ratings/ratingRefs'
import { ratingRefId } from '../store/ids'
import type { AppealRecord } from './store'

const TWICE = '这条评价已经申诉过了，每条评价只能申诉一次'
/** How far back a token is looked for: past the window by a month, so a late appeal hears "too late", not "not found". */
const LATE_DAYS = 31

export const appealFile: Handler<'appeal.file'> = async (payload, { caller, store, now, secrets }) => {
  const { token, reason } = payload
  const { openid, workerCode } = caller
  const { idKey } = await secrets.get()
  const recover = async (key: string) => {
    const appeal = (await store.appeals.listByWorker(workerCode)).find((a) => a.key === key)
    return appeal === undefined ? null : appealView(appeal)
  }
  return withIdempotency({ store, openid, action: 'appeal.file', payload, now, recover }, async (key) => {
    const appealDays = await appealDaysInForce(store)
    const bad = await findOwnBadRating(store, workerCode, token, appealWindowStart(now, appealDays + LATE_DAYS), idKey)
    // A rating of the running month is not listed yet: it is "not found" as for anyone else's.
    if (bad === null || !appealListed(bad.month, now)) throw new ApiError('NOT_FOUND', '没有找到这条差评，它可能已被修改，请刷新后重试')
    const id = ratingRefId(bad.ref, idKey)
    if ((await store.appeals.get(id)) !== null) throw new ApiError('CONFLICT', TWICE)
    const rating = await loadRating(store, bad.ref)
    if (rating === null) throw new ApiError('NOT_FOUND', '没有找到这条差评，请刷新后重试')
    if (rating.excluded !== undefined) throw new ApiError('CONFLICT', '这条评价已不计入考核，无需申诉')
    if (!appealOpen(rating.month, now, appealDays)) throw new ApiError('CONFLICT', `已过申诉期限：差评须在当月结束后 ${appealDays} 天内申诉`)
    const at = now.toISOString()
    const appeal: AppealRecord = { id, ref: bad.ref, workerCode, subdistrictId: rating.subdistrictId, month: rating.month, reason, filedAt: at, key, status: 'pending' }
    if (!(await store.appeals.create(appeal))) throw new ApiError('CONFLICT', TWICE)
    await auditAppeal(store, { openid, role: 'worker', name: caller.principal.name }, appeal, 'appeal.file', at, key)
    return appealView(appeal)
  })
}

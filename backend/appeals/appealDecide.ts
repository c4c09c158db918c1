// appeal.decide: the sub-district reviews an appeal (复核). Upheld: the rating is excluded
// with the note as its reason and no longer counts (trust rule 8: nothing deleted), and its bad-review case
// is closed as 评价已撤销; rejected: both stay.
// One decision per appeal (a compare-and-set from pending; a second is 409), audited. Sub-district staff
// decide their own sub-district's appeals only; the bureau any.
import { APPEALABLE_LEVELS } from '@core/appeals'
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { appealView, auditAppeal, excludeUpheld } from './appealViews'
import { withdrawUpheldCase } from '../cases/caseWithdrawal'
import { withIdempotency } from '../idempotency/idempotency'
import { loadRating } from '../ratings/ratingRefs'
import type { AppealDecision, AppealRecord } from './store'

const DECIDED = '这条申诉已经处理过了，请刷新查看结果'

export const appealDecide: Handler<'appeal.decide'> = async (payload, { caller, store, now, secrets }) => {
  const { appealId, decision, note } = payload
  const scope = staffScope(caller)
  const { staff } = scope
  // A retry of a call that died between the decision and the exclusion (or the case's close) finishes them.
  const finished = async (appeal: AppealRecord) => {
    await excludeUpheld(store, appeal, now)
    await withdrawUpheldCase(store, appeal, (await secrets.get()).idKey, staff)
    return { ...appealView(appeal), appealId }
  }
  const recover = async (key: string) => {
    const appeal = await store.appeals.get(appealId)
    return appeal === null || appeal.decision?.key !== key ? null : finished(appeal)
  }
  return withIdempotency({ store, openid: caller.openid, action: 'appeal.decide', payload, now, recover }, async (key) => {
    const appeal = await store.appeals.get(appealId)
    if (appeal === null) throw new ApiError('NOT_FOUND', '没有找到这条申诉，请刷新后重试')
    if (scope.subdistrictId !== null && appeal.subdistrictId !== scope.subdistrictId) throw forbidden('只能复核本街道的申诉')
    // This very call decided it before failing to finish (its claim was released): finish, answer as then.
    if (appeal.decision?.key === key) {
      await auditAppeal(store, { openid: staff.openid, role: staff.role, name: staff.name }, appeal, 'appeal.decide', appeal.decision.at, key)
      return finished(appeal)
    }
    if (appeal.status !== 'pending') throw new ApiError('CONFLICT', DECIDED)
    if (decision === 'uphold') {
      // Re-rated since (same rater, worker and month) to a level that is no bad review: nothing to take out.
      const rating = await loadRating(store, appeal.ref)
      if (rating === null || !APPEALABLE_LEVELS.includes(rating.level)) throw new ApiError('CONFLICT', '评价人已修改了这条评价，它已不是差评，请选择维持原评价')
    }
    const at = now.toISOString()
    const made: AppealDecision = { decision, note, by: staff.openid, byName: staff.name, at, key }
    if (!(await store.appeals.decide(appealId, made))) throw new ApiError('CONFLICT', DECIDED)
    const decided: AppealRecord = { ...appeal, status: decision === 'uphold' ? 'upheld' : 'rejected', decision: made }
    await auditAppeal(store, { openid: staff.openid, role: staff.role, name: staff.name }, decided, 'appeal.decide', at, key)
    return finished(decided)
  })
}

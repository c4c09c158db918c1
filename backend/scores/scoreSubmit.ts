// score.submit: sub-district staff enter the sub-district party's score (the third of the three parties)
// for a worker of their own sub-district. Re-entering a score for the same period overwrites it, until the
// period's scoring sheet is submitted: then it is locked, and changes go through sheet.change with a reason.
// Every entry carries an idempotency key (trust rule 4): a retry returns the first result.
import { periodStartsAfter } from '@core/index'
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { findWorker } from '../org/workers'
import { withIdempotency } from '../idempotency/idempotency'
import { forgetStaleSnapshots } from '../reports/staleSnapshots'
import { auditStaff } from '../audit/auditTrail'

export const scoreSubmit: Handler<'score.submit'> = async (payload, ctx) => {
  const { workerCode, period, score } = payload
  const { staff, subdistrictId } = staffScope(ctx.caller)
  return withIdempotency({ store: ctx.store, openid: staff.openid, action: 'score.submit', payload, now: ctx.now }, async () => {
    const worker = await findWorker(ctx.store, workerCode)
    if (worker.subdistrictId !== subdistrictId) throw forbidden()
    if (periodStartsAfter(period, ctx.now)) throw new ApiError('INVALID_INPUT', '不能为尚未开始的考核期打分')
    // A submitted scoring sheet of the period is locked: a single score may not bypass it.
    const sheet = await ctx.store.sheets.getSheet(worker.subdistrictId, 'period', period)
    if (sheet?.status === 'submitted') throw new ApiError('CONFLICT', '本期评分表已提交，如需修改请在评分表中填写修改理由')
    // The score it replaces, for the audit log's old → new (null: none yet).
    const before = (await ctx.store.listSubdistrictScores(worker.subdistrictId, [period])).find((s) => s.workerCode === worker.code)
    await ctx.store.putSubdistrictScore({
      workerCode: worker.code,
      subdistrictId: worker.subdistrictId,
      period,
      score,
      enteredBy: staff.openid,
      enteredAt: ctx.now.toISOString(),
    })
    await forgetStaleSnapshots(ctx.store, worker.subdistrictId, period, ctx.now)
    const target = `score:${worker.code}:${period}`
    await auditStaff(ctx, { action: 'score.submit', subdistrictId: worker.subdistrictId, target, details: { workerCode: worker.code, period, fromScore: before?.score ?? null, score } }, `${staff.openid}|score.submit|${payload.idempotencyKey}`)
    return { period }
  })
}

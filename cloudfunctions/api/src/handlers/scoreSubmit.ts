// score.submit: sub-district staff enter the sub-district party's score (the third of the three parties)
// for a worker of their own sub-district. Re-entering a score for the same period overwrites it.
import { periodStartsAfter } from '../../../../src/core'
import { ApiError } from '../../../../src/core/errors'
import { SCORE_ENTERERS } from '../../../../src/core/roles'
import type { Handler } from '../context'
import { forbidden, requireRole } from '../dispatch'
import { findWorker } from '../domain/workers'

export const scoreSubmit: Handler<'score.submit'> = async ({ workerCode, period, score }, ctx) => {
  const staff = requireRole(ctx.caller, ...SCORE_ENTERERS)
  const worker = await findWorker(ctx.store, workerCode)
  if (staff.subdistrictId === undefined || worker.subdistrictId !== staff.subdistrictId) throw forbidden()
  if (periodStartsAfter(period, ctx.now)) throw new ApiError('INVALID_INPUT', '不能为尚未开始的考核期打分')
  await ctx.store.putSubdistrictScore({
    workerCode: worker.code,
    subdistrictId: worker.subdistrictId,
    period,
    score,
    enteredBy: staff.openid,
    enteredAt: ctx.now.toISOString(),
  })
  return { period }
}

// visit.log: a worker logs a service visit and gets the visit's own feedback code, which the person
// served scans on the spot to rate that one visit (一次一评). The time is now, as the server
// knows it; the code is random (domain/visitCodes.ts), so nobody can rate a visit they did not have.
// A worker no longer in post logs nothing (409), and nobody logs more than `visitsPerDay` a China day
// (429): each visit opens a feedback, so neither may make feedback without end. Refused, nothing is stored.
import { ApiError } from '@core/errors'
import { isActiveWorker } from '@core/org'
import type { Handler } from '../context'
import { countedWrite, takeVisitLimit } from '../limits/rateLimits'
import { newVisitCode } from './visitCodes'
import { findWorker } from '../org/workers'

export const visitLog: Handler<'visit.log'> = async (payload, ctx) => {
  const { workerCode } = ctx.caller
  const worker = await findWorker(ctx.store, workerCode)
  if (!isActiveWorker(worker)) throw new ApiError('CONFLICT', '您已不在岗，不能登记服务。如已回到岗位，请联系社区管理员改为在岗。')
  const taken = await takeVisitLimit(ctx, workerCode)
  const visitCode = newVisitCode()
  return countedWrite(taken, async () => {
    // The code first: when WeChat cannot make it (e.g. the page is not published yet), nothing is stored.
    const image = await ctx.codeImages.imageFor('pages/feedback/index', visitCode)
    await ctx.store.visits.putVisit({
      visitCode,
      workerCode,
      subdistrictId: worker.subdistrictId,
      communityId: worker.communityId,
      type: payload.type,
      place: payload.place ?? '',
      note: payload.note ?? '',
      at: ctx.now.toISOString(),
    })
    return { visitCode, image }
  })
}

// visit.log: a worker logs a service visit and gets the visit's own feedback code, which the person
// served scans on the spot to rate that one visit (issue 7, 一次一评). The time is now, as the server
// knows it; the code is random (domain/visitCodes.ts), so nobody can rate a visit they did not have.
import type { Handler } from '../context'
import { requireBoundWorker } from '../domain/boundWorker'
import { newVisitCode } from '../domain/visitCodes'
import { findWorker } from '../domain/workers'

export const visitLog: Handler<'visit.log'> = async (payload, ctx) => {
  const { workerCode } = requireBoundWorker(ctx.caller)
  const worker = await findWorker(ctx.store, workerCode)
  const visitCode = newVisitCode()
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
}

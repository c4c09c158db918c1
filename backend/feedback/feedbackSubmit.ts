// feedback.submit: the person a worker served rates that one visit (party S, 一次一评): one
// feedback per visit (its id is the visit code), within feedbackWindowDays of the visit, never by the
// worker themself, nor on a visit of a worker no longer in post (409, counts nothing); it counts in the
// China month it is given (DESIGN section 3). The steps: ratings/submitRating.ts; the database requests
// it may use on CloudBase: test/cloud/feedbackCost.test.ts.
import type { Handler } from '../context'
import { feedbackRecovery } from '../idempotency/submitReceipts'
import { submitRating } from '../ratings/submitRating'
import { feedbackClosedProblem, findVisitToRate } from '../visits/visitLookup'
import { refuseOutOfPost } from '../org/workers'

export const feedbackSubmit: Handler<'feedback.submit'> = async (payload, ctx) => {
  const { store, now, caller } = ctx
  // Read before anything is claimed: without keys (before setup) the call stores nothing.
  const { clientHashKey } = await ctx.secrets.get()
  return submitRating(payload, ctx, clientHashKey, {
    action: 'feedback.submit',
    selfRating: '不能评价自己的服务',
    claimRef: { kind: 'recipient', id: payload.visitCode },
    recover: feedbackRecovery(store, caller.openid, payload.visitCode),
    resultInWrite: true,
    // Whether the visit's worker is in post comes with the visit: the worker is not read (VisitToRate).
    find: () => findVisitToRate(store, payload.visitCode),
    admit: async (visit) => {
      refuseOutOfPost(visit.workerInPost)
      const closed = await feedbackClosedProblem(store, visit, now)
      if (closed !== null) throw closed
    },
    duplicate: '这次服务已经有人评价过了，每次服务只能评价一次',
    stored: (visit, fields) => ({ kind: 'recipient', feedback: { serviceId: visit.visitCode, ...fields } }),
    reply: (ref, month) => ({ feedbackId: ref.id, period: month }),
  })
}

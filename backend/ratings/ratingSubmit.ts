// rating.submit: a resident rates a worker. One rating per (rater, worker, month): the id is derived
// from the three, so a re-rate in the same month replaces the earlier one (DESIGN section 3). A worker
// no longer in post cannot be rated: nothing is stored. The steps: submitRating.ts.
import { monthOf } from '@core/periods'
import type { Handler } from '../context'
import { ratingRecovery, ratingReply } from '../idempotency/submitReceipts'
import { findWorker, refuseInactive } from '../org/workers'
import { residentRatingId } from '../store/ids'
import { submitRating } from './submitRating'

export const ratingSubmit: Handler<'rating.submit'> = async (payload, ctx) => {
  const { store, now, caller } = ctx
  // Read before anything is claimed: without keys (before setup) the call stores nothing.
  const { clientHashKey, idKey } = await ctx.secrets.get()
  // The rating's id, for its claim and its record alike: the worker found under payload.workerCode has
  // that code, and the record's month is this one.
  const ratingId = residentRatingId(caller.openid, payload.workerCode, monthOf(now))
  return submitRating(payload, ctx, clientHashKey, {
    action: 'rating.submit',
    selfRating: '不能给自己评价',
    claimRef: { kind: 'resident', id: ratingId },
    recover: ratingRecovery(store, caller.openid, payload.workerCode, now, idKey),
    find: async () => {
      const worker = await findWorker(store, payload.workerCode)
      return { worker, workerCode: worker.code, communityId: worker.communityId, subdistrictId: worker.subdistrictId }
    },
    admit: async ({ worker }) => refuseInactive(worker),
    stored: (_target, fields) => ({ kind: 'resident', rating: { id: ratingId, ...fields } }),
    reply: (ref, month, replaced, refId) => ratingReply(ref.id, month, replaced, idKey, refId),
  })
}

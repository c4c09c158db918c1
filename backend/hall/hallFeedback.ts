// hall.feedback: a person served at the hall's window rates the worker on duty who served them, as
// 服务对象 (party S): the feedback pipeline of a visit (ratings/submitRating.ts: not themself nor a
// colleague, the comment moderated, the rate limit, the review queue's patterns, the bad-review case),
// stored as a recipient's feedback, so one person counts once per worker and month
// (src/core/recipients.ts). Only a worker on the rota today, within duty hours; one per person, worker and
// China day (its id, hallServiceId, is keyed). On CloudBase within the feedback's 6 database requests
// (test/cloud/hall.test.ts): the rota is the one read, it names the sub-district.
import { ApiError } from '@core/errors'
import { chinaDateOf } from '@core/periods'
import type { Handler } from '../context'
import { feedbackRecovery } from '../idempotency/submitReceipts'
import { submitRating } from '../ratings/submitRating'
import { hallServiceId } from '../store/ids'
import { refuseOutOfPost } from '../org/workers'
import { HALL_CLOSED_MESSAGES, communityOfCode, hallNow } from './hallToday'

export const hallFeedback: Handler<'hall.feedback'> = async (payload, ctx) => {
  const { store, now, caller } = ctx
  const { clientHashKey, idKey } = await ctx.secrets.get()
  const { hallCode, workerCode } = payload
  // Checked before anything is claimed, from the payload alone: a code that names no hall stores nothing.
  communityOfCode(hallCode)
  const serviceId = hallServiceId(caller.openid, workerCode, chinaDateOf(now), idKey)
  return submitRating(payload, ctx, clientHashKey, {
    action: 'hall.feedback',
    selfRating: '不能评价自己的服务',
    claimRef: { kind: 'recipient', id: serviceId },
    recover: feedbackRecovery(store, caller.openid, serviceId),
    resultInWrite: true,
    find: async () => {
      const hall = await hallNow(store, hallCode, now)
      return { workerCode, communityId: hall.communityId, subdistrictId: hall.subdistrictId ?? '', hall }
    },
    admit: async ({ hall }) => {
      refuseOutOfPost(!hall.outOfPost.has(workerCode))
      if (hall.closedBecause !== null) throw new ApiError('INVALID_INPUT', HALL_CLOSED_MESSAGES[hall.closedBecause])
      if (!hall.onDuty.some((worker) => worker.workerCode === workerCode)) throw new ApiError('INVALID_INPUT', '这位工作人员今天不在大厅值班，请选择今天值班的工作人员')
    },
    duplicate: '今天已经评价过这位工作人员的服务了，每人每天只能评价一次',
    stored: (_target, fields) => ({ kind: 'recipient', feedback: { serviceId, ...fields } }),
    reply: (ref, month) => ({ feedbackId: ref.id, period: month }),
  })
}

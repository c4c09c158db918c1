// field.start: a worker goes down into the grid (the 5 of 3456). The session starts now, by the
// server's clock; nothing of where is kept but the 小区 the worker names (no GPS, DESIGN section 2).
// One session at a time: starting while one runs overlaps it and is refused (409), storing nothing.
import { ApiError } from '@core/errors'
import { chinaDateTime } from '@core/fieldSessions'
import type { Handler } from '../context'
import { findWorker } from '../org/workers'
import { fieldSessionId } from '../store/ids'

export const fieldStart: Handler<'field.start'> = async ({ grid }, { caller, store, now, secrets }) => {
  const worker = await findWorker(store, caller.workerCode)
  const { idKey } = await secrets.get()
  const startedAt = now.toISOString()
  const session = {
    sessionId: fieldSessionId(worker.code, startedAt, idKey),
    workerCode: worker.code,
    subdistrictId: worker.subdistrictId,
    communityId: worker.communityId,
    grid: grid ?? '',
    startedAt,
  }
  const outcome = await store.fieldTime.startSession(session)
  if (!outcome.started) {
    throw new ApiError(
      'CONFLICT',
      outcome.reason === 'open'
        ? `您有一次下沉还没结束（${chinaDateTime(outcome.open.startedAt)} 开始），请先结束它再开始新的一次`
        : `上一次下沉记录到 ${chinaDateTime(outcome.lastEndedAt)}，新的一次不能和它重叠`,
    )
  }
  return { sessionId: session.sessionId, startedAt }
}

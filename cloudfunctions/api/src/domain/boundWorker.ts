// The worker's own actions (their code, their visits): the caller must be signed in (401, trust rule 12)
// and bound by invite to a worker record (403 otherwise). The worker code comes from that binding,
// never from the payload (trust rule 1).
import { ApiError } from '../../../../src/core/errors'
import type { Caller } from '../context'

export interface BoundWorker {
  openid: string
  workerCode: string
}

export function requireBoundWorker(caller: Caller): BoundWorker {
  if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', '请先登录微信')
  const workerCode = caller.principal?.role === 'worker' ? caller.principal.workerCode : undefined
  if (workerCode === undefined) throw new ApiError('FORBIDDEN', '只有绑定了工作者身份的社区工作者可以使用这个功能')
  return { openid: caller.openid, workerCode }
}

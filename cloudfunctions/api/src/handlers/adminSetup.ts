// admin.setup: the bureau sets an environment up (domain/setup.ts): in a fresh cloud environment the
// collections of collections.json and the default settings; with { demo: true } on an environment that
// has no organisation yet, also the demo organisation and its activity, the same as the local seed.
// Running it again changes nothing. Before it has run every other action answers NOT_READY.
import { ApiError } from '../../../../src/core/errors'
import type { Caller, Handler } from '../context'
import { requireRole } from '../dispatch'
import { setUpEnvironment } from '../domain/setup'

export const adminSetup: Handler<'admin.setup'> = async ({ demo }, { caller, store, now, secrets }) => {
  if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', '请先登录微信，再由管理员初始化')
  if (caller.principal?.role !== 'bureau' && caller.storeNotSetUp === true) throw notAnAdminYet(caller)
  requireRole(caller, 'bureau')
  return setUpEnvironment(store, now, { demo: demo === true }, secrets)
}

/**
 * On a fresh environment, whoever tries to set it up without being listed is told how to become the
 * first administrator: their own openid (theirs only; nothing else is stored yet) and where it goes.
 */
function notAnAdminYet(caller: Caller): ApiError {
  const openid = caller.openid ?? ''
  return new ApiError('FORBIDDEN', `只有管理员可以初始化。请把您的 openid（${openid}）加入云函数 api 的环境变量 BUREAU_OPENIDS，再点初始化。`)
}

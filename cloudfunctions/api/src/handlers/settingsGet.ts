// settings.get: the scoring settings in force and their version (DESIGN section 3; issue 8, item 7), so a
// clerk can see which rules the evaluations use. Every staff role reads them; residents and workers do not.
import { ApiError } from '../../../../src/core/errors'
import { SETTINGS_READERS } from '../../../../src/core/roles'
import type { Handler } from '../context'
import { requireRole } from '../dispatch'

export const settingsGet: Handler<'settings.get'> = async (_payload, { caller, store }) => {
  if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', '请先登录微信后再查看考核设置')
  requireRole(caller, ...SETTINGS_READERS)
  const current = await store.settings.current()
  if (current === null) throw new ApiError('NOT_READY', '系统尚未初始化，请管理员完成初始化')
  const { version, settings, savedAt, savedBy } = current
  return savedAt === undefined || savedBy === undefined ? { version, settings } : { version, settings, savedAt, savedBy: savedBy.name }
}

// settings.get: the scoring settings in force and their version (DESIGN section 3), so a
// clerk can see which rules the evaluations use. Every staff role reads them; residents and workers do not.
import { ApiError } from '@core/errors'
import type { Handler } from '../context'

export const settingsGet: Handler<'settings.get'> = async (_payload, { store }) => {
  const current = await store.settings.current()
  if (current === null) throw new ApiError('NOT_READY', '系统尚未初始化，请管理员完成初始化')
  const { version, settings, savedAt, savedBy } = current
  return savedAt === undefined || savedBy === undefined ? { version, settings } : { version, settings, savedAt, savedBy: savedBy.name }
}

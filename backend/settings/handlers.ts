// The scoring settings: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { settingsGet } from './settingsGet'
import { settingsSave } from './settingsSave'

export const settingsHandlers = {
  'settings.get': settingsGet,
  'settings.save': settingsSave,
} satisfies HandlerTable

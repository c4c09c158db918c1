// Setting an environment up: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { adminSetup } from './adminSetup'

export const setupHandlers = {
  'admin.setup': adminSetup,
} satisfies HandlerTable

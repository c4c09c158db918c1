// The staff workbench's action of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { workbenchGet } from './workbenchGet'

export const workbenchHandlers = {
  'workbench.get': workbenchGet,
} satisfies HandlerTable

// The audit log reader actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { auditList } from './auditList'

export const auditHandlers = {
  'audit.list': auditList,
} satisfies HandlerTable

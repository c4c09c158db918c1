// The audit log reader (issue 9, item 8) actions of the function api; spread into ../index.ts.
import type { HandlerTable } from '../../context'
import { auditList } from './auditList'

export const auditHandlers: HandlerTable = {
  'audit.list': auditList,
}

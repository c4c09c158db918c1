// Who the caller is: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { sessionMe } from './sessionMe'

export const sessionHandlers = {
  'session.me': sessionMe,
} satisfies HandlerTable

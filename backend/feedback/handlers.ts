// The feedback of the person served: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { feedbackSubmit } from './feedbackSubmit'

export const feedbackHandlers = {
  'feedback.submit': feedbackSubmit,
} satisfies HandlerTable

// The sub-district's monthly score: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { scoreSubmit } from './scoreSubmit'

export const scoreHandlers = {
  'score.submit': scoreSubmit,
} satisfies HandlerTable

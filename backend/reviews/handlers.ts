// The review queue of suspicious ratings actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { reviewDecide } from './reviewDecide'
import { reviewDecideBatch } from './reviewDecideBatch'
import { reviewList } from './reviewList'

export const reviewHandlers = {
  'review.list': reviewList,
  'review.decide': reviewDecide,
  'review.decideBatch': reviewDecideBatch,
} satisfies HandlerTable

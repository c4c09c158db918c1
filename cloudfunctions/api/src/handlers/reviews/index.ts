// The review queue of suspicious ratings (issue 9, item 4) actions of the function api; spread into ../index.ts.
import type { HandlerTable } from '../../context'
import { reviewDecide } from './reviewDecide'
import { reviewList } from './reviewList'

export const reviewHandlers: HandlerTable = {
  'review.list': reviewList,
  'review.decide': reviewDecide,
}

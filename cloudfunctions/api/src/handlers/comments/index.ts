// The comment moderation (issue 9, item 5) actions of the function api; spread into ../index.ts.
import type { HandlerTable } from '../../context'
import { commentDecide } from './commentDecide'
import { commentList } from './commentList'

export const commentHandlers: HandlerTable = {
  'comment.list': commentList,
  'comment.decide': commentDecide,
}

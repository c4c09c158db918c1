// The comment moderation actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { commentDecide } from './commentDecide'
import { commentList } from './commentList'

export const commentHandlers = {
  'comment.list': commentList,
  'comment.decide': commentDecide,
} satisfies HandlerTable

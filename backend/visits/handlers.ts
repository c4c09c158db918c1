// Service visits (一次一评): the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { visitLog } from './visitLog'
import { visitList } from './visitList'
import { visitCard } from './visitCard'

export const visitHandlers = {
  'visit.log': visitLog,
  'visit.list': visitList,
  'visit.card': visitCard,
} satisfies HandlerTable

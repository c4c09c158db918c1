// Grid time (the 5 of 3456): the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { fieldStart } from './fieldStart'
import { fieldEnd } from './fieldEnd'
import { fieldList } from './fieldList'
import { gridtimeGet } from './gridtimeGet'
import { gridtimeTrend } from './gridtimeTrend'

export const fieldTimeHandlers = {
  'field.start': fieldStart,
  'field.end': fieldEnd,
  'field.list': fieldList,
  'gridtime.get': gridtimeGet,
  'gridtime.trend': gridtimeTrend,
} satisfies HandlerTable

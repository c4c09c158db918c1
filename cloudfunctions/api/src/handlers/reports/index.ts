// The report actions of the function api (issue 8); spread into ../index.ts.
import type { HandlerTable } from '../../context'
import { reportGet } from './reportGet'
import { reportTrend } from './reportTrend'

export const reportHandlers: HandlerTable = {
  'report.get': reportGet,
  'report.trend': reportTrend,
}

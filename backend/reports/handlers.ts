// The report actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { evaluationGet } from './evaluationGet'
import { reportGet } from './reportGet'
import { reportTrend } from './reportTrend'
import { workerResults } from './workerResults'

export const reportHandlers = {
  'evaluation.get': evaluationGet,
  'worker.results': workerResults,
  'report.get': reportGet,
  'report.trend': reportTrend,
} satisfies HandlerTable

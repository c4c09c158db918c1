// report.trend: a worker's total, grade and place month by month over the last 12
// months, for the trend chart. Staff whose scope covers the worker read it (the bureau, the worker's
// sub-district staff, their community's admin); workers read their own results with worker.results.
import type { Handler } from '../context'
import { trendSubject, workerTrend } from './workerTrend'

export const reportTrend: Handler<'report.trend'> = async ({ workerCode }, { caller, store, now }) => {
  const worker = await trendSubject(caller, store, workerCode)
  return workerTrend(store, worker, now)
}

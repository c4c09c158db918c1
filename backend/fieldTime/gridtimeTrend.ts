// gridtime.trend: grid time of this month and the five before it (the worker home's chart), from one
// read of the sessions; each month exactly as gridtime.get gives it. Same readers as gridtime.get.
import type { Handler } from '../context'
import { gridTimeTrend } from './gridSessions'
import { gridTimeSubject } from './gridTimeScope'

export const gridtimeTrend: Handler<'gridtime.trend'> = async ({ workerCode }, { caller, store, now }) => {
  const worker = await gridTimeSubject(caller, store, workerCode)
  return { months: await gridTimeTrend(store, worker, now) }
}

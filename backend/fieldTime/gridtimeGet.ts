// gridtime.get: a worker's grid time for a period (the 5 of 3456, DESIGN section 3): logged minutes and
// the corroborated part against the working days (holidays and 调休 as configured), with the target.
// The worker reads their own; staff the workers of their scope (domain/gridTimeScope.ts).
import type { Handler } from '../context'
import { gridTimeOfPeriod } from './gridSessions'
import { gridTimeSubject } from './gridTimeScope'

export const gridtimeGet: Handler<'gridtime.get'> = async ({ period, workerCode }, { caller, store, now }) => {
  const worker = await gridTimeSubject(caller, store, workerCode)
  return gridTimeOfPeriod(store, worker, period, now)
}

// visit.list: a worker's own visits of the last VISIT_LIST_DAYS days, newest first, each with whether its
// feedback window is still open by time. Never whether it was rated, nor who, nor the level: the worker
// knows whom they served, so a level would name that person's verdict and a 已评价 flipping at the moment
// of the feedback would tell them it came (trust rule 5: nothing a worker reads changes at that moment).
import { VISIT_LIST_DAYS, isFeedbackOpen, type VisitSummary } from '@core/visits'
import type { Handler } from '../context'
import { feedbackWindowDays } from './visitLookup'

const DAY_MS = 24 * 60 * 60 * 1000

export const visitList: Handler<'visit.list'> = async (_payload, { caller, store, now }) => {
  const { workerCode } = caller
  const from = new Date(now.getTime() - VISIT_LIST_DAYS * DAY_MS).toISOString()
  // Up to a day ahead: an instance whose clock runs a little behind still lists a visit just logged.
  const to = new Date(now.getTime() + DAY_MS).toISOString()
  const [visits, settings] = await Promise.all([store.visits.listVisits(workerCode, from, to), store.getSettings()])
  const days = feedbackWindowDays(settings)
  return visits.reverse().map(({ visitCode, type, place, note, at }): VisitSummary => ({ visitCode, type, place, note, at, feedback: { open: isFeedbackOpen(at, now, days) } }))
}

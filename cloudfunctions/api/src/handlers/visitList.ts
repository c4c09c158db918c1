// visit.list: a worker's own visits of the last VISIT_LIST_DAYS days, newest first, each with where its
// feedback stands — 未评价 (still open or not) or 已评价. Never who, nor the level: the worker knows whom
// they served, so one visit's level would name the rater's verdict (trust rule 5: aggregates only).
import { VISIT_LIST_DAYS, isFeedbackOpen, type VisitSummary } from '../../../../src/core/visits'
import type { Handler } from '../context'
import { requireBoundWorker } from '../domain/boundWorker'
import { feedbackWindowDays } from '../domain/visits'

const DAY_MS = 24 * 60 * 60 * 1000

export const visitList: Handler<'visit.list'> = async (_payload, { caller, store, now }) => {
  const { workerCode } = requireBoundWorker(caller)
  const from = new Date(now.getTime() - VISIT_LIST_DAYS * DAY_MS).toISOString()
  // Up to a day ahead: an instance whose clock runs a little behind still lists a visit just logged.
  const to = new Date(now.getTime() + DAY_MS).toISOString()
  const [visits, settings] = await Promise.all([store.visits.listVisits(workerCode, from, to), store.getSettings()])
  const rated = await store.visits.feedbackLevels(visits.map((visit) => visit.visitCode))
  const days = feedbackWindowDays(settings)
  return visits.reverse().map(({ visitCode, type, place, note, at }): VisitSummary => {
    const feedback: VisitSummary['feedback'] = rated.has(visitCode) ? { state: '已评价' } : { state: '未评价', open: isFeedbackOpen(at, now, days) }
    return { visitCode, type, place, note, at, feedback }
  })
}

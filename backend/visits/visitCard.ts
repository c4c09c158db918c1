// visit.card: public — what the feedback page shows the person served before they rate: who served
// them, the kind of service and when, and whether feedback is still open. Never the note,
// which is the worker's own record, nor who rated. To the visit's own worker it says nothing of whether
// the visit was rated — only whether its window is open by time — as visit.list (trust rule 5).
import { isActiveWorker } from '@core/org'
import { feedbackClosesAt, isFeedbackOpen } from '@core/visits'
import type { Handler } from '../context'
import { feedbackWindowDays, findVisit } from './visitLookup'

export const visitCard: Handler<'visit.card'> = async ({ visitCode }, { caller, store, now }) => {
  const visit = await findVisit(store, visitCode)
  const [worker, settings, levels] = await Promise.all([
    store.getWorker(visit.workerCode),
    store.getSettings(),
    store.visits.feedbackLevels([visit.visitCode]),
  ])
  const days = feedbackWindowDays(settings)
  const ownVisit = caller.principal?.workerCode === visit.workerCode
  const rated = !ownVisit && levels.has(visit.visitCode)
  // A worker no longer in post collects nothing (feedback.submit refuses): the page says so instead of the form.
  const inactive = worker !== null && !isActiveWorker(worker)
  const closedBecause = rated ? 'rated' : inactive ? 'inactive' : isFeedbackOpen(visit.at, now, days) ? null : 'expired'
  return {
    workerCode: visit.workerCode,
    workerName: worker?.name ?? '',
    type: visit.type,
    at: visit.at,
    feedbackUntil: feedbackClosesAt(visit.at, days).toISOString(),
    feedbackOpen: closedBecause === null,
    closedBecause,
    ownVisit,
  }
}

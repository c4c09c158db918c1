// Looking up the service visit a feedback code names, and how long its feedback stays open. An unknown
// code is most likely a damaged or mistyped code, so the message says what to check.
import { DEFAULT_SETTINGS, FEEDBACK_WINDOW_MIN_DAYS } from '@core/settings'
import { ApiError } from '@core/errors'
import type { Settings } from '@core/types'
import { isFeedbackOpen } from '@core/visits'
import type { VisitRecord, VisitToRate } from './store'
import type { Store } from '../store'

export async function findVisit(store: Store, visitCode: string): Promise<VisitRecord> {
  return found(await store.visits.getVisit(visitCode))
}

/** The visit a feedback rates, with whether its worker is in post now (read with it: VisitToRate). */
export async function findVisitToRate(store: Store, visitCode: string): Promise<VisitToRate> {
  return found(await store.visits.getVisitToRate(visitCode))
}

function found<T extends VisitRecord>(visit: T | null): T {
  if (visit === null) throw new ApiError('NOT_FOUND', '没有找到这次服务，请确认扫的是工作者当场出示的评价码')
  return visit
}

/**
 * Why feedback on the visit is closed by time (its window passed), or null while it is open. The settings
 * are read only for a visit older than the shortest window they allow: feedback is almost always given on
 * the spot, and in the cloud a read is a request (feedback.submit keeps within 7).
 */
export async function feedbackClosedProblem(store: Store, visit: VisitRecord, now: Date): Promise<ApiError | null> {
  if (isFeedbackOpen(visit.at, now, FEEDBACK_WINDOW_MIN_DAYS)) return null
  const days = feedbackWindowDays(await store.getSettings())
  return isFeedbackOpen(visit.at, now, days) ? null : new ApiError('INVALID_INPUT', `这次服务的评价已经截止：服务后 ${days} 天内才能评价`)
}

/** `feedbackWindowDays` of the settings (DESIGN section 3), the default before any are saved. */
export function feedbackWindowDays(settings: Settings | null): number {
  return (settings ?? DEFAULT_SETTINGS).feedbackWindowDays
}

// Looking up the service visit a feedback code names, and how long its feedback stays open. An unknown
// code is most likely a damaged or mistyped code, so the message says what to check.
import { DEFAULT_SETTINGS } from '../../../../src/core/settings'
import { ApiError } from '../../../../src/core/errors'
import type { Settings } from '../../../../src/core/types'
import type { VisitRecord } from '../stores/visits'
import type { Store } from '../store'

export async function findVisit(store: Store, visitCode: string): Promise<VisitRecord> {
  const visit = await store.visits.getVisit(visitCode)
  if (visit === null) throw new ApiError('NOT_FOUND', '没有找到这次服务，请确认扫的是工作者当场出示的评价码')
  return visit
}

/** `feedbackWindowDays` of the settings (DESIGN section 3), the default before any are saved. */
export function feedbackWindowDays(settings: Settings | null): number {
  return (settings ?? DEFAULT_SETTINGS).feedbackWindowDays
}

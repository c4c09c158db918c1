// What waits in a sub-district today, for the city view: bad-review cases past a deadline (the call-back
// or the rectification, src/core/cases.ts caseOverdue), appeals not decided, flagged ratings not reviewed.
// Three paged reads of the open items only, never the sub-district's closed cases or decided appeals.
import { caseOverdue } from '@core/cases'
import type { WaitingWork } from '@core/city'
import type { Store } from '../store'
import type { CaseCalendar } from '../cases/caseViews'

export async function waitingWork(store: Store, subdistrictId: string, today: string, calendar: CaseCalendar): Promise<WaitingWork> {
  const [cases, appeals, reviews] = await Promise.all([
    store.cases.listUnrectified(subdistrictId),
    store.appeals.listBySubdistrict(subdistrictId, 'pending'),
    store.reviews.listReviews(subdistrictId, 'open'),
  ])
  return {
    overdueCases: cases.filter((c) => caseOverdue(c, today, calendar) !== null).length,
    pendingAppeals: appeals.length,
    openReviews: reviews.length,
  }
}

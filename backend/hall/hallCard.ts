// hall.card: what a resident who scanned the hall's code sees — the community, today's on-duty workers
// with their posts, the duty hours, and whether the window is open for rating now (if not, why, plainly).
import { HALL_HOURS_TEXT, hallCodeOf } from '@core/hallHours'
import type { Handler } from '../context'
import { orgErrors } from '../org/orgScope'
import { HALL_CLOSED_MESSAGES, hallNow } from './hallToday'

export const hallCard: Handler<'hall.card'> = async ({ hallCode }, { store, now }) => {
  const hall = await hallNow(store, hallCode, now)
  const communityName = hall.communityName ?? (await store.getCommunity(hall.communityId))?.name
  if (communityName === undefined) throw orgErrors.communityNotFound()
  return {
    hallCode: hallCodeOf(hall.communityId),
    communityName,
    date: hall.date,
    hours: HALL_HOURS_TEXT,
    open: hall.closedBecause === null,
    onDuty: hall.onDuty,
    closedBecause: hall.closedBecause,
    message: hall.closedBecause === null ? null : HALL_CLOSED_MESSAGES[hall.closedBecause],
  }
}

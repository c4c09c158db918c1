// field.end: the worker is back from the grid; the running session is logged. It ends now,
// or at `endedAt` when the worker forgot to end it and says when they actually left. Rejected with
// nothing stored: an end in the future, before the start, or more than 12 hours after it — a session
// left running overnight is mended by the worker naming the real time, never logged as 12+ hours.
// Minutes that fall in a month already closed (a session of 31 March ended on 1 April) make its snapshot
// stale: the report computes it again.
import { ApiError } from '@core/errors'
import { checkSessionEnd, minutesByMonth, sessionMinutes } from '@core/fieldSessions'
import type { Handler } from '../context'
import { forgetStaleSnapshots } from '../reports/staleSnapshots'

export const fieldEnd: Handler<'field.end'> = async ({ endedAt }, { caller, store, now }) => {
  const { workerCode } = caller
  const open = await store.fieldTime.getOpenSession(workerCode)
  if (open === null) throw new ApiError('CONFLICT', '您现在没有进行中的下沉，请先点“开始下沉”')
  // One spelling of a moment (UTC, milliseconds), so stored times compare as strings.
  const end = new Date(endedAt ?? now).toISOString()
  checkSessionEnd(open.startedAt, end, now)
  const logged = await store.fieldTime.endSession(workerCode, open.sessionId, end)
  if (logged === null) throw new ApiError('CONFLICT', '这次下沉已经结束了，请刷新后再看')
  await forgetStaleSnapshots(store, open.subdistrictId, [...minutesByMonth(logged.startedAt, logged.endedAt).keys()], now)
  return { sessionId: logged.sessionId, minutes: sessionMinutes(logged.startedAt, logged.endedAt) }
}

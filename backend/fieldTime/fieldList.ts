// field.list: the worker's own field sessions of a period: the one running, if any, and those
// logged with minutes in the period, newest first, each saying whether a visit or rating corroborates it
// (a rating only once its day has passed: domain/fieldTime.ts).
import { monthStart, sessionMinutes } from '@core/fieldSessions'
import { monthsOf } from '@core/periods'
import type { Handler } from '../context'
import { sessionsOfMonths } from './gridSessions'

export const fieldList: Handler<'field.list'> = async ({ period }, { caller, store, now }) => {
  const { workerCode } = caller
  const months = monthsOf(period)
  const [open, sessions] = await Promise.all([
    store.fieldTime.getOpenSession(workerCode),
    sessionsOfMonths(store, workerCode, months[0], months[months.length - 1], now),
  ])
  // Read from 12 h before the period; a session that ended before it began is not the period's.
  const begins = monthStart(months[0])
  return {
    period,
    open: open === null ? null : { sessionId: open.sessionId, startedAt: open.startedAt, grid: open.grid },
    sessions: sessions
      .filter((session) => session.endedAt > begins)
      .reverse()
      .map(({ sessionId, grid, startedAt, endedAt, corroborated }) => ({
        sessionId,
        grid,
        startedAt,
        endedAt,
        minutes: sessionMinutes(startedAt, endedAt),
        corroborated,
      })),
  }
}

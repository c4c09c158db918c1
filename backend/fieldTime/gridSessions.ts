// A worker's grid time (the 5 of 3456, DESIGN section 3), gathered for the rules in src/core: the
// sessions that can count in some months, each marked corroborated when one of the worker's service
// visits, or a resident rating of a day that has passed, happened inside it (trust rule 5). One
// function for staff, reports and the worker alike. Reads one worker's months, never everyone's.
import { corroboratedSessions, ratingsThatCorroborate, sessionWindow } from '@core/fieldSessions'
import { type GridTime, gridTimeOf } from '@core/gridTime'
import { addMonths, chinaDateOf, monthOf, monthsOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Store } from '../store'
import type { FieldSessionRecord } from './store'
import { workerHallDays, workerHallDaysByMonth } from '../hall/hallDays'

export interface CheckedSession extends FieldSessionRecord {
  corroborated: boolean
}

/** The worker's logged sessions whose minutes can count in the months `first`..`last`, oldest first, as of `now`. */
export async function sessionsOfMonths(store: Store, workerCode: string, first: string, last: string, now: Date): Promise<CheckedSession[]> {
  const { from, to, eventsTo } = sessionWindow(first, last)
  const [sessions, visits, ratingTimes] = await Promise.all([
    store.fieldTime.listSessions(workerCode, from, to),
    store.visits.listVisits(workerCode, from, eventsTo),
    store.fieldTime.listRatingTimes(workerCode, from, eventsTo),
  ])
  const events = [...visits.map((visit) => visit.at), ...ratingsThatCorroborate(ratingTimes, now)]
  const corroborated = corroboratedSessions(sessions, events)
  return sessions.map((session, i) => ({ ...session, corroborated: corroborated[i] }))
}

/** The worker whose grid time is read: their code, and the community whose hall rota names them. */
type Subject = { code: string; communityId: string }

/** Grid time of a period, measured against its working days up to today (China time), with the hall days beside it. */
export async function gridTimeOfPeriod(store: Store, worker: Subject, period: string, now: Date): Promise<GridTime> {
  const months = monthsOf(period)
  const [settings, sessions, hallDays] = await Promise.all([
    store.getSettings(),
    sessionsOfMonths(store, worker.code, months[0], months[months.length - 1], now),
    workerHallDays(store, worker, period, now),
  ])
  return { ...gridTimeOf(period, sessions, settings ?? DEFAULT_SETTINGS, chinaDateOf(now)), hallDays }
}

/** Months in the worker home's chart: this month and the five before it. */
export const TREND_MONTHS = 6

/** Grid time of each of the last TREND_MONTHS months, oldest first, from one read of the sessions. */
export async function gridTimeTrend(store: Store, worker: Subject, now: Date): Promise<GridTime[]> {
  const current = monthOf(now)
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(current, i - TREND_MONTHS + 1))
  const [settings, sessions, hallDays] = await Promise.all([
    store.getSettings(),
    sessionsOfMonths(store, worker.code, months[0], current, now),
    workerHallDaysByMonth(store, worker, months, now),
  ])
  return months.map((month) => ({ ...gridTimeOf(month, sessions, settings ?? DEFAULT_SETTINGS, chinaDateOf(now)), hallDays: hallDays.get(month) ?? 0 }))
}

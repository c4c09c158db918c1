// Grid time — the 5 of 3456: workers spend at least half their working time down in their grid
// (the province later asked for 2/3). ratio = logged field minutes / (working days × minutes per day).
// Anti-formalism (DESIGN section 2): the minutes are what the worker logs; nothing here tracks them.
import { compareFractions, dividedBy, fractionMeant } from './exact'
import { minutesInWindows, monthWindows, sessionClockMinutes } from './fieldSessions'
import { isCalendarDate, monthsOf } from './periods'
import type { Settings } from './types'

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of a calendar date YYYY-MM-DD: plain numbers, never the process TZ. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

/** Monday to Friday: 1970-01-01, day 0, was a Thursday. */
const isWeekday = (day: number) => {
  const weekday = (day + 4) % 7 // 0 Sunday … 6 Saturday
  return weekday >= 1 && weekday <= 5
}

/**
 * Working days of a period: Monday–Friday of its months, minus configured holidays, plus configured
 * make-up workdays (调休, often a Saturday or Sunday). With `today` (a China date, YYYY-MM-DD) only
 * days up to and including today count, so the current period is measured against the time so far.
 * A holiday on a weekend removes nothing; a make-up day on a weekday adds nothing.
 */
export function workingDays(
  period: string,
  settings: Pick<Settings, 'holidays' | 'makeupWorkdays'>,
  today?: string,
): number {
  if (today !== undefined && !isCalendarDate(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`)
  const months = monthsOf(period)
  const first = dayNumber(`${months[0]}-01`)
  const [lastYear, lastMonth] = [Number(months[months.length - 1].slice(0, 4)), Number(months[months.length - 1].slice(5, 7))]
  // Day numbers, walked as integers: no date is made, formatted or parsed per day.
  const last = Math.min(Date.UTC(lastYear, lastMonth, 1) / DAY_MS - 1, today === undefined ? Infinity : dayNumber(today))
  let count = 0
  for (let day = first; day <= last; day += 1) if (isWeekday(day)) count += 1
  const inPeriod = (date: string) => isCalendarDate(date) && dayNumber(date) >= first && dayNumber(date) <= last
  const makeup = new Set(settings.makeupWorkdays)
  for (const date of new Set(settings.holidays)) if (inPeriod(date) && isWeekday(dayNumber(date)) && !makeup.has(date)) count -= 1
  for (const date of makeup) if (inPeriod(date) && !isWeekday(dayNumber(date))) count += 1
  return count
}

/** Share of working time logged in the grid; null when there are no working days to measure against. */
export function gridTimeRatio(loggedMinutes: number, workingDayCount: number, workMinutesPerDay: number): number | null {
  const available = workingDayCount * workMinutesPerDay
  if (!(available > 0)) return null
  return loggedMinutes / available
}

/**
 * Whether logged minutes reach the target share of working minutes, decided exactly: minutes / working
 * minutes against the target read as the fraction the bureau meant (fractionMeant: 2/3 saved as
 * 0.6666666666666666 is 2/3). No working time: not met.
 */
export function meetsGridTimeTarget(loggedMinutes: number, workingMinutes: number, target: number): boolean {
  if (!(workingMinutes > 0)) return false
  return compareFractions(dividedBy(fractionMeant(loggedMinutes), fractionMeant(workingMinutes)), fractionMeant(target)) >= 0
}

/** A closed field session as the grid time counts it. */
export interface LoggedSession {
  startedAt: string
  endedAt: string
  /** At least one service visit or resident rating of the worker happened inside it. */
  corroborated: boolean
}

/** A worker's grid time for a period (`gridtime.get`): all logged time and the corroborated part. */
export interface GridTime {
  period: string
  fieldMinutes: number
  corroboratedMinutes: number
  workingDays: number
  /** workingDays × workMinutesPerDay. */
  workingMinutes: number
  /** fieldMinutes / workingMinutes; null when the period has no working day yet. */
  ratio: number | null
  corroboratedRatio: number | null
  /** `gridTimeTarget` of the settings. */
  target: number
  /** fieldMinutes reach the target, decided exactly (meetsGridTimeTarget). */
  meetsTarget: boolean
  /**
   * Whole days on duty at the community's service hall in the period, up to today (from the rota,
   * src/core/hallRota.ts servedHallDays): shown beside the ratio (大厅值班 x 天，网格 y%); hall time is not
   * grid time and the ratio keeps its definition.
   */
  hallDays: number
}

/** Grid time as the sessions and the calendar give it; the hall days come from the rota. */
export type GridTimeMeasure = Omit<GridTime, 'hallDays'>

/**
 * DESIGN section 3, grid time: the minutes of the sessions that fall in the period's months (a session
 * crossing into a month counts there with the minutes it spent there, see minutesByMonth) against the
 * working days up to `today` (China date).
 */
export function gridTimeOf(
  period: string,
  sessions: readonly LoggedSession[],
  settings: Pick<Settings, 'holidays' | 'makeupWorkdays' | 'workMinutesPerDay' | 'gridTimeTarget'>,
  today: string,
): GridTimeMeasure {
  const windows = monthWindows(monthsOf(period))
  let fieldMinutes = 0
  let corroboratedMinutes = 0
  for (const session of sessions) {
    const { from, to } = sessionClockMinutes(session)
    const minutes = minutesInWindows(from, to, windows)
    fieldMinutes += minutes
    if (session.corroborated) corroboratedMinutes += minutes
  }
  return gridTimeOfMinutes(period, fieldMinutes, corroboratedMinutes, workingDays(period, settings, today), settings)
}

/** The grid time of logged (and corroborated) minutes against a period's working days, already counted. */
export function gridTimeOfMinutes(
  period: string,
  fieldMinutes: number,
  corroboratedMinutes: number,
  days: number,
  settings: Pick<Settings, 'workMinutesPerDay' | 'gridTimeTarget'>,
): GridTimeMeasure {
  const workingMinutes = days * settings.workMinutesPerDay
  return {
    period,
    fieldMinutes,
    corroboratedMinutes,
    workingDays: days,
    workingMinutes,
    ratio: gridTimeRatio(fieldMinutes, days, settings.workMinutesPerDay),
    corroboratedRatio: gridTimeRatio(corroboratedMinutes, days, settings.workMinutesPerDay),
    target: settings.gridTimeTarget,
    meetsTarget: meetsGridTimeTarget(fieldMinutes, workingMinutes, settings.gridTimeTarget),
  }
}

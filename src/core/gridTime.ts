// Grid time — the 5 of 3456: workers spend at least half their working time down in their grid
// (the province later asked for 2/3). ratio = logged field minutes / (working days × minutes per day).
// Anti-formalism (DESIGN section 2): the minutes are what the worker logs; nothing here tracks them.
import { isCalendarDate, monthsOf } from './periods'
import type { Settings } from './types'

/** Absorbs float error only: 5760 / 8640 meets a target of 2/3. */
const EPSILON = 1e-9

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate()
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
  const holidays = new Set(settings.holidays)
  const makeup = new Set(settings.makeupWorkdays)
  let count = 0
  for (const month of monthsOf(period)) {
    const year = Number(month.slice(0, 4))
    const month1 = Number(month.slice(5, 7))
    for (let day = 1; day <= daysInMonth(year, month1); day += 1) {
      const date = `${month}-${String(day).padStart(2, '0')}`
      if (today !== undefined && date > today) return count
      // Computed in UTC so the weekday does not depend on the process time zone.
      const weekday = new Date(Date.UTC(year, month1 - 1, day)).getUTCDay()
      const isWeekday = weekday >= 1 && weekday <= 5
      if (makeup.has(date) || (isWeekday && !holidays.has(date))) count += 1
    }
  }
  return count
}

/** Share of working time logged in the grid; null when there are no working days to measure against. */
export function gridTimeRatio(loggedMinutes: number, workingDayCount: number, workMinutesPerDay: number): number | null {
  const available = workingDayCount * workMinutesPerDay
  if (!(available > 0)) return null
  return loggedMinutes / available
}

export function meetsGridTimeTarget(ratio: number | null, target: number): boolean {
  return ratio !== null && ratio >= target - EPSILON
}

// Field sessions (the 5 of 3456): a worker starts and ends a session when going down into the
// grid and coming back. No GPS, no trail: what counts is what the worker logs, corroborated by the
// service visits and ratings that happened while it ran (DESIGN section 2, anti-formalism).
// The rules of one session live here: how long it may be, how its minutes are counted, which month
// they count in, and when it is corroborated.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { ApiError } from './errors'
import { addMonths, chinaDateOf, monthOf } from './periods'

dayjs.extend(utc)

/** A session longer than 12 hours is rejected, as a forgotten end rather than time in the grid. */
export const MAX_SESSION_MINUTES = 12 * 60

const MINUTE_MS = 60_000
const CHINA_OFFSET_MINUTES = 8 * 60

/** The clock minute a moment falls in (minutes since 1970 UTC). */
function minuteOf(iso: string): number {
  return Math.floor(Date.parse(iso) / MINUTE_MS)
}

/**
 * A session's minutes: the clock minutes from its start to its end (08:59:50 → 09:00:10 is 1, 09:00:10 →
 * 09:00:50 is 0). Whole minutes, so the months a session is split into add up to exactly the session.
 */
export function sessionMinutes(startedAt: string, endedAt: string): number {
  return Math.max(0, minuteOf(endedAt) - minuteOf(startedAt))
}

/** When a China month begins, as an ISO moment: 2026-04 begins at 2026-03-31T16:00:00.000Z. */
export function monthStart(month: string): string {
  return new Date(monthStartMinute(month) * MINUTE_MS).toISOString()
}

/** The clock minute a China month begins, by arithmetic (a year's report splits thousands of sessions). */
function monthStartMinute(month: string): number {
  return Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) / MINUTE_MS - CHINA_OFFSET_MINUTES
}

/**
 * The one rule for where a session's minutes count: in the China month each minute falls in. A session
 * from 22:00 on 31 March to 02:00 on 1 April (China time) gives 120 minutes to March and 120 to April.
 */
export function minutesByMonth(startedAt: string, endedAt: string): Map<string, number> {
  const byMonth = new Map<string, number>()
  const end = minuteOf(endedAt)
  let from = minuteOf(startedAt)
  // Parsed as minuteOf parses it (Date.parse), by plain arithmetic rather than dayjs.
  let month = monthOf(new Date(Date.parse(startedAt)))
  while (from < end) {
    const next = monthStartMinute(addMonths(month, 1))
    const until = Math.min(end, next)
    byMonth.set(month, until - from)
    from = until
    month = addMonths(month, 1)
  }
  return byMonth
}

/** The clock-minute ranges [begin, end) of some China months, to count many sessions against one period. */
export type MonthWindows = ReadonlyArray<readonly [number, number]>

export function monthWindows(months: readonly string[]): MonthWindows {
  return [...new Set(months)].map((month) => [monthStartMinute(month), monthStartMinute(addMonths(month, 1))] as const)
}

/**
 * The minutes of the session from clock minute `from` to `to` that fall in the windows: what minutesByMonth
 * gives those months, summed, without a Map or a date parsed per month.
 */
export function minutesInWindows(from: number, to: number, windows: MonthWindows): number {
  let minutes = 0
  for (const [begin, end] of windows) minutes += Math.max(0, Math.min(to, end) - Math.max(from, begin))
  return minutes
}

/** A session's minutes that count in the given months. */
export function minutesInMonths(startedAt: string, endedAt: string, months: readonly string[]): number {
  return minutesInWindows(minuteOf(startedAt), minuteOf(endedAt), monthWindows(months))
}

/** The clock minutes a session starts and ends in, each parsed once. */
export function sessionClockMinutes(session: { startedAt: string; endedAt: string }): { from: number; to: number } {
  return { from: minuteOf(session.startedAt), to: minuteOf(session.endedAt) }
}

/**
 * The sessions whose minutes can count in the months `first`..`last`: those started from 12 hours before
 * the first month began (a session crossing into it) until the last month ended. Visits and ratings that
 * corroborate them happen up to 12 hours after that end.
 */
export function sessionWindow(first: string, last: string): { from: string; to: string; eventsTo: string } {
  const from = dayjs.utc(monthStart(first)).subtract(MAX_SESSION_MINUTES, 'minute')
  const to = dayjs.utc(monthStart(addMonths(last, 1)))
  return { from: from.toISOString(), to: to.toISOString(), eventsTo: to.add(MAX_SESSION_MINUTES, 'minute').toISOString() }
}

/** The China months a time range `from <= t < to` touches, oldest first (how ratings, kept by month, are read). */
export function monthsSpanned(from: string, to: string): string[] {
  const last = monthOf(new Date(Date.parse(to) - 1))
  const months: string[] = []
  for (let month = monthOf(from); month <= last; month = addMonths(month, 1)) months.push(month)
  return months
}

/** `HH:mm` in China time, as a worker reads a clock. */
export function chinaClock(iso: string): string {
  return dayjs.utc(iso).utcOffset(CHINA_OFFSET_MINUTES).format('HH:mm')
}

/** `YYYY-MM-DD HH:mm` in China time: how a clerk reads a moment in a report or a file, never raw UTC. */
export function chinaMinute(iso: string): string {
  return dayjs.utc(iso).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm')
}

/** `M月D日 HH:mm` in China time. */
export function chinaDateTime(iso: string): string {
  return dayjs.utc(iso).utcOffset(CHINA_OFFSET_MINUTES).format('M月D日 HH:mm')
}

/**
 * Why a session cannot end at `endedAt`, or null when it can: not in the future, not at or before its
 * start, not more than 12 hours after it. A worker who forgot to end one mends it honestly, by saying when
 * they actually left the grid — not by logging time they were not there. The page asks the same before sending.
 */
export function sessionEndProblem(startedAt: string, endedAt: string, now: Date): string | null {
  if (Date.parse(endedAt) > now.getTime()) return `结束时间 ${chinaDateTime(endedAt)} 还没有到，不能记录将来的时间`
  if (Date.parse(endedAt) <= Date.parse(startedAt)) return `结束时间必须晚于这次下沉的开始时间 ${chinaDateTime(startedAt)}`
  if (sessionMinutes(startedAt, endedAt) > MAX_SESSION_MINUTES) {
    return `一次下沉最长 12 小时。这次从 ${chinaDateTime(startedAt)} 开始，请填写您实际离开网格的时间（不晚于 ${chinaDateTime(latestSessionEnd(startedAt))}）`
  }
  return null
}

/** The latest end a session may have: 12 hours after its start. */
export function latestSessionEnd(startedAt: string): string {
  return dayjs.utc(startedAt).add(MAX_SESSION_MINUTES, 'minute').toISOString()
}

/** Checks the end of a session before it is stored (sessionEndProblem), as INVALID_INPUT. */
export function checkSessionEnd(startedAt: string, endedAt: string, now: Date): void {
  const problem = sessionEndProblem(startedAt, endedAt, now)
  if (problem !== null) throw new ApiError('INVALID_INPUT', problem)
}

/**
 * The moment a worker means by a clock time `HH:mm` for the end of a session: the first such time after
 * the start (China time). Started 20:30, "07:15" is 07:15 the next morning. Null when not a clock time.
 */
export function endAtClock(startedAt: string, clock: string): string | null {
  const match = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/.exec(clock.trim())
  if (match === null) return null
  const start = dayjs.utc(startedAt).utcOffset(CHINA_OFFSET_MINUTES)
  let end = start.hour(Number(match[1])).minute(Number(match[2])).second(0).millisecond(0)
  if (!end.isAfter(start)) end = end.add(1, 'day')
  return end.toISOString()
}

/**
 * The resident ratings that may corroborate a session at `now`: those whose China day has passed. A rating
 * given during a session would otherwise flip it to corroborated at that very moment, and tell its worker
 * that someone just rated them (trust rule 5: nothing a worker reads changes at the moment of one rating).
 * The worker's own visits corroborate at once: the worker logged them.
 */
export function ratingsThatCorroborate(ratingTimes: readonly string[], now: Date): string[] {
  // Times are ISO strings in UTC, which sort as they compare: one cut-off, no date parsed per rating
  // (a year's report reads about a thousand ratings per worker).
  const todayBegan = new Date(`${chinaDateOf(now)}T00:00:00+08:00`).toISOString()
  return ratingTimes.filter((at) => at < todayBegan)
}

/** A session with at least one visit or resident rating inside it is corroborated. */
export function isCorroborated(startedAt: string, endedAt: string, eventTimes: readonly string[]): boolean {
  const from = Date.parse(startedAt)
  const to = Date.parse(endedAt)
  return eventTimes.some((at) => {
    const t = Date.parse(at)
    return t >= from && t <= to
  })
}

/**
 * isCorroborated for each of many sessions at once: every time is parsed once, the events are sorted
 * once, and each session looks for the first event at or after its start (a binary search), so a year of
 * sessions and a year of ratings cost (sessions + events) × log(events), not sessions × events parses.
 */
export function corroboratedSessions(sessions: ReadonlyArray<{ startedAt: string; endedAt: string }>, eventTimes: readonly string[]): boolean[] {
  const times = Float64Array.from(eventTimes.map((at) => Date.parse(at)).filter((t) => !Number.isNaN(t))).sort()
  return sessions.map(({ startedAt, endedAt }) => {
    const from = Date.parse(startedAt)
    const to = Date.parse(endedAt)
    if (Number.isNaN(from) || Number.isNaN(to)) return false
    const first = firstAtOrAfter(times, from)
    return first < times.length && times[first] <= to
  })
}

/** The index of the first of the sorted times that is >= t (times.length when none is). */
function firstAtOrAfter(times: Float64Array, t: number): number {
  let low = 0
  let high = times.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (times[mid] < t) low = mid + 1
    else high = mid
  }
  return low
}

/** A session still running, as `field.list` shows it. */
export interface OpenSessionView {
  sessionId: string
  startedAt: string
  /** The 小区 the worker named, '' when none. */
  grid: string
}

/** A logged session, as `field.list` shows it. */
export interface LoggedSessionView extends OpenSessionView {
  endedAt: string
  /** The whole session's minutes (a session crossing into the next month shows all of them). */
  minutes: number
  corroborated: boolean
}

/** `field.list`: the running session, if any, and the sessions with minutes in the period, newest first. */
export interface FieldSessionList {
  period: string
  open: OpenSessionView | null
  sessions: LoggedSessionView[]
}

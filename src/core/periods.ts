// Periods (DESIGN section 3): calendar months in China time (UTC+8), key `YYYY-MM`; longer periods
// are unions of months: `YYYY-H1` (Jan-Jun), `YYYY-H2` (Jul-Dec), `YYYY`.
// Everything goes through UTC plus a fixed +8 h offset, so results never depend on the process TZ
// (a cloud function runs in UTC, a laptop in whatever zone it is set to).
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { PERIOD_PATTERN } from './payloadFields'
import { ApiError } from './errors'

dayjs.extend(utc)

/** China has no daylight saving time: always UTC+8. */
const CHINA_OFFSET_MINUTES = 8 * 60

export type PeriodKind = 'month' | 'half' | 'year'

function inChina(at: Date | string) {
  // A string without an offset is read as UTC (stored timestamps are ISO strings in UTC).
  const t = dayjs.utc(at)
  if (!t.isValid()) throw new ApiError('INVALID_INPUT', '时间格式不对')
  return t.utcOffset(CHINA_OFFSET_MINUTES)
}

const CHINA_OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000

/**
 * A Date's China date as `YYYY-MM-DD`, by plain arithmetic: every submit asks for its month and day, and
 * dayjs's parse and format cost more than the rest of the request's rules together.
 */
function chinaDateOfTime(at: Date): string {
  const time = at.getTime()
  if (Number.isNaN(time)) throw new ApiError('INVALID_INPUT', '时间格式不对')
  const china = new Date(time + CHINA_OFFSET_MS)
  const year = china.getUTCFullYear()
  return `${year < 0 || year > 9999 ? year : String(year).padStart(4, '0')}-${String(china.getUTCMonth() + 1).padStart(2, '0')}-${String(china.getUTCDate()).padStart(2, '0')}`
}

/**
 * A moment as a Date when plain arithmetic reads it as dayjs would: a Date, or a UTC string ending in Z
 * (what every stored timestamp is; dayjs hands those to the Date parser too). Otherwise null.
 */
function asUtcDate(at: Date | string): Date | null {
  if (at instanceof Date) return at
  return at.endsWith('Z') || at.endsWith('z') ? new Date(at) : null
}

/** The month a moment falls in, China time: 2026-03-31T16:30:00Z is already 2026-04. */
export function monthOf(at: Date | string): string {
  const date = asUtcDate(at)
  return date !== null ? chinaDateOfTime(date).slice(0, -3) : inChina(at).format('YYYY-MM')
}

/** The calendar date of a moment, China time, `YYYY-MM-DD`. */
export function chinaDateOf(at: Date | string): string {
  const date = asUtcDate(at)
  return date !== null ? chinaDateOfTime(date) : inChina(at).format('YYYY-MM-DD')
}

/** A real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const [y, m, d] = s.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

export function isPeriod(p: unknown): p is string {
  return typeof p === 'string' && PERIOD_PATTERN.test(p)
}

function assertPeriod(p: string): void {
  if (!isPeriod(p)) {
    throw new ApiError('INVALID_INPUT', `考核期格式不对（${p}），应为 2026-03、2026-H1 或 2026 这样的形式`)
  }
}

export function periodKind(p: string): PeriodKind {
  assertPeriod(p)
  if (p.length === 4) return 'year'
  return p.charAt(5) === 'H' ? 'half' : 'month'
}

function monthKey(year: number, month1: number): string {
  return `${year}-${String(month1).padStart(2, '0')}`
}

/** The month `k` months after `month` (k may be negative). */
export function addMonths(month: string, k: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k
  return monthKey(Math.floor(index / 12), (index % 12) + 1)
}

/** The months a period is the union of, oldest first. */
export function monthsOf(period: string): string[] {
  const kind = periodKind(period)
  const year = Number(period.slice(0, 4))
  if (kind === 'month') return [period]
  const first = kind === 'year' || period.endsWith('H1') ? 1 : 7
  const count = kind === 'year' ? 12 : 6
  return Array.from({ length: count }, (_, i) => monthKey(year, first + i))
}

/** The periods a month belongs to: itself, its half-year and its year. */
export function periodsOfMonth(month: string): [string, string, string] {
  if (periodKind(month) !== 'month') throw new ApiError('INVALID_INPUT', `${month} 不是月份`)
  const year = month.slice(0, 4)
  return [month, `${year}-${Number(month.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`, year]
}

/** How a clerk says it: 2026年3月, 2026年上半年, 2026年下半年, 2026年. */
export function periodLabel(p: string): string {
  const kind = periodKind(p)
  const year = p.slice(0, 4)
  if (kind === 'year') return `${year}年`
  if (kind === 'half') return `${year}年${p.endsWith('H1') ? '上' : '下'}半年`
  return `${year}年${Number(p.slice(5, 7))}月`
}

/** True when the period has not started yet in China time: nobody may score a future period. */
export function periodStartsAfter(period: string, now: Date): boolean {
  // `YYYY-MM` keys compare correctly as strings.
  return monthsOf(period)[0] > monthOf(now)
}

/** A period is closed once its last month is over in China time (only closed periods are snapshotted). */
export function periodIsClosed(period: string, now: Date): boolean {
  const months = monthsOf(period)
  return months[months.length - 1] < monthOf(now)
}

/** The China date a period closes: the 1st of the month after its last month (2026-06 and 2026-H1 → 2026-07-01). */
export function periodClosesOn(period: string): string {
  const months = monthsOf(period)
  return `${addMonths(months[months.length - 1], 1)}-01`
}

/** The period keys whose evaluation a score of `period` feeds: itself and the longer ones containing it. */
export function periodsFedBy(period: string): string[] {
  const kind = periodKind(period)
  if (kind === 'month') return periodsOfMonth(period)
  if (kind === 'half') return [period, period.slice(0, 4)]
  return [period]
}

/**
 * The snapshots a write makes stale: the closed periods (as of `now`) among those fed by the months or
 * period keys it wrote into. A rating of 2026-03 excluded in April makes 2026-03 stale; once July has
 * come, 2026-H1 too; a field session of 31 March ended on 1 April, 2026-03. The one rule every write
 * into a closed period goes through (backend/reports/staleSnapshots.ts).
 */
export function staleSnapshotPeriods(written: readonly string[], now: Date): string[] {
  const stale = new Set<string>()
  for (const key of written) for (const period of periodsFedBy(key)) if (periodIsClosed(period, now)) stale.add(period)
  return [...stale]
}

/**
 * The choices of a period picker, newest first: this month and the 11 before it, then this and the
 * previous half-year, then this and the previous year.
 */
export function recentPeriods(now: Date): string[] {
  const current = monthOf(now)
  const months = Array.from({ length: 12 }, (_, i) => addMonths(current, -i))
  const [, half, year] = periodsOfMonth(current)
  const previousHalf = half.endsWith('H2') ? `${year}-H1` : `${Number(year) - 1}-H2`
  return [...months, half, previousHalf, year, String(Number(year) - 1)]
}

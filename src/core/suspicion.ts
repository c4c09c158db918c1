// Suspicious patterns (DESIGN section 6, trust rule 8): the three rules that put a rating
// in front of sub-district staff, as pure functions with their numbers. "In an hour" is any 60 minutes
// (a sliding window), so a burst split across a clock hour is still one burst. Flagged ratings keep
// counting until staff decide; these rules only decide what staff look at. Two more rules look past the
// hour (one person counts once): a person's feedback on one worker month after month, and two workers
// who rate each other in one month (backend/reviews/suspicionPairs.ts).
import { addMonths } from './periods'

/** Any 60 minutes. */
export const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** Burst: more than max(BURST_FLOOR, BURST_FACTOR × the worker's median daily count over BASELINE_DAYS days) in an hour. */
export const BURST_FLOOR = 10
export const BURST_FACTOR = 5
export const BASELINE_DAYS = 30
/** Many first-time raters at once: at least this many ratings of one worker within an hour from raters with nothing earlier. */
export const NEW_RATERS_MIN = 5
/** One client address behind at least this many distinct raters within an hour. */
export const SHARED_ADDRESS_MIN = 5

/** The median of the counts (the mean of the two middle ones for an even number); 0 for none. */
export function median(counts: readonly number[]): number {
  if (counts.length === 0) return 0
  const sorted = [...counts].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** How many ratings of an hour are still ordinary for a worker with these daily counts; one more is a burst. */
export function burstThreshold(dailyCounts: readonly number[]): number {
  return Math.max(BURST_FLOOR, BURST_FACTOR * median(dailyCounts))
}

/**
 * The worker's count per day over the `days` days before `end` (each day the 24 hours ending a whole
 * number of days before `end`), from the times of their ratings; days without any count 0.
 */
export function dailyCounts(times: readonly string[], end: string, days: number = BASELINE_DAYS): number[] {
  const endMs = Date.parse(end)
  const counts = new Array<number>(days).fill(0)
  for (const time of times) {
    const back = Math.floor((endMs - 1 - Date.parse(time)) / DAY_MS)
    if (back >= 0 && back < days) counts[back] += 1
  }
  return counts
}

/**
 * The items that lie in some 60 minutes holding at least `min` distinct keys (`keyOf`; by default every
 * item counts on its own): every window starting at an item's time is tried, so none is missed. One
 * sweep: the window's end only moves forward, its keys are counted as items enter and leave, and each
 * item is marked once — a flood of ratings from one address (thousands in an hour) costs linear time,
 * not the square of it.
 */
export function inBusyHours<T extends { submittedAt: string }>(items: readonly T[], min: number, keyOf?: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
  const times = sorted.map((item) => Date.parse(item.submittedAt))
  const keys = keyOf === undefined ? null : sorted.map(keyOf)
  const inWindow = new Map<string, number>()
  const busy = new Set<T>()
  let end = 0
  let marked = 0
  for (let start = 0; start < sorted.length; start += 1) {
    // An unreadable time closes no window and opens none (it never counts): skip past it.
    if (end < start) end = start
    for (; end < sorted.length && times[end] < times[start] + HOUR_MS; end += 1) {
      if (keys !== null) inWindow.set(keys[end], (inWindow.get(keys[end]) ?? 0) + 1)
    }
    const count = keys === null ? end - start : inWindow.size
    if (count >= min) {
      for (let k = Math.max(start, marked); k < end; k += 1) busy.add(sorted[k])
      marked = Math.max(marked, end)
    }
    if (keys !== null && end > start) {
      const left = (inWindow.get(keys[start]) ?? 0) - 1
      if (left === 0) inWindow.delete(keys[start])
      else inWindow.set(keys[start], left)
    }
  }
  return sorted.filter((item) => busy.has(item))
}

/**
 * Repeat recipient: one person's feedback on the same worker in at least REPEAT_MONTHS_MIN distinct months
 * of the REPEAT_WINDOW_MONTHS ending with the newest one (a friend asked again and again to give feedback).
 */
export const REPEAT_MONTHS_MIN = 3
export const REPEAT_WINDOW_MONTHS = 6

/** The first month of the REPEAT_WINDOW_MONTHS months ending with `month` (2026-06 → 2026-01). */
export function repeatWindowStart(month: string): string {
  return addMonths(month, 1 - REPEAT_WINDOW_MONTHS)
}

/** Whether one person's feedback months on one worker make the pattern, counting those of the window ending `month`. */
export function isRepeatRecipient(months: readonly string[], month: string): boolean {
  const from = repeatWindowStart(month)
  return new Set(months.filter((m) => m >= from && m <= month)).size >= REPEAT_MONTHS_MIN
}

/** The moment a China month starts, as an ISO time (2026-06 → 2026-05-31T16:00:00.000Z). */
export function chinaMonthStart(month: string): string {
  return new Date(`${month}-01T00:00:00+08:00`).toISOString()
}

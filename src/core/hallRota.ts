// The service hall's duty rota (值班表): who sits at the hall's windows on each working day of a month.
// In the pilot's 银泉社区 4 of the 18 workers staff the hall each day and the rest go down into their
// grids; workers are grouped (编组) and duty rotates (轮岗); AB posts (AB岗) keep the window staffed: a
// worker's B covers their window when they cannot sit at it, so a pair's A and B are never on duty on the
// same day (then one of them is always free to take the window). Working days are the settings' China
// calendar, the one grid time and case deadlines use (isWorkingDay). Pure: no IO.
import { isWorkingDay } from './cases'
import type { HallRotaSetup } from './hallSchemas'
import type { Settings } from './types'

export type Calendar = Pick<Settings, 'holidays' | 'makeupWorkdays'>

/** One day of a stored rota: the workers on duty, in window order (empty on a day off). */
export interface RotaDay {
  date: string
  workerCodes: string[]
}

/** Every date of a month `YYYY-MM`, the 1st first. */
export function datesOfMonth(month: string): string[] {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
}

/** The working days of a month, by the settings' calendar. */
export function workingDatesOf(month: string, calendar: Calendar): string[] {
  return datesOfMonth(month).filter((date) => isWorkingDay(date, calendar))
}

/** Each worker's partner in an AB pair (both ways: A's B covers A, and A is the one B stands in for). */
export function partnersOf(pairs: HallRotaSetup['pairs']): Map<string, string> {
  const partners = new Map<string, string>()
  for (const { a, b } of pairs) {
    partners.set(a, b)
    partners.set(b, a)
  }
  return partners
}

/** Whole hall days per worker of the rota's groups (0 for a worker never on duty), from the days given. */
export function hallDaysOf(days: readonly RotaDay[], groups: readonly string[][]): Map<string, number> {
  const counts = new Map<string, number>(groups.flat().map((code) => [code, 0]))
  for (const day of days) for (const code of day.workerCodes) counts.set(code, (counts.get(code) ?? 0) + 1)
  return counts
}

/**
 * Hall days served per worker: the days of the rotas given up to and including `today` (a China date;
 * days still ahead are duty to come, not time spent). What grid time shows beside its ratio.
 */
export function servedHallDays(days: Iterable<RotaDay>, today: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const day of days) if (day.date <= today) for (const code of day.workerCodes) counts.set(code, (counts.get(code) ?? 0) + 1)
  return counts
}

/** Hall days per worker of the groups, averaged: total duties / workers. */
export function meanHallDays(days: readonly RotaDay[], groups: readonly string[][]): number {
  const workers = groups.flat().length
  const duties = days.reduce((n, day) => n + day.workerCodes.length, 0)
  return workers === 0 ? 0 : duties / workers
}

/** Balanced: every worker of the groups within one day of the mean. */
export function isBalanced(days: readonly RotaDay[], groups: readonly string[][]): boolean {
  const mean = meanHallDays(days, groups)
  return [...hallDaysOf(days, groups).values()].every((n) => Math.abs(n - mean) <= 1)
}

/**
 * Generates the rota's days: every working day gets `staffing` workers, none on other days. The
 * rotation walks the groups in order, their members in order, from `startWith` (the worker after the
 * previous month's last); each day takes the workers with the fewest hall days so far, the next in the
 * rotation first, skipping a worker whose AB partner is already on that day. Without AB conflicts that is
 * exactly the next `staffing` workers of the cycle, so months chained this way stay balanced over a year.
 * `kept`: days already past, which keep who was on duty (their duties count towards the balance).
 */
export function generateRotaDays(options: {
  month: string
  setup: HallRotaSetup
  calendar: Calendar
  startWith?: string | null
  kept?: readonly RotaDay[]
}): { days: RotaDay[]; next: string | null } {
  const { month, setup, calendar } = options
  const order = setup.groups.flat()
  const partners = partnersOf(setup.pairs)
  const kept = new Map((options.kept ?? []).map((day) => [day.date, day.workerCodes]))
  const counts = hallDaysOf(options.kept ?? [], setup.groups)
  const start = options.startWith == null ? -1 : order.indexOf(options.startWith)
  let pointer = start < 0 ? 0 : start
  const days: RotaDay[] = []
  for (const date of datesOfMonth(month)) {
    const keptDay = kept.get(date)
    if (keptDay !== undefined || !isWorkingDay(date, calendar)) {
      days.push({ date, workerCodes: isWorkingDay(date, calendar) ? [...(keptDay ?? [])] : [] })
      // The rotation goes on after the last worker of a day kept as it was.
      const last = keptDay === undefined ? -1 : order.indexOf(keptDay[keptDay.length - 1] ?? '')
      if (last >= 0) pointer = (last + 1) % order.length
      continue
    }
    const distance = (code: string) => (order.indexOf(code) - pointer + order.length) % order.length
    const candidates = [...order].sort((x, y) => (counts.get(x) ?? 0) - (counts.get(y) ?? 0) || distance(x) - distance(y))
    const chosen: string[] = []
    for (const code of candidates) {
      if (chosen.length === setup.staffing) break
      const partner = partners.get(code)
      if (partner !== undefined && chosen.includes(partner)) continue
      chosen.push(code)
    }
    for (const code of chosen) counts.set(code, (counts.get(code) ?? 0) + 1)
    if (chosen.length > 0) pointer = (Math.max(...chosen.map(distance)) + pointer + 1) % order.length
    days.push({ date, workerCodes: chosen })
  }
  return { days, next: order.length === 0 ? null : order[pointer] }
}

/** A worker as problems name them. */
export type NameOf = (workerCode: string) => string

/** `2026-10-12` as 10月12日. */
export function dayLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/**
 * What is wrong with a setup, in words for the community admin (first problem only matters to them):
 * every worker in post in exactly one group, only them; `staffing` no more than can be on duty at once
 * (one of each AB pair); each worker in at most one pair, never paired with themself.
 */
export function setupProblem(setup: HallRotaSetup, inPost: readonly string[], nameOf: NameOf): string | null {
  const grouped = setup.groups.flat()
  const stranger = grouped.find((code) => !inPost.includes(code))
  if (stranger !== undefined) return `${stranger} 不是本社区在岗的工作人员，不能编入值班`
  const twice = grouped.find((code, i) => grouped.indexOf(code) !== i)
  if (twice !== undefined) return `${nameOf(twice)} 被编进了两个组，每人只能在一个组`
  const missing = inPost.find((code) => !grouped.includes(code))
  if (missing !== undefined) return `${nameOf(missing)} 还没有编组，请把每位在岗工作人员都编进一个组`
  const paired: string[] = []
  for (const { a, b } of setup.pairs) {
    if (a === b) return `${nameOf(a)} 不能做自己的 B 岗`
    for (const code of [a, b]) {
      if (!grouped.includes(code)) return `${code} 不是本社区在岗的工作人员，不能设为 AB 岗`
      if (paired.includes(code)) return `${nameOf(code)} 只能在一组 AB 岗里`
      paired.push(code)
    }
  }
  const atOnce = grouped.length - setup.pairs.length
  if (setup.staffing > atOnce) {
    return `每天 ${setup.staffing} 人值班排不开：${grouped.length} 人里 AB 岗的两人不能同一天值班，最多 ${atOnce} 人能同时在大厅`
  }
  return null
}

/**
 * What is wrong with one day of a rota, in words (null: nothing): a day off has nobody; a working day has
 * `staffing` workers of the groups, each once, and never both of an AB pair (or the window of one of them
 * would have neither its A nor its B to take it).
 */
export function dayProblem(day: RotaDay, setup: HallRotaSetup, calendar: Calendar, nameOf: NameOf): string | null {
  const label = dayLabel(day.date)
  if (!isWorkingDay(day.date, calendar)) return day.workerCodes.length === 0 ? null : `${label}不是工作日，大厅不排值班`
  const grouped = setup.groups.flat()
  const stranger = day.workerCodes.find((code) => !grouped.includes(code))
  if (stranger !== undefined) return `${label}的 ${stranger} 不在值班编组里`
  const twice = day.workerCodes.find((code, i) => day.workerCodes.indexOf(code) !== i)
  if (twice !== undefined) return `${label} ${nameOf(twice)} 排了两次`
  if (day.workerCodes.length !== setup.staffing) return `${label}排了 ${day.workerCodes.length} 人，每天应有 ${setup.staffing} 人值班`
  for (const { a, b } of setup.pairs) {
    if (day.workerCodes.includes(a) && day.workerCodes.includes(b)) {
      return `${label} ${nameOf(a)} 和 B 岗 ${nameOf(b)} 都在大厅值班，${nameOf(a)} 的窗口就没有人顶岗了，请换一个人`
    }
  }
  return null
}

/** The first problem of a whole rota's days, or null. */
export function rotaProblem(days: readonly RotaDay[], setup: HallRotaSetup, calendar: Calendar, nameOf: NameOf): string | null {
  for (const day of days) {
    const problem = dayProblem(day, setup, calendar, nameOf)
    if (problem !== null) return problem
  }
  return null
}

export type RotaChange =
  | { kind: 'day'; date: string; workerCodes: string[] }
  | { kind: 'swap'; first: { date: string; workerCode: string }; second: { date: string; workerCode: string } }

/**
 * The days after one change, or the problem with it in words. A swap moves `first.workerCode` to
 * `second.date` in `second.workerCode`'s window and back; both must be on duty on their day.
 */
export function applyChange(days: readonly RotaDay[], change: RotaChange, nameOf: NameOf): { days: RotaDay[]; touched: string[] } | { problem: string } {
  const byDate = new Map(days.map((day) => [day.date, [...day.workerCodes]]))
  if (change.kind === 'day') {
    if (!byDate.has(change.date)) return { problem: `${dayLabel(change.date)}不在这个月的值班表里` }
    byDate.set(change.date, [...change.workerCodes])
    return { days: days.map((day) => ({ date: day.date, workerCodes: byDate.get(day.date) ?? [] })), touched: [change.date] }
  }
  const { first, second } = change
  if (first.date === second.date) return { problem: '请选择两天里的两个人对调；同一天的两个人对调，值班表不变' }
  for (const side of [first, second]) {
    const list = byDate.get(side.date)
    if (list === undefined) return { problem: `${dayLabel(side.date)}不在这个月的值班表里` }
    if (!list.includes(side.workerCode)) return { problem: `${dayLabel(side.date)}没有排 ${nameOf(side.workerCode)} 值班` }
  }
  const firstDay = byDate.get(first.date) as string[]
  const secondDay = byDate.get(second.date) as string[]
  firstDay[firstDay.indexOf(first.workerCode)] = second.workerCode
  secondDay[secondDay.indexOf(second.workerCode)] = first.workerCode
  return { days: days.map((day) => ({ date: day.date, workerCodes: byDate.get(day.date) ?? [] })), touched: [first.date, second.date] }
}

/** The suggested setup of a community without one: 4 a day (fewer when it has fewer than 8), groups of that many in code order. */
export function suggestedSetup(inPost: readonly string[]): HallRotaSetup {
  const staffing = Math.max(1, Math.min(4, Math.floor(inPost.length / 2)))
  const groups: string[][] = []
  for (let i = 0; i < inPost.length; i += staffing) groups.push(inPost.slice(i, i + staffing))
  return { staffing, groups, pairs: [] }
}

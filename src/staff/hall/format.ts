// How the rota page writes dates and AB posts: display only, no rules (those are in src/core/hallRota.ts).
import type { HallRotaSetup, HallWorker } from '../../core/hallSchemas'
import { addMonths, periodLabel } from '../../core/periods'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** 0 Sunday … 6 Saturday of a calendar date, as plain numbers (never the process time zone). */
function weekdayNumber(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay()
}

/** `2026-12-01` → 周二. */
export function weekdayOf(date: string): string {
  return WEEKDAYS[weekdayNumber(date)]
}

/** Empty cells before the 1st in a calendar whose weeks start on Monday: 0 when the 1st is a Monday, 6 on a Sunday. */
export function blanksBefore(firstDate: string): number {
  return (weekdayNumber(firstDate) + 6) % 7
}

/** The months a rota page offers: last month (to look back), this month and next month (to plan). */
export function rotaMonths(thisMonth: string): string[] {
  return [addMonths(thisMonth, -1), thisMonth, addMonths(thisMonth, 1)]
}

/** A month chip short enough for a phone's row: 12月（本月）, 11月; another year's month keeps its year: 2027年1月. */
export function monthChipLabel(month: string, thisMonth: string): string {
  const label = month.slice(0, 4) === thisMonth.slice(0, 4) ? `${Number(month.slice(5, 7))}月` : periodLabel(month)
  return month === thisMonth ? `${label}（本月）` : label
}

/**
 * A worker's AB post in words: 刘建华 with B 张敏 reads “B岗 张敏” on his line and “顶 刘建华 的岗” on hers;
 * none: null (nothing to say).
 */
export function abPostText(workerCode: string, pairs: HallRotaSetup['pairs'], nameOf: (code: string) => string): string | null {
  const asA = pairs.find((pair) => pair.a === workerCode)
  if (asA !== undefined) return `B岗 ${nameOf(asA.b)}`
  const asB = pairs.find((pair) => pair.b === workerCode)
  if (asB !== undefined) return `顶 ${nameOf(asB.a)} 的岗`
  return null
}

/** A worker's name by code among those the rota names; the code itself for one it does not. */
export function namesOf(workers: readonly HallWorker[]): (workerCode: string) => string {
  const names = new Map(workers.map((worker) => [worker.workerCode, worker.name]))
  return (workerCode) => names.get(workerCode) ?? workerCode
}

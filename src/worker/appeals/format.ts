// How the appeal pages write a bad rating and an appeal's outcome, in words.
import { type AppealStatus, type AppealView, appealLastDay } from '../../core/appeals'
import { LEVEL_LABELS } from '../../core/levels'
import type { Level } from '../../core/types'

/** 2026-11 → 2026年11月: a bad rating is shown by its month, never its day (trust rule 5). */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`
}

/** “非常不满意” · 居民评价 · 2026年11月 */
export function ratingLine(level: Level, kind: string, month: string): string {
  return `${LEVEL_LABELS[level]} · ${kind} · ${monthLabel(month)}`
}

/** The outcome as the worker who appealed reads it. */
const WORKER_STATUS: Record<AppealStatus, string> = {
  pending: '审核中',
  upheld: '申诉成立：已撤销该评价',
  rejected: '申诉未成立：维持原评价',
}

export function statusLabel(appeal: AppealView): string {
  return WORKER_STATUS[appeal.status]
}

/**
 * Until when a bad rating may be appealed, as a date and the days left: “可申诉至 12月10日（还有 10 天）”;
 * on the last day “今天（12月10日）是申诉的最后一天”. `daysLeft` > 0 (the server's count, today included).
 */
export function appealDeadline(month: string, appealDays: number, daysLeft: number): string {
  const last = appealLastDay(month, appealDays)
  const day = `${Number(last.slice(5, 7))}月${Number(last.slice(8, 10))}日`
  return daysLeft === 1 ? `今天（${day}）是申诉的最后一天` : `可申诉至 ${day}（还有 ${daysLeft} 天）`
}

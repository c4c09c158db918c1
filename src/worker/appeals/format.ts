// How the appeal pages write a bad rating and an appeal's outcome, in words.
import type { AppealStatus, AppealView } from '../../core/appeals'
import { LEVEL_LABELS } from '../../core/levels'
import type { Level } from '../../core/types'

/** 2026-11-01 → 11月1日. */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** “非常不满意” · 居民评价 · 11月1日 */
export function ratingLine(level: Level, kind: string, date: string): string {
  return `${LEVEL_LABELS[level]} · ${kind} · ${dayLabel(date)}`
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

// Appeals, 申诉 / 复核 (issue 9, item 7): a worker may appeal a bad rating of theirs (level 1 or 2) within
// `appealDays` calendar days of it, China time, with a reason; the sub-district upholds it (the rating no
// longer counts) or rejects it (it stays). Pure: no IO, used by pages and handlers alike.
import { chinaDateOf } from './periods'
import type { Level } from './types'

/** A reason long enough to say what happened, short enough to read on a phone. */
export const APPEAL_REASON_MIN = 5
export const APPEAL_REASON_MAX = 200
export const APPEAL_NOTE_MIN = 2
export const APPEAL_NOTE_MAX = 200

/** Levels a worker may appeal: the bad reviews (差评, DESIGN section 3). */
export const APPEALABLE_LEVELS: readonly Level[] = [1, 2]

const DAY_MS = 24 * 60 * 60 * 1000

/** Days between two `YYYY-MM-DD` calendar dates (b - a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/**
 * The last calendar day (China time, `YYYY-MM-DD`) a rating given at `submittedAt` may be appealed: the
 * day of the rating plus `appealDays`. Rated 2026-11-01 10:00 China time, 10 days: through 2026-11-11,
 * i.e. until 2026-11-11 23:59:59.999 China time.
 */
export function appealLastDay(submittedAt: string, appealDays: number): string {
  const day = chinaDateOf(submittedAt)
  return new Date(Date.parse(`${day}T00:00:00Z`) + appealDays * DAY_MS).toISOString().slice(0, 10)
}

/** Calendar days still open for an appeal, today included (0: closed). The last day itself answers 1. */
export function appealDaysLeft(submittedAt: string, now: Date, appealDays: number): number {
  return Math.max(0, daysBetween(chinaDateOf(now), appealLastDay(submittedAt, appealDays)) + 1)
}

/** Whether a rating given at `submittedAt` may still be appealed at `now`. */
export function appealOpen(submittedAt: string, now: Date, appealDays: number): boolean {
  return appealDaysLeft(submittedAt, now, appealDays) > 0
}

/**
 * The earliest moment whose ratings may still be appealed at `now` (ISO, UTC): 00:00 China time of the day
 * `appealDays` before today. The worker's appealable ratings are read from there on.
 */
export function appealWindowStart(now: Date, appealDays: number): string {
  const today = chinaDateOf(now)
  return new Date(Date.parse(`${today}T00:00:00+08:00`) - appealDays * DAY_MS).toISOString()
}

export type AppealStatus = 'pending' | 'upheld' | 'rejected'

/** How a worker and staff read an appeal's status. */
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  pending: '审核中',
  upheld: '已撤销该评价',
  rejected: '维持原评价',
}

export type RatingKindLabel = '居民评价' | '服务对象评价'

/** A bad rating as its worker sees it (appeal.mine): never who gave it (trust rule 5). */
export interface AppealableRating {
  /**
   * What appeal.file names the rating by: a keyed hash the worker cannot compute. Never the rating's own id:
   * a feedback's id is its visit's code, which the worker knows — it would name the person they served.
   */
  token: string
  kind: RatingKindLabel
  level: Level
  month: string
  /** China date `YYYY-MM-DD` of the rating, not the time. */
  date: string
  /** The comment only if it passed moderation (trust rule 6), else ''. */
  comment: string
  /** Excluded already (by the review queue or an upheld appeal): it no longer counts. */
  excluded: boolean
  /** Days left to appeal, today included; 0 when closed or already appealed. */
  daysLeft: number
  appeal: AppealView | null
}

/** An appeal as its worker sees it: no id (the appeal's id is derived from the rating's, trust rule 5). */
export interface AppealView {
  status: AppealStatus
  reason: string
  filedAt: string
  /** The sub-district's note once decided. */
  note?: string
  decidedAt?: string
}

/** An appeal as the sub-district reviews it (appeal.list): the rating and the worker, never the rater. */
export interface AppealForReview extends AppealView {
  appealId: string
  workerCode: string
  workerName: string
  community: string
  kind: RatingKindLabel
  level: Level
  month: string
  /** China date of the rating. */
  date: string
  comment: string
}

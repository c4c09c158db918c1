// Appeals, 申诉 / 复核: a worker may appeal a bad rating of theirs (level 1 or 2) with a
// reason; the sub-district upholds it (the rating no longer counts) or rejects it (it stays). A bad rating
// reaches its worker only once its month has closed, and the `appealDays` calendar days to appeal it run
// from then (trust rule 5: nothing a worker reads changes at the moment of a rating, so no rating is shown,
// nor dated, while the raters of its month could still be told apart by when they rated). Pure: no IO,
// used by pages and handlers alike.
import { addMonths, chinaDateOf, periodClosesOn, periodIsClosed } from './periods'
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

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whether the bad ratings of `month` are listed to their worker at `now`: once the month has closed (China time). */
export function appealListed(month: string, now: Date): boolean {
  return periodIsClosed(month, now)
}

/**
 * The last calendar day (China time, `YYYY-MM-DD`) a bad rating of `month` may be appealed: the window opens
 * when the month closes, on the 1st of the next month at 00:00, and lasts `appealDays` days. A rating of
 * 2026-10, 10 days: 2026-11-01 through 2026-11-10, i.e. until 2026-11-10 23:59:59.999 China time.
 */
export function appealLastDay(month: string, appealDays: number): string {
  return addDays(periodClosesOn(month), appealDays - 1)
}

/**
 * Calendar days still open for an appeal of a rating of `month`, today included: 0 while the month is still
 * running (nothing is listed yet) and after the last day. The first day answers `appealDays`, the last 1.
 */
export function appealDaysLeft(month: string, now: Date, appealDays: number): number {
  if (!appealListed(month, now)) return 0
  return Math.max(0, daysBetween(chinaDateOf(now), appealLastDay(month, appealDays)) + 1)
}

/** Whether a bad rating of `month` may be appealed at `now`. */
export function appealOpen(month: string, now: Date, appealDays: number): boolean {
  return appealDaysLeft(month, now, appealDays) > 0
}

/**
 * The earliest moment whose ratings may still be appealed at `now` (ISO, UTC): 00:00 China time on the 1st
 * of the oldest month whose window has not ended. The worker's bad ratings are read from there on (those of
 * the running month are then left out by appealListed).
 */
export function appealWindowStart(now: Date, appealDays: number): string {
  // The oldest month M whose window is still open: its close (the 1st of M + 1) is on or after this day.
  const earliestClose = addDays(chinaDateOf(now), -(appealDays - 1))
  const closeMonth = earliestClose.endsWith('-01') ? earliestClose.slice(0, 7) : addMonths(earliestClose.slice(0, 7), 1)
  return new Date(`${addMonths(closeMonth, -1)}-01T00:00:00+08:00`).toISOString()
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
  /** The month it counts in: never its day or time (trust rule 5). */
  month: string
  /** The comment only if it passed moderation (trust rule 6), else ''. */
  comment: string
  /** Present with a comment: what comment.report names it by (OwnComment.report). */
  report?: { kind: 'resident' | 'recipient'; token: string }
  /** Excluded already (by the review queue or an upheld appeal): it no longer counts. */
  excluded: boolean
  /** Days left to appeal, today included (the window opens when the month closes); 0 when closed or already appealed. */
  daysLeft: number
  appeal: AppealView | null
  /** Its bad-review case was closed as 评价已撤销 (the appeal upheld): the community no longer calls back or rectifies. */
  caseWithdrawn: boolean
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

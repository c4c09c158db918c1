// Service visits and the feedback of the people served (一次一评, party S of the three):
// each visit a worker logs gets its own code, and the person served rates that one visit, once, within
// `feedbackWindowDays` of it (DESIGN section 3, settings). Pure: no IO, used by pages and handlers alike.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** The kinds of service a worker logs, in the order the visit page offers them. */
export const VISIT_TYPES = ['政策宣传', '入户登记', '帮办代办', '矛盾调解', '关爱走访', '其他'] as const
export type VisitType = (typeof VISIT_TYPES)[number]

/** 小区 / 楼栋, e.g. 银泉花园 3 栋 2 单元. */
export const VISIT_PLACE_MAX = 30
/** A short note for the worker's own record (never shown to the person served). */
export const VISIT_NOTE_MAX = 100

/** How many days back visit.list reaches: a month covers any feedback window a worker waits on. */
export const VISIT_LIST_DAYS = 30

const DAY_MS = 24 * 60 * 60 * 1000

/** When feedback on a visit logged at `at` closes: exactly `windowDays` x 24 h later. */
export function feedbackClosesAt(at: string, windowDays: number): Date {
  return new Date(new Date(at).getTime() + windowDays * DAY_MS)
}

/** Feedback is open from the moment the visit is logged until `windowDays` x 24 h after it. */
export function isFeedbackOpen(at: string, now: Date, windowDays: number): boolean {
  return now.getTime() < feedbackClosesAt(at, windowDays).getTime()
}

/**
 * The `at` from which a visit may still take feedback under the longest window a setting allows
 * (`maxWindowDays`, FEEDBACK_WINDOW_MAX_DAYS): every older visit is closed whatever is saved.
 */
export function feedbackOpenSince(now: Date, maxWindowDays: number): string {
  return new Date(now.getTime() - maxWindowDays * DAY_MS).toISOString()
}

/**
 * Where a visit's feedback stands, as its worker sees it: only whether its window is open by time, never
 * whether it was rated nor how. The worker knows whom they served on that visit, so its level would tell
 * them how that person rated them, and a 已评价 that flips at the moment of the feedback would tell them
 * when (trust rule 5: nothing a worker reads changes at the moment of one feedback).
 */
export interface VisitFeedback {
  open: boolean
}

/** One of a worker's own visits (visit.list). */
export interface VisitSummary {
  visitCode: string
  type: VisitType
  place: string
  note: string
  /** ISO (UTC), when it was logged. */
  at: string
  feedback: VisitFeedback
}

/** What the feedback page shows before the person served rates (visit.card): never the note. */
export interface VisitCard {
  workerCode: string
  workerName: string
  type: VisitType
  at: string
  /** When feedback closes (ISO): feedbackWindowDays after `at`. */
  feedbackUntil: string
  feedbackOpen: boolean
  /**
   * Why feedback is closed: someone already rated the visit, or its window passed; null while open. To the
   * visit's own worker it is by time only ('expired' or null), never 'rated' (see VisitFeedback).
   * 'inactive': the worker is no longer in post, and feedback on their visits is refused.
   */
  closedBecause: 'rated' | 'inactive' | 'expired' | null
  /** The caller is the worker who made the visit (who cannot rate it). */
  ownVisit: boolean
}

const CHINA_OFFSET_MINUTES = 8 * 60

/** A visit's time as a person reads it, China time: 今天 14:30, 昨天 09:05, 11月20日 16:00, 2025年12月30日 16:00. */
export function visitTimeLabel(at: string, now: Date): string {
  const t = dayjs.utc(at).utcOffset(CHINA_OFFSET_MINUTES)
  const today = dayjs.utc(now).utcOffset(CHINA_OFFSET_MINUTES)
  const clock = t.format('HH:mm')
  if (t.format('YYYY-MM-DD') === today.format('YYYY-MM-DD')) return `今天 ${clock}`
  if (t.format('YYYY-MM-DD') === today.subtract(1, 'day').format('YYYY-MM-DD')) return `昨天 ${clock}`
  if (t.year() === today.year()) return `${t.month() + 1}月${t.date()}日 ${clock}`
  return `${t.year()}年${t.month() + 1}月${t.date()}日 ${clock}`
}

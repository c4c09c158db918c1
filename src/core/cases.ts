// The bad-review loop, 差评回访整改: the deadlines in working days, where a case stands,
// and whether it is overdue — pure, from the calendar settings and today's China date. The handlers
// (backend/cases/) and the pages read these, never their own arithmetic.
import { isCalendarDate } from './periods'
import type { Level, Settings } from './types'

type Calendar = Pick<Settings, 'holidays' | 'makeupWorkdays'>

export const CASE_VERDICTS = ['满意', '基本满意', '不满意'] as const
export type CaseVerdict = (typeof CASE_VERDICTS)[number]
export const CASE_OUTCOME_MAX = 200
export const CASE_NOTE_MIN = 5
export const CASE_NOTE_MAX = 300

/** A working day (as workingDays in gridTime.ts): Mon–Fri not a holiday, or a make-up workday. */
export function isWorkingDay(date: string, calendar: Calendar): boolean {
  if (calendar.makeupWorkdays.includes(date)) return true
  // A date-only ISO string is read as UTC midnight; not a date: NaN, no weekday.
  const weekday = new Date(Date.parse(date)).getUTCDay()
  return weekday >= 1 && weekday <= 5 && !calendar.holidays.includes(date)
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The `YYYY-MM-DD` of a UTC midnight. Plain arithmetic: every bad rating steps through two deadlines a day at a time. */
const dateOfTime = (time: number): string => new Date(time).toISOString().slice(0, 10)

/** Deadlines worked out, per calendar object: every bad rating of a day asks for the same two. */
const deadlines = new WeakMap<Calendar, Map<string, string>>()

/** The `n`th working day after `date` (a China date; `date` itself never counts, n >= 1). */
export function addWorkingDays(date: string, n: number, calendar: Calendar): string {
  let known = deadlines.get(calendar)
  if (known === undefined) deadlines.set(calendar, (known = new Map()))
  const key = `${date}|${n}`
  const hit = known.get(key)
  if (hit !== undefined) return hit
  if (!isCalendarDate(date)) throw new RangeError(`date must be YYYY-MM-DD, got ${date}`)
  let time = Date.parse(date)
  for (let left = Math.max(1, Math.floor(n)); left > 0; ) {
    time += DAY_MS
    if (isWorkingDay(dateOfTime(time), calendar)) left -= 1
  }
  const due = dateOfTime(time)
  if (known.size >= 1000) known.clear()
  known.set(key, due)
  return due
}

/** Working days after `due` up to and including `today`: how far past its deadline a step is (0 when not). */
export function workingDaysOver(due: string, today: string, calendar: Calendar): number {
  let count = 0
  if (Number.isNaN(Date.parse(due))) return count
  for (let time = Date.parse(due) + DAY_MS, day = dateOfTime(time); day <= today; time += DAY_MS, day = dateOfTime(time)) {
    if (isWorkingDay(day, calendar)) count += 1
  }
  return count
}

/**
 * callback: waits for the call-back (回访); rectify: for the rectification (整改); confirm: for the rater's
 * verdict; closed: given. withdrawn: the worker's appeal was upheld, so the rating no longer counts and the
 * case is closed whatever step it had reached.
 */
export type CaseStage = 'callback' | 'rectify' | 'confirm' | 'closed' | 'withdrawn'

export const STAGE_LABELS: Record<CaseStage, string> = { callback: '待回访', rectify: '待整改', confirm: '待评价人确认', closed: '已办结', withdrawn: '评价已撤销' }

export interface CaseSteps {
  callbackDue: string
  rectifyDue: string
  callback?: unknown
  rectification?: unknown
  confirmation?: unknown
  withdrawal?: unknown
}

export function caseStage(c: CaseSteps): CaseStage {
  if (c.withdrawal !== undefined) return 'withdrawn'
  if (c.confirmation !== undefined) return 'closed'
  if (c.rectification !== undefined) return 'confirm'
  if (c.callback !== undefined) return 'rectify'
  return 'callback'
}

/** Whether nothing is left to do on a case: the rater gave their verdict, or the rating was withdrawn. */
export function caseFinished(stage: CaseStage): boolean {
  return stage === 'closed' || stage === 'withdrawn'
}

/**
 * Whether a case has reached its worker: once the community admin recorded the call-back (回访), which hands
 * the rectification to the worker — an admin's action, never the moment the rating arrived (trust rule 5:
 * nothing a worker reads changes at the moment of one rating or feedback).
 */
export function caseReachesWorker(c: CaseSteps): boolean {
  return c.callback !== undefined
}

/** The step that is late, and by how many working days; null when none is (steps done are never late). */
export interface Overdue {
  step: 'callback' | 'rectify'
  workingDays: number
}

export function caseOverdue(c: CaseSteps, today: string, calendar: Calendar): Overdue | null {
  const stage = caseStage(c)
  // Past the rectification deadline is the graver lateness: it wins when both are.
  if (stage === 'callback' || stage === 'rectify') {
    const late = workingDaysOver(c.rectifyDue, today, calendar)
    if (late > 0) return { step: 'rectify', workingDays: late }
  }
  if (stage === 'callback') {
    const late = workingDaysOver(c.callbackDue, today, calendar)
    if (late > 0) return { step: 'callback', workingDays: late }
  }
  return null
}

/** Overdue first (most days over first), then open (callback, rectify, confirm), then finished; newest opened first within. */
export function caseOrder(a: CaseView, b: CaseView): number {
  const rank = (c: CaseView) => (c.overdue !== null ? 0 : caseFinished(c.stage) ? 2 : 1)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (a.overdue !== null && b.overdue !== null && a.overdue.workingDays !== b.overdue.workingDays) return b.overdue.workingDays - a.overdue.workingDays
  if (a.openedOn !== b.openedOn) return a.openedOn > b.openedOn ? -1 : 1
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0
}

/**
 * The rater's contact as a staff member sees it (trust rule 9): the number itself only for the handling
 * community's admin while the case is open; to everyone else, and once it is erased (the case closed, or
 * 30 days passed), only that one was left (已留电话); or that the rater wants no call-back.
 */
export type CaseContactView = { phone: string } | { left: true; erased?: true } | { none: true }

/** The words for a contact on the staff pages. */
export function contactLabel(contact: CaseContactView | undefined): string {
  if (contact === undefined) return '评价人未留电话'
  if ('phone' in contact) return contact.phone
  if ('none' in contact) return '评价人表示不需要回访'
  return contact.erased === true ? '已留电话（办结或满 30 天后号码已删除）' : '已留电话（号码只给负责回访的社区管理员看）'
}

/** A case as the community, the sub-district and the bureau see it: never who gave the rating (trust rule 5). */
export interface CaseView {
  caseId: string
  kind: '居民评价' | '服务对象评价'
  workerCode: string
  workerName: string
  communityId: string
  communityName: string
  subdistrictId: string
  level: Level
  month: string
  /** Only a comment that passed moderation (trust rule 6). */
  comment: string
  openedOn: string
  callbackDue: string
  rectifyDue: string
  stage: CaseStage
  overdue: Overdue | null
  /** What the rater left for the call-back (CaseContactView); absent: they said nothing. */
  contact?: CaseContactView
  callback?: { at: string; byName: string; reached: boolean; outcome: string }
  /** `hidden`: moderators hid the note after its rater reported it; staff still read it, the rater does not. */
  rectification?: { at: string; byName: string; note: string; hidden?: true }
  /** The rater could not be sent the rectification's message: when, and why in words (通知居民失败：…). */
  notifyFailure?: { at: string; message: string }
  verdict?: { at: string; verdict: CaseVerdict }
  /** The upheld appeal that withdrew the rating: who decided, when, and their note. */
  withdrawal?: { at: string; byName: string; note: string }
}

/** The rater's own case: what was done, and their verdict once given (the home notice, pages/case). */
export interface RaterCaseView {
  caseId: string
  workerName: string
  level: Level
  month: string
  stage: CaseStage
  /** The rater answered 留电话 or 不需要回访 (case.contact); until then the home page asks. */
  contactChosen: boolean
  /** `note` is '' and `hidden` true once moderators hid it after a report: the page says so (NOTE_HIDDEN). */
  rectification?: { at: string; note: string; hidden?: true }
  verdict?: CaseVerdict
}

/** The rater's case still asks them 留电话 / 不需要回访: only while the call-back is ahead (case.contact refuses after). */
export function awaitsContactChoice(c: Pick<RaterCaseView, 'stage' | 'contactChosen'>): boolean {
  return c.stage === 'callback' && !c.contactChosen
}

/** The worker's view of a case about them: no rater data at all. */
export interface WorkerCaseView {
  caseId: string
  level: Level
  month: string
  comment: string
  /** Present with a comment: what comment.report names it by (OwnComment.report). */
  report?: { kind: 'resident' | 'recipient'; token: string }
  stage: CaseStage
  overdue: Overdue | null
  /** China date the rating was withdrawn (an upheld appeal); absent while it counts. */
  withdrawnOn?: string
}

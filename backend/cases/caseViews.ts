// What the bad-review case handlers share (差评回访整改): the deadlines in force, who may
// see or handle a case, each reader's view of it (never the rater's identity to staff or the worker), the
// compare-and-set step, and the audit entry of every transition.
import { type CaseView, type RaterCaseView, type WorkerCaseView, caseOverdue, caseStage } from '@core/cases'
import { ApiError } from '@core/errors'
import { chinaDateOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Settings } from '@core/types'
import type { Notifier } from '../context'
import type { Store } from '../store'
import type { CaseRecord } from './store'
import type { AuditDraft } from '../audit/store'
import { covers, type StaffScope } from '../access/staffScope'
import type { PrincipalRecord } from '../store/records'
import { KIND_LABELS } from '../appeals/appealViews'
import { contactView } from './caseContacts'
import { pseudonymOf } from '../secrets/pseudonyms'
import { loadRating, visibleComment } from '../ratings/ratingRefs'
import { sealRatingId } from '../secrets/sealedRefs'

export type CaseCalendar = Pick<Settings, 'holidays' | 'makeupWorkdays' | 'callbackWorkingDays' | 'rectifyWorkingDays'>

/** Per settings object: a store that hands out the same settings until they change (SQLite) gets the same calendar, whose deadlines addWorkingDays remembers. */
const calendars = new WeakMap<Settings, CaseCalendar>()

export async function caseCalendar(store: Store): Promise<CaseCalendar> {
  const s = (await store.getSettings()) ?? DEFAULT_SETTINGS
  let calendar = calendars.get(s)
  if (calendar === undefined) {
    calendar = {
      holidays: s.holidays,
      makeupWorkdays: s.makeupWorkdays,
      callbackWorkingDays: s.callbackWorkingDays ?? DEFAULT_SETTINGS.callbackWorkingDays,
      rectifyWorkingDays: s.rectifyWorkingDays ?? DEFAULT_SETTINGS.rectifyWorkingDays,
    }
    calendars.set(s, calendar)
  }
  return calendar
}

export const NOT_FOUND = '没有找到这条差评，请刷新后重试'

/** A case whose rating was withdrawn (an upheld appeal) takes no further step: 409 with `message`. */
export function refuseWithdrawn(c: CaseRecord, message: string): void {
  if (c.withdrawal !== undefined) throw new ApiError('CONFLICT', message)
}

export const WITHDRAWN_FOR_STAFF = '街道复核认定申诉成立，这条评价已撤销，无需再回访、整改，请刷新查看'
export const WITHDRAWN_FOR_RATER = '这条评价经街道复核已撤销，社区不再回访，谢谢您'

/** The case, for a staff member allowed to see it: 404 when missing, 403 beyond their community / sub-district. */
export async function caseFor(store: Store, scope: StaffScope, caseId: string): Promise<CaseRecord> {
  const c = await store.cases.get(caseId)
  if (c === null) throw new ApiError('NOT_FOUND', NOT_FOUND)
  if (!covers(scope, c)) throw new ApiError('FORBIDDEN', scope.communityId !== null ? '只能处理本社区的差评' : '只能查看本街道的差评')
  return c
}

/** Writes the next step by compare-and-set; a concurrent step first → 409. */
export async function advance(store: Store, c: CaseRecord, step: Partial<CaseRecord>): Promise<CaseRecord> {
  const next: CaseRecord = { ...c, ...step, version: c.version + 1 }
  if (!(await store.cases.update(next))) throw new ApiError('CONFLICT', '这条差评刚被其他人处理过，请刷新后再看')
  return next
}

/**
 * The case as `viewer` sees it; the rater's number only as contactView allows (domain/caseContacts.ts).
 * `withPhone` false: a reply the idempotency record keeps (case.callback, case.rectify) never holds it.
 */
export async function staffView(store: Store, c: CaseRecord, today: string, calendar: CaseCalendar, viewer: StaffScope, withPhone = true): Promise<CaseView> {
  const contact = contactView(viewer, c, withPhone)
  const [worker, community, rating] = await Promise.all([store.getWorker(c.workerCode), store.getCommunity(c.communityId), loadRating(store, c.ref)])
  return {
    caseId: c.id,
    kind: KIND_LABELS[c.ref.kind],
    workerCode: c.workerCode,
    workerName: worker?.name ?? c.workerCode,
    communityId: c.communityId,
    communityName: community?.name ?? '',
    subdistrictId: c.subdistrictId,
    level: c.level,
    month: c.month,
    comment: rating === null ? '' : visibleComment(rating),
    openedOn: chinaDateOf(c.openedAt),
    callbackDue: c.callbackDue,
    rectifyDue: c.rectifyDue,
    stage: caseStage(c),
    overdue: caseOverdue(c, today, calendar),
    ...(contact === undefined ? {} : { contact }),
    ...(c.callback === undefined ? {} : { callback: { at: c.callback.at, byName: c.callback.byName, reached: c.callback.reached, outcome: c.callback.outcome } }),
    ...(c.rectification === undefined ? {} : { rectification: { at: c.rectification.at, byName: c.rectification.byName, note: c.rectification.note, ...(c.noteHidden === undefined ? {} : { hidden: true as const }) } }),
    ...(c.notifyFailure === undefined ? {} : { notifyFailure: c.notifyFailure }),
    ...(c.confirmation === undefined ? {} : { verdict: c.confirmation }),
    ...(c.withdrawal === undefined ? {} : { withdrawal: { at: c.withdrawal.at, byName: c.withdrawal.byName, note: c.withdrawal.note } }),
  }
}

export async function raterView(store: Store, c: CaseRecord): Promise<RaterCaseView> {
  const worker = await store.getWorker(c.workerCode)
  return {
    caseId: c.id,
    workerName: worker?.name ?? c.workerCode,
    level: c.level,
    month: c.month,
    stage: caseStage(c),
    contactChosen: c.contact !== undefined,
    ...(c.rectification === undefined ? {} : { rectification: raterNote(c.rectification, c.noteHidden !== undefined) }),
    ...(c.confirmation === undefined ? {} : { verdict: c.confirmation.verdict }),
  }
}

/** The note as its rater reads it: the text, or nothing once moderators hid it after the rater's report. */
function raterNote(rectification: { at: string; note: string }, hidden: boolean): NonNullable<RaterCaseView['rectification']> {
  return hidden ? { at: rectification.at, note: '', hidden: true } : { at: rectification.at, note: rectification.note }
}

/** `idKey` seals the token a shown comment is reported by (comment.report). */
export async function workerView(store: Store, c: CaseRecord, today: string, calendar: CaseCalendar, idKey: string): Promise<WorkerCaseView> {
  const rating = await loadRating(store, c.ref)
  const withdrawn = c.withdrawal === undefined ? {} : { withdrawnOn: chinaDateOf(c.withdrawal.at) }
  const comment = rating === null ? '' : visibleComment(rating)
  const report = comment === '' ? {} : { report: { kind: c.ref.kind, token: sealRatingId(c.ref, idKey, 'report') } }
  return { caseId: c.id, level: c.level, month: c.month, comment, ...report, stage: caseStage(c), overdue: caseOverdue(c, today, calendar), ...withdrawn }
}

export type CaseAction = 'case.open' | 'case.callback' | 'case.rectify' | 'case.confirm' | 'case.withdraw'

/**
 * Every transition is audited. The rater (`who` holds the pseudonym key, not a staff
 * record) appears only as their pseudonym (trust rule 5: the bureau reads the log); `key` (the call's idempotency record key) makes a retry append nothing.
 */
export async function auditCase(store: Store, c: CaseRecord, action: CaseAction, at: string, key: string, who: PrincipalRecord | { pseudonymKey: string }): Promise<void> {
  await store.audit.append(caseAuditDraft(c, action, at, who), key)
}

/** The audit entry of a case's transition (auditCase). */
export function caseAuditDraft(c: CaseRecord, action: CaseAction, at: string, who: PrincipalRecord | { pseudonymKey: string }): AuditDraft {
  const by = 'openid' in who ? { openid: who.openid, role: who.role, name: who.name } : { openid: pseudonymOf(c.raterOpenid, who.pseudonymKey), role: 'resident' as const, name: '评价人' }
  const reasons: Record<CaseAction, string | undefined> = {
    'case.open': undefined,
    'case.callback': c.callback?.outcome,
    'case.rectify': c.rectification?.note,
    'case.confirm': c.confirmation?.verdict,
    'case.withdraw': c.withdrawal?.note,
  }
  const reason = reasons[action]
  return {
    at,
    by,
    action,
    subdistrictId: c.subdistrictId,
    target: `case:${c.id}`,
    ...(reason === undefined ? {} : { reason }),
    details: { workerCode: c.workerCode, communityId: c.communityId, month: c.month, level: c.level, ref: c.ref, stage: caseStage(c), ...(action === 'case.callback' ? { reached: c.callback?.reached } : {}) },
  }
}

/**
 * Tells the rater of a rectification (ctx.notifier): marks notifiedAt when it was sent, or keeps on the
 * case why it was not, where staff read it (a log line nobody reads would leave them waiting). Never throws.
 */
export async function tellRater(ctx: { store: Store; now: Date; notifier?: Notifier }, c: CaseRecord): Promise<CaseRecord> {
  if (ctx.notifier === undefined || c.rectification === undefined) return c
  try {
    const worker = await ctx.store.getWorker(c.workerCode)
    const outcome = await ctx.notifier.caseRectified(c.raterOpenid, c.id, { workerName: worker?.name ?? c.workerCode, note: c.rectification.note, at: c.rectification.at })
    const at = ctx.now.toISOString()
    const step: Partial<CaseRecord> = outcome.sent ? { notifiedAt: at } : { notifyFailure: { at, message: outcome.failure } }
    const next: CaseRecord = { ...c, ...step, version: c.version + 1 }
    return (await ctx.store.cases.update(next)) ? next : c
  } catch (error) {
    console.error(`[api] the rater of case ${c.id} was not told of the rectification`, error)
    return c
  }
}

// The bad-review loop: a level 1 or 2 opens a case for the worker's community, with the
// call-back due `callbackWorkingDays` and the rectification `rectifyWorkingDays` working days after the
// day it was given (China dates, the settings' calendar). One case per rating (its id is ratingRefId):
// a retry or a re-rate of the same rating to 1 or 2 finds it there and adds nothing; levels 3-5 open none.
// Inline with the submit (SQLite) or by the cloud's timer from the rating's mark (dueCases.ts): the same
// case either way, from caseOpeningOf.
import { addWorkingDays } from '@core/cases'
import { isBadReview } from '@core/levels'
import { chinaDateOf } from '@core/periods'
import type { HandlerContext } from '../context'
import { ratingRefId } from '../store/ids'
import type { CaseRecord } from './store'
import { type CaseCalendar, caseAuditDraft, caseCalendar } from './caseViews'
import type { AuditDraft } from '../audit/store'
import type { Store } from '../store'
import type { RatedRecord } from '../ratings/storedRating'

/** A bad rating's case, ready to store: the case, and the audit entry and key of its opening. */
export interface CaseOpening {
  record: CaseRecord
  audit: AuditDraft
  auditKey: string
}

/** What a case is opened from: the rating or feedback as it was given (its level, its time). */
export type CaseSource = Omit<RatedRecord, 'replaced' | 'commentStatus'>

/** The case a rating opens: one for a level 1 or 2 (isBadReview), none for 3-5. */
export async function caseOpeningFor(ctx: HandlerContext, rated: CaseSource): Promise<CaseOpening | null> {
  if (!isBadReview(rated.level)) return null
  return caseOpeningOf(rated, await caseCalendar(ctx.store), await ctx.secrets.get())
}

/** The case of a bad rating, its deadlines from the China date it was given. */
export function caseOpeningOf(rated: CaseSource, calendar: CaseCalendar, keys: { idKey: string; pseudonymKey: string }): CaseOpening {
  const openedOn = chinaDateOf(rated.submittedAt)
  const record: CaseRecord = {
    id: ratingRefId(rated.ref, keys.idKey),
    ref: rated.ref,
    raterOpenid: rated.openid,
    workerCode: rated.workerCode,
    communityId: rated.communityId,
    subdistrictId: rated.subdistrictId,
    month: rated.month,
    level: rated.level,
    openedAt: rated.submittedAt,
    callbackDue: addWorkingDays(openedOn, calendar.callbackWorkingDays, calendar),
    rectifyDue: addWorkingDays(openedOn, calendar.rectifyWorkingDays, calendar),
    version: 1,
  }
  return { record, audit: caseAuditDraft(record, 'case.open', rated.submittedAt, { pseudonymKey: keys.pseudonymKey }), auditKey: `case.open:${record.id}` }
}

/** Stores an opening step by step: the case, then its audit entry if the case is new. */
export async function openCase(store: Store, { record, audit, auditKey }: CaseOpening): Promise<void> {
  if (await store.cases.open(record)) await store.audit.append(audit, auditKey)
}

export async function openCaseFor(ctx: HandlerContext, rated: RatedRecord): Promise<void> {
  const opening = await caseOpeningFor(ctx, rated)
  if (opening !== null) await openCase(ctx.store, opening)
}

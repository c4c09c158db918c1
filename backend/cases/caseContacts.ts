// A rater's phone number reaches only the call-back (trust rule 9). It is left on the case (case.contact)
// for the community that handles it: only that community's admin reads the number, and only while the
// case is open; sub-district staff and the bureau read 已留电话. The number is erased from the store, not
// just hidden, when the case closes (the rater's verdict, caseConfirm; an upheld appeal, caseWithdrawal)
// or PHONE_KEEP_DAYS after it was left (the scheduled job: the cloud timer, the local runtime's hourly job, server/phoneErasure.ts), whichever comes first.
import type { CaseContactView } from '@core/cases'
import { caseFinished, caseStage } from '@core/cases'
import type { Store } from '../store'
import type { CaseRecord } from './store'
import type { StaffScope } from '../access/staffScope'

/** Long enough for a call-back (due within a few working days) and a second try; no longer. */
export const PHONE_KEEP_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

/** The admin of the case's own community (the one who calls back), while the case is open. */
export function mayReadPhone(viewer: StaffScope, c: CaseRecord): boolean {
  return viewer.staff.role === 'community' && viewer.communityId === c.communityId && !caseFinished(caseStage(c))
}

/** The contact as `viewer` sees it; `withPhone` false leaves the number out for anyone (a reply that is kept). */
export function contactView(viewer: StaffScope, c: CaseRecord, withPhone = true): CaseContactView | undefined {
  const contact = c.contact
  if (contact === undefined) return undefined
  if ('none' in contact) return { none: true }
  if ('erased' in contact) return { left: true, erased: true }
  return withPhone && mayReadPhone(viewer, c) ? { phone: contact.phone } : { left: true }
}

/** The step that erases the number (nothing when the case holds none), written with the change that closes it. */
export function phoneErased(c: CaseRecord): Partial<CaseRecord> {
  return c.contact !== undefined && 'phone' in c.contact ? { contact: { erased: true }, contactAt: undefined } : {}
}

/**
 * Erases every number left PHONE_KEEP_DAYS or more ago, each by compare-and-set on its case (a step
 * written meanwhile wins; the next run erases it then). Returns how many were erased.
 */
export async function eraseExpiredPhones(store: Store, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PHONE_KEEP_DAYS * DAY_MS).toISOString()
  let erased = 0
  for (const c of await store.cases.listPhonesLeftBefore(before)) {
    const next: CaseRecord = { ...c, ...phoneErased(c), version: c.version + 1 }
    if (await store.cases.update(next)) erased += 1
  }
  return erased
}

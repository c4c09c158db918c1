// An upheld appeal (appeal.decide) closes the rating's bad-review case as 评价已撤销: the rating no longer
// counts, so nobody is to call the rater back or rectify, and no deadline of it is overdue any more. The
// close is a compare-and-set on the case's version like every step, erases a phone number left for the
// call-back (trust rule 9: a closed case keeps none), and is audited as 'case.withdraw' under the decider.
// It may run again (a retry of the decide call): a case withdrawn already is left as it is, and the audit
// entry is keyed by the case, so it is appended once.
import { ApiError } from '@core/errors'
import type { Store } from '../store'
import type { PrincipalRecord } from '../store/records'
import type { CaseRecord } from './store'
import type { AppealRecord } from '../appeals/store'
import { ratingRefId } from '../store/ids'
import { caseAuditDraft } from './caseViews'
import { phoneErased } from './caseContacts'

/** A step written meanwhile (a call-back at the same moment) moves the version; read again, this many times. */
const ATTEMPTS = 3

export async function withdrawCase(store: Store, caseId: string, withdrawal: NonNullable<CaseRecord['withdrawal']>, decider: PrincipalRecord): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const c = await store.cases.get(caseId)
    // No case: on CloudBase the timer has not opened it yet (dueCases.ts).
    if (c === null) return
    let closed = c
    if (c.withdrawal === undefined) {
      closed = { ...c, withdrawal, ...phoneErased(c), version: c.version + 1 }
      if (!(await store.cases.update(closed))) continue
    }
    const { withdrawal: written = withdrawal } = closed
    await store.audit.append(caseAuditDraft(closed, 'case.withdraw', written.at, decider), `case.withdraw:${caseId}`)
    return
  }
  throw new ApiError('CONFLICT', '这条差评刚被其他人处理过，请再点一次确认')
}

/** The case of an upheld appeal's rating (its id is the rating's, ratingRefId), with the decision's own time, name and note, so a retry writes the same. */
export async function withdrawUpheldCase(store: Store, appeal: AppealRecord, idKey: string, decider: PrincipalRecord): Promise<void> {
  const decision = appeal.decision
  if (appeal.status !== 'upheld' || decision === undefined) return
  const { at, by, byName, note } = decision
  await withdrawCase(store, ratingRefId(appeal.ref, idKey), { at, by, byName, note }, decider)
}

// The cloud's bad-review cases, opened by the hourly timer (cloudfunctions/api/src/timer.ts) from the
// marks that the writes of level 1-2 ratings and feedback left (caseMarks.ts): the same case the submit
// opens where it writes whole (caseOpeningOf: keyed by the rating, opened at the time the bad rating was
// given, deadlines from that China date), with the worker's community read once per run for all of them.
// Each case is opened, then its mark cleared. Running again (a run that died between the two, two runs
// at once) adds nothing: `cases.open` refuses a second case of a rating, and the audit entry of an
// opening is keyed, so it is appended again only for a case this very mark opened (a run that died
// before its entry) and stays one. An exclusion leaves the mark alone: the case opens as the submit
// would have opened it, before any staff decision on the counting.
import type { SecretKeeper } from '../secrets/secrets'
import type { Store } from '../store'
import { type CaseOpening, caseOpeningOf } from './badReviews'
import { caseCalendar } from './caseViews'
import type { CloudCaseStore, DueCase } from './cloudbase'

/** Cases opened at once: half the base plan's 20 connections, 3 requests each. */
const AT_ONCE = 10

/** Time one run may spend starting cases; what is left stays marked for the next hour. */
const DUE_CASES_BUDGET_MS = 5_000

/** Opens the case of every marked rating and feedback; answers how many cases are new. */
export async function openDueCases(store: Store & { cases: CloudCaseStore }, secrets: SecretKeeper, budgetMs = DUE_CASES_BUDGET_MS): Promise<number> {
  const started = Date.now()
  const due = await store.cases.listDue()
  if (due.length === 0) return 0
  const [calendar, keys, communities] = await Promise.all([caseCalendar(store), secrets.get(), store.cases.communitiesOf([...new Set(due.map((d) => d.workerCode))])])
  const openOne = async (marked: DueCase): Promise<boolean> => {
    const communityId = communities.get(marked.workerCode)
    // Workers are never deleted; a record naming none stays marked, and logged each hour, for a person to see.
    if (communityId === undefined) {
      console.error(`[api] the bad-review case of ${marked.ref.kind} ${marked.ref.id} names no worker ${marked.workerCode}`)
      return false
    }
    const { ref, openid, workerCode, subdistrictId, month, due: given } = marked
    const opened = await openOnce(store, caseOpeningOf({ ref, openid, workerCode, communityId, subdistrictId, month, level: given.level, submittedAt: given.submittedAt }, calendar, keys))
    await store.cases.clearDue(ref)
    return opened
  }
  let opened = 0
  for (let i = 0; i < due.length && Date.now() - started < budgetMs; i += AT_ONCE) {
    opened += (await Promise.all(due.slice(i, i + AT_ONCE).map(openOne))).filter(Boolean).length
  }
  return opened
}

/** The case and its audit entry; true when the case is new. */
async function openOnce(store: Store, { record, audit, auditKey }: CaseOpening): Promise<boolean> {
  if (await store.cases.open(record)) {
    await store.audit.append(audit, auditKey)
    return true
  }
  // There already: opened from this mark by a run that may have died before its entry (append it: keyed,
  // it stays one), or by an earlier bad rating of the same rating, re-rated since (nothing to add).
  if ((await store.cases.get(record.id))?.openedAt === record.openedAt) await store.audit.append(audit, auditKey)
  return false
}

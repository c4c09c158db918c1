// audit.list: the bureau reads the audit log (every staff decision, exclusion, sheet
// change and settings change, with who and when; the bureau can read and filter it). Newest first, paged
// by the store's cursor; dates are China dates, both ends included. Who is shown by name and role only,
// never an openid (trust rule 5), and the details are summarised (src/core/auditSummaries.ts) with the names
// of the workers, communities, grids and posts they name, looked up for the page (auditNames.ts).
import { type AuditNames, auditActionLabel, auditActorOf, auditReasonLabel, auditTargetLabel } from '@core/auditLabels'
import { AUDIT_PAGE_SIZE, type AuditEntryView } from '@core/auditSchemas'
import { auditSummary } from '@core/auditSummaries'
import type { Handler } from '../context'
import { auditNamesOf } from './auditNames'
import type { AuditEntry } from './store'

const DAY_MS = 24 * 60 * 60 * 1000
/** The instant a China date begins (00:00 at UTC+8). */
const chinaMidnight = (date: string): number => Date.parse(`${date}T00:00:00+08:00`)

export const auditList: Handler<'audit.list'> = async (payload, { store }) => {
  const filter = {
    ...(payload.action === undefined ? {} : { action: payload.action }),
    ...(payload.subdistrictId === undefined ? {} : { subdistrictId: payload.subdistrictId }),
    ...(payload.from === undefined ? {} : { from: new Date(chinaMidnight(payload.from)).toISOString() }),
    ...(payload.to === undefined ? {} : { to: new Date(chinaMidnight(payload.to) + DAY_MS).toISOString() }),
  }
  const page = { limit: payload.limit ?? AUDIT_PAGE_SIZE, ...(payload.before === undefined ? {} : { before: payload.before }) }
  const { entries, next } = await store.audit.list(filter, page)
  const names = await auditNamesOf(store, entries)
  return { entries: entries.map((entry) => viewOf(entry, names)), ...(next === undefined ? {} : { next }) }
}

function viewOf(entry: AuditEntry, names: AuditNames): AuditEntryView {
  const { id, at, action, subdistrictId, target, reason, details } = entry
  const subdistrictName = subdistrictId === undefined ? undefined : names.subdistricts.get(subdistrictId)
  return {
    id,
    at,
    action,
    actionLabel: auditActionLabel(action),
    by: auditActorOf(entry.by),
    ...(subdistrictId === undefined ? {} : { subdistrictId }),
    ...(subdistrictName === undefined ? {} : { subdistrictName }),
    target,
    targetLabel: auditTargetLabel(target, names),
    ...(reason === undefined || reason === '' ? {} : { reason, reasonLabel: auditReasonLabel(action) }),
    summary: auditSummary(action, details, names),
  }
}

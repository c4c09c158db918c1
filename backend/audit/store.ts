// The audit log of every staff decision (a sheet change with its reason among them):
// append-only, who did what, when and why. Part of the Store (backend/store/index.ts): implemented by
// backend/audit/sqlite.ts (SQLite) and backend/audit/cloudbase.ts (CloudBase), checked by test/storeContracts/audit.ts.
import type { Role } from '@core/types'

export interface AuditActor {
  openid: string
  role: Role
  name: string
}

/** What a caller appends; the store gives it its id. */
export interface AuditDraft {
  /** ISO timestamp. */
  at: string
  by: AuditActor
  /** What was done: 'sheet.submit', 'sheet.change', 'settings.save', ... */
  action: string
  subdistrictId?: string
  /** What it was done to, e.g. 'sheet:yearEnd:2026' or 'settings:v3'. */
  target: string
  reason?: string
  /** The action's own record of what changed (e.g. each worker's old and new points). */
  details: Record<string, unknown>
}

export interface AuditEntry extends AuditDraft {
  /** Sorts as `at` does (then by a suffix), so newest first is descending id order. */
  id: string
}

export interface AuditFilter {
  action?: string
  subdistrictId?: string
  /** `at` >= from (ISO). */
  from?: string
  /** `at` < to (ISO). */
  to?: string
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string
}

export interface AuditStore {
  /**
   * Appends an entry. `key` (e.g. the caller's openid, action and idempotency key) makes it idempotent:
   * appending the same draft with the same key again returns the first entry and adds none.
   */
  append(draft: AuditDraft, key?: string): Promise<AuditEntry>
  /** Entries matching the filter, newest first, `limit` (1..99) per page, older than the cursor `before`. */
  list(filter: AuditFilter, page: { limit: number; before?: string }): Promise<AuditPage>
}

/** The id of an entry: its time as sortable digits, then a suffix (hash of the key, or random). */
export function auditEntryId(at: string, suffix: string): string {
  return `${String(Date.parse(at)).padStart(15, '0')}-${suffix}`
}

// The audit entry of a sheet's submission or change (issue 8: a change needs a reason, kept in the audit
// log). Keyed by the call's idempotency key and timed by the sheet's write, so a retry appends nothing new.
import type { Store } from '../../store'
import type { SheetRecord } from '../../stores/sheets'
import type { SheetPlace } from '../../domain/sheets'

export async function auditSheet(
  store: Store,
  place: SheetPlace,
  sheet: SheetRecord,
  action: 'sheet.submit' | 'sheet.change',
  key: string,
  details: Record<string, unknown>,
  reason?: string,
): Promise<void> {
  await store.audit.append(
    {
      at: sheet.updatedAt,
      by: { openid: place.staff.openid, role: place.staff.role, name: place.staff.name },
      action,
      subdistrictId: sheet.subdistrictId,
      target: `sheet:${sheet.kind}:${sheet.period}`,
      ...(reason === undefined ? {} : { reason }),
      details: { kind: sheet.kind, period: sheet.period, version: sheet.version, ...details },
    },
    key,
  )
}

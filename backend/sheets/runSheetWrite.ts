// What a submit and a change of a scoring sheet share around their own step: the caller's sheet place,
// exactly-once by idempotency key, the period check, the sheet as stored, then — whether the step wrote
// the sheet now or a retry found its own earlier write — party D brought in line with the sheet
// (syncScores) and the audit entry, keyed by the call so a retry appends nothing new (sheetWrites.ts
// has why this order converges).
import type { PayloadOf } from '@core/contract'
import type { SheetView } from '@core/sheetSchemas'
import type { HandlerContext, Staff } from '../context'
import { withIdempotency } from '../idempotency/idempotency'
import { type LoadedSheet, type SheetPlace, checkSheetPeriod, loadSheet, sheetPlace, sheetView } from './sheetViews'
import { syncScores } from './sheetWrites'
import type { SheetRecord } from './store'

type LockedSheetAction = 'sheet.submit' | 'sheet.change'

/** The sheet the step leaves stored, and what its audit entry adds (the rows, or the changes and why). */
export interface SheetStepResult {
  sheet: SheetRecord
  details: Record<string, unknown>
  reason?: string
}

export async function runSheetWrite<A extends LockedSheetAction>(
  action: A,
  payload: PayloadOf<A>,
  ctx: HandlerContext<Staff>,
  step: (loaded: LoadedSheet, place: SheetPlace) => Promise<SheetStepResult>,
): Promise<SheetView> {
  const { store, now } = ctx
  const place = await sheetPlace(ctx.caller, store, payload.subdistrictId)
  const { openid } = place.staff
  return withIdempotency({ store, openid, action, payload, now }, async () => {
    checkSheetPeriod(payload.kind, payload.period, now, true)
    const loaded = await loadSheet(store, place.subdistrictId, payload.kind, payload.period)
    const { sheet, details, reason } = await step(loaded, place)
    await syncScores(store, sheet, now)
    await store.audit.append(
      {
        at: sheet.updatedAt,
        by: { openid, role: place.staff.role, name: place.staff.name },
        action,
        subdistrictId: sheet.subdistrictId,
        target: `sheet:${sheet.kind}:${sheet.period}`,
        ...(reason === undefined ? {} : { reason }),
        details: { kind: sheet.kind, period: sheet.period, version: sheet.version, ...details },
      },
      `${openid}|${action}|${payload.idempotencyKey}`,
    )
    return sheetView(place, payload.kind, payload.period, loaded)
  })
}

// What generate and save share: the month a change may touch, the write as a compare-and-set, and the
// audit entry each change leaves (who, which community and month; the details the summary reads names from).
import { ApiError } from '@core/errors'
import { monthOf } from '@core/periods'
import type { HandlerContext, Staff } from '../context'
import { auditStaff } from '../audit/auditTrail'
import type { CommunityRecord, Store } from '../store'
import type { HallRotaRecord } from './store'

/** The current month and later: a past month's hall days are in its closed evaluation. */
export function refusePastMonth(month: string, now: Date): void {
  if (month < monthOf(now)) throw new ApiError('INVALID_INPUT', '已经过去的月份不能再改值班表')
}

export async function writeRota(store: Store, rota: HallRotaRecord): Promise<void> {
  if (!(await store.hall.putRota(rota))) throw new ApiError('CONFLICT', '值班表刚被别人改过，请刷新后再改')
}

export async function auditRota(
  ctx: Pick<HandlerContext<Staff>, 'caller' | 'store' | 'now'>,
  action: 'hall.rota.generate' | 'hall.rota.save',
  community: CommunityRecord,
  month: string,
  details: Record<string, unknown>,
  key: string,
): Promise<void> {
  await auditStaff(ctx, { action, subdistrictId: community.subdistrictId, target: `community:${community.id}`, details: { communityId: community.id, period: month, ...details } }, key)
}

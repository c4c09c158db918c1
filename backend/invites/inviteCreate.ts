// invite.create: a community admin makes a one-time invite that binds a WeChat account to a worker record
// of their own community. It works once and for INVITE_VALID_DAYS (7) days; its code
// opens worker/invite/index with the invite in `scene`. The code image is made before the invite is
// stored, so a failure to make it (WeChat's daily limit) leaves no invite behind. A worker no longer in
// post gets none: the admin reactivates them first.
import { ApiError } from '@core/errors'
import { inviteExpiresAt } from '@core/invites'
import { isActiveWorker } from '@core/org'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { newInviteCode } from './inviteCodes'
import { findWorker } from '../org/workers'
import { auditStaff } from '../audit/auditTrail'

export const inviteCreate: Handler<'invite.create'> = async ({ workerCode }, ctx) => {
  const { staff: admin, communityId } = staffScope(ctx.caller)
  const worker = await findWorker(ctx.store, workerCode)
  if (worker.communityId !== communityId) throw forbidden()
  if (!isActiveWorker(worker)) throw new ApiError('CONFLICT', `${worker.name}已停用，不能邀请。如已回到岗位，请先在“网格与工作者”里改为在岗。`)
  const inviteCode = newInviteCode()
  const expiresAt = inviteExpiresAt(ctx.now).toISOString()
  const image = await ctx.codeImages.imageFor('worker/invite/index', inviteCode)
  await ctx.store.invites.putInvite({
    inviteCode,
    workerCode: worker.code,
    communityId: worker.communityId,
    createdBy: admin.openid,
    createdAt: ctx.now.toISOString(),
    expiresAt,
  })
  await auditStaff(ctx, { action: 'invite.create', subdistrictId: worker.subdistrictId, target: `worker:${worker.code}`, details: { workerCode: worker.code } })
  return { inviteCode, expiresAt, image }
}

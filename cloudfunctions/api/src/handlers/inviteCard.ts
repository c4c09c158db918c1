// invite.card: anyone who opens an invite sees whose record it binds to before confirming
// ("绑定为 银泉社区 张敏（YQ01）的工作账号"), and whether it still works. Only the name, community and
// code of the worker: what the invite's holder is meant to know anyway.
import { isInviteExpired, type InviteStatus } from '../../../../src/core/invites'
import type { Handler } from '../context'
import { findInvite } from '../domain/invites'
import { findWorker } from '../domain/workers'

export const inviteCard: Handler<'invite.card'> = async ({ inviteCode }, ctx) => {
  const invite = await findInvite(ctx.store, inviteCode)
  const worker = await findWorker(ctx.store, invite.workerCode)
  const community = await ctx.store.getCommunity(worker.communityId)
  let status: InviteStatus = 'open'
  if (invite.usedBy !== undefined) status = invite.usedBy === ctx.caller.openid ? 'accepted' : 'used'
  else if (isInviteExpired(invite.expiresAt, ctx.now)) status = 'expired'
  return {
    inviteCode: invite.inviteCode,
    workerCode: worker.code,
    workerName: worker.name,
    community: community?.name ?? '',
    expiresAt: invite.expiresAt,
    status,
  }
}

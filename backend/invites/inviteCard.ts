// invite.card: anyone who opens an invite sees what accepting it makes of them before confirming — a
// worker invite: whose record it binds to ("绑定为 银泉社区 张敏（YQ01）的工作账号"); a staff invite
//: the person it names and where they will work ("您被邀请成为 浮山办事处 的街道工作人员").
// Only what the invite's holder is meant to know anyway, and whether it still works.
import { isInviteExpired, type InviteCard, type InviteStatus } from '@core/invites'
import type { Handler } from '../context'
import { findInvite } from './inviteCodes'
import { findWorker } from '../org/workers'
import { isStaffInvite } from './store'

export const inviteCard: Handler<'invite.card'> = async ({ inviteCode }, ctx) => {
  const invite = await findInvite(ctx.store, inviteCode)
  let status: InviteStatus = 'open'
  if (invite.usedBy !== undefined) status = invite.usedBy === ctx.caller.openid ? 'accepted' : 'used'
  else if (isInviteExpired(invite.expiresAt, ctx.now)) status = 'expired'
  const terms = { inviteCode: invite.inviteCode, expiresAt: invite.expiresAt, status }
  if (isStaffInvite(invite)) {
    const { role, name, subdistrictId, communityId } = invite.staff
    const [subdistrict, community] = await Promise.all([
      ctx.store.getSubdistrict(subdistrictId),
      communityId === undefined ? null : ctx.store.getCommunity(communityId),
    ])
    const card: InviteCard = { ...terms, role, name, subdistrict: subdistrict?.name ?? '', community: community?.name ?? '' }
    return card
  }
  const worker = await findWorker(ctx.store, invite.workerCode)
  const community = await ctx.store.getCommunity(worker.communityId)
  return { ...terms, role: 'worker', workerCode: worker.code, workerName: worker.name, community: community?.name ?? '' }
}

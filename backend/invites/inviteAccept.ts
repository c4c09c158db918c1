// invite.accept: whoever opens an invite binds their WeChat account (openid) to what it names:
// a worker record, or a staff account — sub-district staff, or a community's admin,
// under the name the inviter wrote. An invite works once and until it expires; an account already bound
// cannot take a second one; a worker invite for a record that is bound already moves the binding to the
// new account (a worker's new WeChat, or a mistake mended): the old account becomes a resident and the
// change is recorded. The store makes it race-safe: of two people accepting one invite at once, one wins.
import { isInviteExpired } from '@core/invites'
import type { Handler } from '../context'
import { findInvite, inviteErrors } from './inviteCodes'
import { findWorker } from '../org/workers'
import { type InviteAcceptance, isStaffInvite } from './store'

export const inviteAccept: Handler<'invite.accept'> = async ({ inviteCode }, ctx) => {
  const { openid } = ctx.caller
  const invite = await findInvite(ctx.store, inviteCode)
  const staff = isStaffInvite(invite) ? invite.staff : null
  const answer = staff === null
    ? { role: 'worker' as const, workerCode: (invite as { workerCode: string }).workerCode }
    : { role: staff.role, subdistrictId: staff.subdistrictId, ...(staff.communityId === undefined ? {} : { communityId: staff.communityId }) }
  const mine = ctx.caller.principal
  // The same person again (the first answer got lost): it is done, and nothing changes.
  if (invite.usedBy === openid && mine !== null && (staff !== null || mine.workerCode === answer.workerCode)) return answer
  if (invite.usedBy !== undefined && invite.usedBy !== openid) throw inviteErrors.used(invite)
  if (mine !== null) throw inviteErrors.bound(mine.name)
  if (invite.usedBy === undefined && isInviteExpired(invite.expiresAt, ctx.now)) throw inviteErrors.expired(invite)
  let principal: InviteAcceptance['principal']
  if (staff !== null) {
    principal = { openid, role: staff.role, name: staff.name, subdistrictId: staff.subdistrictId, ...(staff.communityId === undefined ? {} : { communityId: staff.communityId }) }
  } else {
    const worker = await findWorker(ctx.store, answer.workerCode ?? '')
    principal = { openid, role: 'worker', name: worker.name, workerCode: worker.code, communityId: worker.communityId, subdistrictId: worker.subdistrictId }
  }
  const outcome = await ctx.store.invites.acceptInvite({ inviteCode: invite.inviteCode, principal, at: ctx.now.toISOString() })
  if (!outcome.accepted) {
    if (outcome.reason === 'used') throw inviteErrors.used(invite)
    if (outcome.reason === 'expired') throw inviteErrors.expired(invite)
    throw inviteErrors.boundMeanwhile()
  }
  return answer
}

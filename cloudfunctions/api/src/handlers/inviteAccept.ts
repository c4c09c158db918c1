// invite.accept: whoever opens an invite binds their WeChat account (openid) to its worker record
// (issue 7, part 1). An invite works once and until it expires; an account already bound cannot take a
// second record; an invite for a record that is bound already moves the binding to the new account
// (a worker's new WeChat, or a mistake mended): the old account becomes a resident and the change is
// recorded. The store makes it race-safe: of two people accepting one invite at once, one wins.
import { isInviteExpired } from '../../../../src/core/invites'
import type { Handler } from '../context'
import { SIGN_IN_TO_BIND, findInvite, inviteErrors, requireSignedIn } from '../domain/invites'
import { findWorker } from '../domain/workers'

export const inviteAccept: Handler<'invite.accept'> = async ({ inviteCode }, ctx) => {
  const openid = requireSignedIn(ctx.caller, SIGN_IN_TO_BIND)
  const invite = await findInvite(ctx.store, inviteCode)
  const mine = ctx.caller.principal
  // The same person again (the first answer got lost): it is done, and nothing changes.
  if (invite.usedBy === openid && mine?.workerCode === invite.workerCode) return { role: 'worker', workerCode: invite.workerCode }
  if (invite.usedBy !== undefined && invite.usedBy !== openid) throw inviteErrors.used()
  if (mine !== null) throw inviteErrors.bound(mine.name)
  if (invite.usedBy === undefined && isInviteExpired(invite.expiresAt, ctx.now)) throw inviteErrors.expired(invite)
  const worker = await findWorker(ctx.store, invite.workerCode)
  const outcome = await ctx.store.invites.acceptInvite({
    inviteCode: invite.inviteCode,
    principal: { openid, role: 'worker', name: worker.name, workerCode: worker.code, communityId: worker.communityId, subdistrictId: worker.subdistrictId },
    at: ctx.now.toISOString(),
  })
  if (!outcome.accepted) {
    if (outcome.reason === 'used') throw inviteErrors.used()
    if (outcome.reason === 'expired') throw inviteErrors.expired(invite)
    throw inviteErrors.boundMeanwhile()
  }
  return { role: 'worker', workerCode: worker.code }
}

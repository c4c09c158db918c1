// org.invite: staff are bound by invite, as workers are. The bureau invites
// sub-district staff of a chosen sub-district and community admins of a chosen community; sub-district
// staff invite community admins of their own sub-district only. The invite names the person (姓名), works
// once and for INVITE_VALID_DAYS days, and its code opens the same accept page as a worker's. The code
// image is made before the invite is stored, so a failure to make it leaves no invite behind.
import { ApiError } from '@core/errors'
import { inviteExpiresAt } from '@core/invites'
import type { Handler } from '../context'
import { forbidden } from '../access/staffScope'
import { newInviteCode } from '../invites/inviteCodes'
import { orgErrors } from './orgScope'
import { staffScope } from '../access/staffScope'
import type { StaffInvitee } from '../invites/store'
import { auditStaff } from '../audit/auditTrail'

export const orgInvite: Handler<'org.invite'> = async (payload, ctx) => {
  const { caller, store, now, codeImages } = ctx
  const { staff, subdistrictId: scope } = staffScope(caller)
  let invitee: StaffInvitee
  if (payload.role === 'subdistrict') {
    if (staff.role !== 'bureau') throw forbidden()
    if (payload.subdistrictId === undefined) throw new ApiError('INVALID_INPUT', '请选择街道')
    const subdistrict = await store.getSubdistrict(payload.subdistrictId)
    if (subdistrict === null) throw orgErrors.subdistrictNotFound()
    invitee = { role: 'subdistrict', name: payload.name, subdistrictId: subdistrict.id }
  } else {
    if (payload.communityId === undefined) throw new ApiError('INVALID_INPUT', '请选择社区')
    const community = await store.getCommunity(payload.communityId)
    if (community === null) throw orgErrors.communityNotFound()
    if (scope !== null && community.subdistrictId !== scope) throw forbidden()
    invitee = { role: 'community', name: payload.name, subdistrictId: community.subdistrictId, communityId: community.id }
  }
  const inviteCode = newInviteCode()
  const expiresAt = inviteExpiresAt(now).toISOString()
  const image = await codeImages.imageFor('worker/invite/index', inviteCode)
  await store.invites.putInvite({ inviteCode, staff: invitee, createdBy: staff.openid, createdAt: now.toISOString(), expiresAt })
  await auditStaff(ctx, { action: 'org.invite', subdistrictId: invitee.subdistrictId, target: `invite:${invitee.role}`, details: { role: invitee.role, name: invitee.name, ...(invitee.communityId === undefined ? {} : { communityId: invitee.communityId }) } })
  return { inviteCode, expiresAt, image }
}

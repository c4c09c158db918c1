// org.community.save: the bureau creates a community in a sub-district (no id) or renames one.
// Names are unique within their sub-district (青龙社区 may exist in two offices; compared as orgNameKey),
// cleaned of invisible characters, 2..20 characters. A community stays in its sub-district: a rename
// names the sub-district it is in.
import { sameOrgName } from '@core/cleanText'
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { addUnderNewId } from './orgIds'
import { orgErrors } from './orgScope'
import { auditStaff } from '../audit/auditTrail'

export const communitySave: Handler<'org.community.save'> = async ({ communityId, subdistrictId, name }, ctx) => {
  const { store } = ctx
  const subdistrict = await store.getSubdistrict(subdistrictId)
  if (subdistrict === null) throw orgErrors.subdistrictNotFound()
  const before = communityId === undefined ? null : await store.getCommunity(communityId)
  if (communityId !== undefined) {
    if (before === null) throw orgErrors.communityNotFound()
    if (before.subdistrictId !== subdistrictId) throw new ApiError('INVALID_INPUT', `这个社区不属于${subdistrict.name}，请刷新后重试`)
  }
  const taken = (await store.listCommunities(subdistrictId)).some((c) => sameOrgName(c.name, name) && c.id !== communityId)
  if (taken) throw orgErrors.duplicate('社区', name, subdistrict.name)
  if (communityId === undefined) {
    const id = await addUnderNewId({
      kind: 'cm',
      parentId: subdistrictId,
      name,
      add: (id) => store.org.addCommunity({ id, name, subdistrictId }),
      nameOf: async (id) => (await store.getCommunity(id))?.name ?? null,
      duplicate: () => orgErrors.duplicate('社区', name, subdistrict.name),
    })
    await auditStaff(ctx, { action: 'org.community.save', subdistrictId, target: `community:${id}`, details: { name, created: true } })
    return { communityId: id }
  }
  await store.org.renameCommunity(communityId, name)
  await auditStaff(ctx, { action: 'org.community.save', subdistrictId, target: `community:${communityId}`, details: { ...(before === null ? {} : { fromName: before.name }), name } })
  return { communityId }
}

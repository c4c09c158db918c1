// What the organisation's handlers share: a community admin's own community (the door has checked the
// role; the scope is theirs alone) and the words for each way an edit can fail.
import { ApiError } from '@core/errors'
import type { Staff } from '../context'
import type { CommunityRecord, Store } from '../store'
import { forbidden, staffScope } from '../access/staffScope'

/** A community admin's own community: the one their bound record names (403 when it is gone). */
export async function adminCommunity(caller: Staff<'community'>, store: Store): Promise<CommunityRecord> {
  const { communityId } = staffScope(caller)
  const community = communityId === null ? null : await store.getCommunity(communityId)
  if (community === null) throw forbidden()
  return community
}

export const orgErrors = {
  subdistrictNotFound: () => new ApiError('NOT_FOUND', '没有找到这个街道，请刷新后重新选择'),
  communityNotFound: () => new ApiError('NOT_FOUND', '没有找到这个社区，请刷新后重新选择'),
  gridNotFound: () => new ApiError('NOT_FOUND', '没有找到这个网格，请刷新后重新选择'),
  duplicate: (what: string, name: string, where = '') => new ApiError('CONFLICT', `${where}已有名为“${name}”的${what}，请换一个名称`),
}

// case.list: the bad-review cases (差评回访整改) a staff member watches, overdue first (most
// working days over first), then open, then closed — status and lateness computed from the deadlines and
// today (src/core/cases.ts). A community admin sees their own community, sub-district staff their own
// sub-district (a community of it, if named), the bureau any. Never who gave the rating (trust rule 5).
import { caseOrder } from '@core/cases'
import { ApiError } from '@core/errors'
import { chinaDateOf } from '@core/periods'
import type { Handler } from '../context'
import { staffScope } from '../access/staffScope'
import { caseCalendar, staffView } from './caseViews'
import type { CaseRecord } from './store'

export const caseList: Handler<'case.list'> = async ({ subdistrictId, communityId }, { caller, store, now }) => {
  const scope = staffScope(caller)
  if (scope.subdistrictId !== null && subdistrictId !== undefined && subdistrictId !== scope.subdistrictId) throw new ApiError('FORBIDDEN', '只能查看本街道的差评')
  if (scope.communityId !== null && communityId !== undefined && communityId !== scope.communityId) throw new ApiError('FORBIDDEN', '只能查看本社区的差评')
  const community = scope.communityId ?? communityId
  let records: CaseRecord[]
  if (community !== undefined) {
    const found = await store.getCommunity(community)
    if (scope.subdistrictId !== null && found !== null && found.subdistrictId !== scope.subdistrictId) throw new ApiError('FORBIDDEN', '只能查看本街道的差评')
    records = await store.cases.listByCommunity(community)
  } else {
    const ids = scope.subdistrictId ?? subdistrictId
    const subdistricts = ids !== undefined ? [ids] : (await store.listSubdistricts()).map((s) => s.id)
    records = (await Promise.all(subdistricts.map((id) => store.cases.listBySubdistrict(id)))).flat()
  }
  const calendar = await caseCalendar(store)
  const today = chinaDateOf(now)
  const cases = await Promise.all(records.map((c) => staffView(store, c, today, calendar, scope)))
  return { cases: cases.sort(caseOrder), today }
}

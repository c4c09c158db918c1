// Where a bound identity works. A worker's binding may carry only the worker code (an invite binds
// a person to a worker record), so the community and sub-district come from that record when missing.
import type { PrincipalRecord, Store } from '../store'

export interface Workplace {
  workerCode?: string
  communityId?: string
  subdistrictId?: string
}

export async function workplaceOf(principal: PrincipalRecord, store: Store): Promise<Workplace> {
  const worker = principal.workerCode === undefined ? null : await store.getWorker(principal.workerCode)
  const workplace: Workplace = {}
  const communityId = principal.communityId ?? worker?.communityId
  const subdistrictId = principal.subdistrictId ?? worker?.subdistrictId
  if (principal.workerCode !== undefined) workplace.workerCode = principal.workerCode
  if (communityId !== undefined) workplace.communityId = communityId
  if (subdistrictId !== undefined) workplace.subdistrictId = subdistrictId
  return workplace
}

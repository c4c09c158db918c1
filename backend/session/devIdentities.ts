// dev.identities: the local runtime's identity switcher lists who one can act as — the demo residents
// and every bound principal (workers, community admins, sub-district staff, the bureau).
// Local only: the cloud function's handler table does not have it, so it cannot leak identities there.
import type { DevIdentity, Role } from '@core/types'
import type { Handler } from '../context'
import { workplaceOf } from '../access/principals'
import type { PrincipalRecord, Store } from '../store'
import { DEMO_RESIDENTS } from '../demo/seedOrg'

/** Order of the switcher: the people the demo is about first, then staff, then the workers. */
const ROLE_ORDER: Record<Role, number> = { resident: 0, subdistrict: 1, bureau: 2, community: 3, worker: 4 }

export async function listDevIdentities(store: Store): Promise<DevIdentity[]> {
  const principals = await store.listPrincipals()
  const staffAndWorkers = await Promise.all(principals.map((principal) => identityOf(principal, store)))
  const residents: DevIdentity[] = DEMO_RESIDENTS.map(({ openid, name }) => ({ openid, role: 'resident', name }))
  // Within a role, one sub-district's people together (浮山办事处's before 温泉办事处's in the demo).
  const bySubdistrict = (a: DevIdentity, b: DevIdentity) => (a.subdistrictId ?? '').localeCompare(b.subdistrictId ?? '')
  return [...residents, ...staffAndWorkers].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || bySubdistrict(a, b))
}

/** A worker's identity carries where they work, filled from the worker record when the binding lacks it. */
async function identityOf(principal: PrincipalRecord, store: Store): Promise<DevIdentity> {
  return { openid: principal.openid, role: principal.role, name: principal.name, ...(await workplaceOf(principal, store)) }
}

export const devIdentities: Handler<'dev.identities'> = async (_payload, { store }) => listDevIdentities(store)

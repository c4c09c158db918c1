// grid.save: a community admin creates a grid of their own community (no id), or renames one and changes
// its households. Households are a whole number 1..5000 (the schema); 300-500 is what a grid
// serves after the reform, shown on the page as a hint, never enforced here. Names unique within the
// community, compared as orgNameKey (NFKC, no invisible characters). A grid of another community is not theirs: 403.
import { sameOrgName } from '@core/cleanText'
import type { Handler } from '../context'
import { forbidden } from '../access/staffScope'
import { addUnderNewId } from './orgIds'
import { adminCommunity, orgErrors } from './orgScope'
import { auditStaff } from '../audit/auditTrail'

export const gridSave: Handler<'grid.save'> = async ({ gridId, name, households }, ctx) => {
  const { caller, store } = ctx
  const community = await adminCommunity(caller, store)
  const before = gridId === undefined ? null : await store.getGrid(gridId)
  if (gridId !== undefined) {
    if (before === null) throw orgErrors.gridNotFound()
    if (before.communityId !== community.id) throw forbidden()
  }
  const taken = (await store.catalog.listGrids(community.id)).some((g) => sameOrgName(g.name, name) && g.id !== gridId)
  if (taken) throw orgErrors.duplicate('网格', name, community.name)
  if (gridId === undefined) {
    const id = await addUnderNewId({
      kind: 'gr',
      parentId: community.id,
      name,
      add: (id) => store.org.addGrid({ id, name, communityId: community.id, households }),
      nameOf: async (id) => (await store.getGrid(id))?.name ?? null,
      duplicate: () => orgErrors.duplicate('网格', name, community.name),
    })
    await auditStaff(ctx, { action: 'grid.save', subdistrictId: community.subdistrictId, target: `grid:${id}`, details: { name, households, created: true } })
    return { gridId: id }
  }
  await store.org.updateGrid(gridId, { name, households })
  await auditStaff(ctx, { action: 'grid.save', subdistrictId: community.subdistrictId, target: `grid:${gridId}`, details: { ...(before === null ? {} : { fromName: before.name, fromHouseholds: before.households }), name, households } })
  return { gridId }
}

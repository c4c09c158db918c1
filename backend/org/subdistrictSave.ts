// org.subdistrict.save: the bureau creates a sub-district (no id) or renames one. Names are
// unique in the city (compared as orgNameKey: NFKC, no invisible characters), cleaned, 2..20 characters
// (the schema). A rename changes the name only: the id, its communities, workers, ratings and scores
// stay where they were.
import { sameOrgName } from '@core/cleanText'
import type { Handler } from '../context'
import { addUnderNewId } from './orgIds'
import { orgErrors } from './orgScope'
import { auditStaff } from '../audit/auditTrail'

export const subdistrictSave: Handler<'org.subdistrict.save'> = async ({ subdistrictId, name }, ctx) => {
  const { store } = ctx
  const subdistricts = await store.listSubdistricts()
  const taken = subdistricts.some((s) => sameOrgName(s.name, name) && s.id !== subdistrictId)
  if (taken) throw orgErrors.duplicate('街道', name)
  if (subdistrictId === undefined) {
    const id = await addUnderNewId({
      kind: 'sd',
      parentId: '',
      name,
      add: (id) => store.org.addSubdistrict({ id, name }),
      nameOf: async (id) => (await store.getSubdistrict(id))?.name ?? null,
      duplicate: () => orgErrors.duplicate('街道', name),
    })
    await auditStaff(ctx, { action: 'org.subdistrict.save', subdistrictId: id, target: `subdistrict:${id}`, details: { name, created: true } })
    return { subdistrictId: id }
  }
  if (!(await store.org.renameSubdistrict(subdistrictId, name)).updated) throw orgErrors.subdistrictNotFound()
  const before = subdistricts.find((s) => s.id === subdistrictId)
  await auditStaff(ctx, { action: 'org.subdistrict.save', subdistrictId, target: `subdistrict:${subdistrictId}`, details: { ...(before === undefined ? {} : { fromName: before.name }), name } })
  return { subdistrictId }
}

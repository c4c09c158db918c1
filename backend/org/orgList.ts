// org.list: the organisation as staff see it — each sub-district with its communities, their
// head counts and how many are in post. The bureau sees the city; sub-district staff their own
// sub-district only (their pickers list nothing else). Pinyin order, as the directory lists names.
import { isActiveWorker, type OrgSubdistrict } from '@core/org'
import type { Handler } from '../context'
import { staffScope } from '../access/staffScope'

const byPinyin = new Intl.Collator('zh-Hans-CN', { numeric: true }).compare

export const orgList: Handler<'org.list'> = async (_payload, { caller, store }) => {
  const { subdistrictId } = staffScope(caller)
  const own = subdistrictId === null ? null : await store.getSubdistrict(subdistrictId)
  const subdistricts = subdistrictId === null ? await store.listSubdistricts() : own === null ? [] : [own]
  // Two reads per sub-district (communities, workers), all at once: a city of 10 offices is 20 reads.
  const listed: OrgSubdistrict[] = await Promise.all(
    subdistricts.map(async (subdistrict) => {
      const [communities, workers] = await Promise.all([store.listCommunities(subdistrict.id), store.listWorkers(subdistrict.id)])
      return {
        subdistrictId: subdistrict.id,
        name: subdistrict.name,
        communities: communities
          .map((community) => {
            const theirs = workers.filter((worker) => worker.communityId === community.id)
            return { communityId: community.id, name: community.name, workers: theirs.length, activeWorkers: theirs.filter(isActiveWorker).length }
          })
          .sort((a, b) => byPinyin(a.name, b.name) || (a.communityId < b.communityId ? -1 : 1)),
      }
    }),
  )
  return { subdistricts: listed.sort((a, b) => byPinyin(a.name, b.name) || (a.subdistrictId < b.subdistrictId ? -1 : 1)) }
}

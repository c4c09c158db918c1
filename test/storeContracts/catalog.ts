// The CatalogStore contract (backend/catalog/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): the posts of
// the four-post job description, added once under their id and changed in place, and the directory reads
// (every community, one community's grids and workers), past the 100 rows one cloud read returns.
import type { OrgSeed, Store } from '@backend/store'
import type { CommunityRecord, GridRecord, PostRecord, WorkerRecord } from '@backend/store/records'
import { OTHER_SID, SID, orgOf } from '../storeContract'

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))
const codes = (workers: WorkerRecord[]) => workers.map((w) => w.code).sort()

const WEIYUAN: PostRecord = { id: 'weiyuan', name: '委员', duties: ['组织志愿服务', '联系辖区单位'] }

/** SID's community c1 with a second grid g2, and a second community c2 with its own grid and worker. */
function twoCommunities(): OrgSeed {
  const org = orgOf(SID, 3)
  org.posts.push(WEIYUAN)
  org.communities.push({ id: `${SID}-c2`, name: '第二社区', subdistrictId: SID })
  org.grids.push(
    { id: `${SID}-g2`, name: '二网格', communityId: `${SID}-c1`, households: 310 },
    { id: `${SID}-g3`, name: '三网格', communityId: `${SID}-c2`, households: 505 },
  )
  org.workers[1] = { ...org.workers[1], gridId: `${SID}-g2`, postId: 'weiyuan' }
  org.workers[2] = { ...org.workers[2], communityId: `${SID}-c2`, gridId: `${SID}-g3` }
  return org
}

export function describeCatalogStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`CatalogStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('lists the posts putOrg stored, duties in their order', async () => {
      await store.putOrg(twoCommunities())
      expect(byId(await store.catalog.listPosts())).toEqual([WEIYUAN, { id: 'zhuanzhi', name: '专职社区工作者', duties: ['包保一个网格', '每周入户走访'] }])
    })

    it('adds a new post once: a second add under the same id writes nothing and keeps the first', async () => {
      await store.putOrg(orgOf(SID, 1))
      const added: PostRecord = { id: 'post-new-1', name: '网格长', duties: ['统筹网格员', '每月走访一遍', '汇总居民诉求'] }
      expect(await store.catalog.addPost(added)).toEqual({ added: true })
      expect(await store.catalog.addPost({ ...added, name: '别的岗位', duties: ['别的职责'] })).toEqual({ added: false })
      expect(await store.getPost('post-new-1')).toEqual(added)
      expect((await store.catalog.listPosts()).map((p) => p.id).sort()).toEqual(['post-new-1', 'zhuanzhi'])
    })

    it("changes a stored post in place, which every worker's post read then shows; an unknown id creates nothing", async () => {
      await store.putOrg(orgOf(SID, 1))
      const changed: PostRecord = { id: 'zhuanzhi', name: '专职网格员', duties: ['每周入户走访', '包保一个网格', '定期看望独居老人'] }
      expect(await store.catalog.updatePost(changed)).toEqual({ updated: true })
      expect(await store.getPost('zhuanzhi')).toEqual(changed)
      // Saving what is already stored still finds the post (an unchanged save is not "no such post").
      expect(await store.catalog.updatePost(changed)).toEqual({ updated: true })
      expect(await store.catalog.updatePost({ id: 'nope', name: '无', duties: ['无'] })).toEqual({ updated: false })
      expect(await store.getPost('nope')).toBeNull()
      expect(await store.catalog.listPosts()).toEqual([changed])
    })

    it("lists every community of every sub-district, and one community's grids and workers only", async () => {
      const org = twoCommunities()
      await store.putOrg(org)
      await store.putOrg(orgOf(OTHER_SID, 1))
      const communities: CommunityRecord[] = [...org.communities, ...orgOf(OTHER_SID, 1).communities]
      expect(byId(await store.catalog.listAllCommunities())).toEqual(byId(communities))

      const grids: GridRecord[] = byId(await store.catalog.listGrids(`${SID}-c1`))
      expect(grids).toEqual([
        { id: `${SID}-g1`, name: '一网格', communityId: `${SID}-c1`, households: 420 },
        { id: `${SID}-g2`, name: '二网格', communityId: `${SID}-c1`, households: 310 },
      ])
      expect(await store.catalog.listGrids(`${SID}-c2`)).toEqual([{ id: `${SID}-g3`, name: '三网格', communityId: `${SID}-c2`, households: 505 }])

      const c1 = await store.catalog.listCommunityWorkers(`${SID}-c1`)
      expect(codes(c1)).toEqual(['W0001', 'W0002'])
      expect(c1.find((w) => w.code === 'W0002')).toEqual(org.workers[1])
      expect(codes(await store.catalog.listCommunityWorkers(`${SID}-c2`))).toEqual(['W0003'])
      expect(await store.catalog.listGrids('nope')).toEqual([])
      expect(await store.catalog.listCommunityWorkers('nope')).toEqual([])
    })

    it('reads all 105 communities of a city and all 103 workers of one community, past the 100 rows of one cloud read', async () => {
      const org = orgOf(SID, 103)
      for (let i = 2; i <= 105; i += 1) org.communities.push({ id: `${SID}-c${i}`, name: `社区${i}`, subdistrictId: SID })
      await store.putOrg(org)
      expect(await store.catalog.listAllCommunities()).toHaveLength(105)
      const workers = await store.catalog.listCommunityWorkers(`${SID}-c1`)
      expect(workers).toHaveLength(103)
      expect(new Set(workers.map((w) => w.code)).size).toBe(103)
    })
  })
}

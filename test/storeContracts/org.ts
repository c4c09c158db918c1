// The OrgStore contract (backend/org/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): a new
// sub-district, community or grid never overwrites one with its id; a rename changes the name only (the
// id and everything under it stay); a worker's post, grid and `active` change and getWorker, listWorkers
// and the community's list see it at once; `active` reads back as `false` or not at all.
import type { OrgSeed, Store, WorkerRecord } from '@backend/store'
import { SID, orgOf } from '../storeContract'

const COMMUNITY = `${SID}-c1`
const GRID = `${SID}-g1`

/** orgOf's sub-district, community, grid and two workers, plus a second grid and post to move W0002 to. */
function org(): OrgSeed {
  const seed = orgOf(SID, 2)
  seed.grids.push({ id: `${SID}-g2`, name: '二网格', communityId: COMMUNITY, households: 310 })
  seed.posts.push({ id: 'weiyuan', name: '委员', duties: ['组织志愿服务'] })
  return seed
}

export function describeOrgStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`OrgStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(org())
    })

    it('adds a sub-district and a community under new ids, and refuses a taken id without overwriting', async () => {
      expect(await store.org.addSubdistrict({ id: 'sd-new', name: '温泉办事处' })).toEqual({ added: true })
      expect(await store.org.addSubdistrict({ id: 'sd-new', name: '别的办事处' })).toEqual({ added: false })
      expect(await store.getSubdistrict('sd-new')).toEqual({ id: 'sd-new', name: '温泉办事处' })
      expect(await store.org.addCommunity({ id: 'cm-new', name: '淦河社区', subdistrictId: 'sd-new' })).toEqual({ added: true })
      expect(await store.org.addCommunity({ id: 'cm-new', name: '别的社区', subdistrictId: SID })).toEqual({ added: false })
      expect(await store.listCommunities('sd-new')).toEqual([{ id: 'cm-new', name: '淦河社区', subdistrictId: 'sd-new' }])
    })

    it('renames a sub-district and a community in place: ids, communities and workers stay', async () => {
      expect(await store.org.renameSubdistrict(SID, '浮山街道')).toEqual({ updated: true })
      expect(await store.org.renameCommunity(COMMUNITY, '银泉社区')).toEqual({ updated: true })
      // the same name again is still an update of a record that exists
      expect(await store.org.renameCommunity(COMMUNITY, '银泉社区')).toEqual({ updated: true })
      expect(await store.getSubdistrict(SID)).toEqual({ id: SID, name: '浮山街道' })
      expect(await store.getCommunity(COMMUNITY)).toEqual({ id: COMMUNITY, name: '银泉社区', subdistrictId: SID })
      expect((await store.listWorkers(SID)).map((w) => [w.code, w.communityId])).toEqual([['W0001', COMMUNITY], ['W0002', COMMUNITY]])
      expect(await store.org.renameSubdistrict('nope', '无')).toEqual({ updated: false })
      expect(await store.org.renameCommunity('nope', '无')).toEqual({ updated: false })
      expect(await store.getSubdistrict('nope')).toBeNull()
    })

    it('adds a grid and changes its name and households; an unknown grid is not created', async () => {
      expect(await store.org.addGrid({ id: 'gr-new', name: '三网格', communityId: COMMUNITY, households: 450 })).toEqual({ added: true })
      expect(await store.org.addGrid({ id: 'gr-new', name: '四网格', communityId: COMMUNITY, households: 1 })).toEqual({ added: false })
      expect(await store.org.updateGrid(GRID, { name: '一网格（北）', households: 388 })).toEqual({ updated: true })
      expect(await store.getGrid(GRID)).toEqual({ id: GRID, name: '一网格（北）', communityId: COMMUNITY, households: 388 })
      expect(await store.org.updateGrid('nope', { name: '无', households: 1 })).toEqual({ updated: false })
      expect(await store.getGrid('nope')).toBeNull()
      expect((await store.catalog.listGrids(COMMUNITY)).map((g) => [g.id, g.households]).sort()).toEqual([[GRID, 388], [`${SID}-g2`, 310], ['gr-new', 450]].sort())
    })

    it('moves a worker to another post and grid and deactivates them; every read sees it; reactivating clears the flag', async () => {
      const before = await store.getWorker('W0002') // read once, so a cache would hold it
      expect(before).toEqual({ code: 'W0002', name: '工作者2', postId: 'zhuanzhi', communityId: COMMUNITY, gridId: GRID, subdistrictId: SID })
      expect(await store.org.updateWorker('W0002', { postId: 'weiyuan', gridId: `${SID}-g2`, active: false })).toEqual({ updated: true })
      const moved: WorkerRecord = { code: 'W0002', name: '工作者2', postId: 'weiyuan', communityId: COMMUNITY, gridId: `${SID}-g2`, subdistrictId: SID, active: false }
      expect(await store.getWorker('W0002')).toEqual(moved)
      expect((await store.listWorkers(SID)).find((w) => w.code === 'W0002')).toEqual(moved)
      expect((await store.catalog.listCommunityWorkers(COMMUNITY)).find((w) => w.code === 'W0002')).toEqual(moved)
      // W0001 untouched: no flag at all
      expect(await store.getWorker('W0001')).not.toHaveProperty('active')
      expect(await store.org.updateWorker('W0002', { postId: 'weiyuan', gridId: `${SID}-g2`, active: true })).toEqual({ updated: true })
      const { active, ...back } = moved
      expect(await store.getWorker('W0002')).toStrictEqual(back)
      expect(await store.org.updateWorker('W9999', { postId: 'weiyuan', gridId: GRID, active: true })).toEqual({ updated: false })
      expect(await store.getWorker('W9999')).toBeNull()
    })

    it('keeps a worker that putOrg loads inactive as inactive', async () => {
      const seed = orgOf(SID, 0)
      seed.workers.push({ code: 'W0003', name: '工作者3', postId: 'zhuanzhi', communityId: COMMUNITY, gridId: GRID, subdistrictId: SID, active: false })
      await store.putOrg(seed)
      expect(await store.getWorker('W0003')).toMatchObject({ code: 'W0003', active: false })
    })
  })
}

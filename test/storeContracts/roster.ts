// The RosterStore contract (backend/roster/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): the whole
// organisation read past the 100 rows one cloud read returns, a plan written parents first, only the
// roster's fields of a stored worker changed, the identity bound to a moved worker moved along, and the
// same plan written twice ending where one write ends (a retry after a crash converges).
import type { OrgSeed, Store } from '@backend/store'
import type { RosterPlan } from '@core/rosterPlan'
import { SID, orgOf, rating } from '../storeContract'

const sorted = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1))

/** SID with 150 workers (two cloud pages) and one of them, W0001, bound to a WeChat identity. */
function storedOrg(): OrgSeed {
  const org = orgOf(SID, 150)
  org.principals.push({ openid: 'o-w1', role: 'worker', name: '工作者1', workerCode: 'W0001', communityId: `${SID}-c1`, subdistrictId: SID })
  return org
}

/** A new sub-district with a community and a grid, a new worker there, W0001 moved there, W0002 renamed. */
const PLAN: RosterPlan = {
  subdistricts: [{ id: 'snew', name: '新街道' }],
  communities: [{ id: 'cnew', name: '新社区', subdistrictId: 'snew' }],
  grids: [
    { id: 'gnew', name: '新网格', communityId: 'cnew', households: 380 },
    { id: `${SID}-g1`, name: '一网格', communityId: `${SID}-c1`, households: 450 },
  ],
  newWorkers: [{ code: 'N0001', name: '新人', postId: 'zhuanzhi', gridId: 'gnew', communityId: 'cnew', subdistrictId: 'snew' }],
  changedWorkers: [
    { code: 'W0001', name: '工作者1', postId: 'zhuanzhi', gridId: 'gnew', communityId: 'cnew', subdistrictId: 'snew' },
    { code: 'W0002', name: '改名了', postId: 'zhuanzhi', gridId: `${SID}-g1`, communityId: `${SID}-c1`, subdistrictId: SID },
  ],
  moved: [{ code: 'W0001', subdistrictId: 'snew' }],
}

export function describeRosterStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`RosterStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(storedOrg())
    })

    it('reads the whole organisation, all 150 workers with the roster fields', async () => {
      const org = await store.roster.readOrganisation()
      expect(org.subdistricts).toEqual([{ id: SID, name: `${SID} 街道` }])
      expect(org.communities).toEqual([{ id: `${SID}-c1`, name: '测试社区', subdistrictId: SID }])
      expect(org.grids).toEqual([{ id: `${SID}-g1`, name: '一网格', communityId: `${SID}-c1`, households: 420 }])
      expect(org.posts).toEqual([{ id: 'zhuanzhi', name: '专职社区工作者' }])
      expect(org.workers).toHaveLength(150)
      expect(sorted(org.workers, (w) => w.code)[149]).toEqual({ code: 'W0150', name: '工作者150', postId: 'zhuanzhi', gridId: `${SID}-g1`, communityId: `${SID}-c1`, subdistrictId: SID })
    })

    it('writes a plan: new units and worker, a grid\'s households, a moved and a renamed worker, the moved one\'s identity', async () => {
      expect(await store.getWorker('W0001')).toMatchObject({ subdistrictId: SID }) // read once, so a cache would hold it
      await store.roster.applyRoster(PLAN)
      expect(await store.getSubdistrict('snew')).toEqual({ id: 'snew', name: '新街道' })
      expect(await store.getCommunity('cnew')).toEqual({ id: 'cnew', name: '新社区', subdistrictId: 'snew' })
      expect(await store.getGrid(`${SID}-g1`)).toMatchObject({ households: 450 })
      expect(await store.getWorker('N0001')).toEqual({ code: 'N0001', name: '新人', postId: 'zhuanzhi', gridId: 'gnew', communityId: 'cnew', subdistrictId: 'snew' })
      expect(await store.getWorker('W0001')).toMatchObject({ gridId: 'gnew', communityId: 'cnew', subdistrictId: 'snew' })
      expect(await store.getWorker('W0002')).toMatchObject({ name: '改名了' })
      expect(await store.getPrincipal('o-w1')).toMatchObject({ role: 'worker', workerCode: 'W0001', communityId: 'cnew', subdistrictId: 'snew' })
      expect((await store.listWorkers('snew')).map((w) => w.code).sort()).toEqual(['N0001', 'W0001'])
      expect(await store.listWorkers(SID)).toHaveLength(149)
    })

    it('moves a moved worker\'s tallies to the new sub-district, with their counts', async () => {
      await store.submitResidentRating(rating('o-r1', 'W0001', '2026-03', 5))
      await store.submitResidentRating(rating('o-r2', 'W0002', '2026-03', 4))
      await store.roster.applyRoster(PLAN)
      const moved = await store.listTallies('snew', ['2026-03', '2026'])
      expect(moved.map((t) => [t.workerCode, t.period, t.residents]).sort()).toEqual([['W0001', '2026', [0, 0, 0, 0, 1]], ['W0001', '2026-03', [0, 0, 0, 0, 1]]])
      const stayed = await store.listTallies(SID, ['2026-03'])
      expect(stayed.map((t) => t.workerCode)).toEqual(['W0002'])
    })

    it('ends in the same organisation when the same plan is written twice', async () => {
      await store.roster.applyRoster(PLAN)
      const once = await store.roster.readOrganisation()
      await store.roster.applyRoster(PLAN)
      const twice = await store.roster.readOrganisation()
      for (const key of ['subdistricts', 'communities', 'grids', 'posts'] as const) expect(sorted(twice[key], (u) => u.id)).toEqual(sorted(once[key], (u) => u.id))
      expect(sorted(twice.workers, (w) => w.code)).toEqual(sorted(once.workers, (w) => w.code))
      expect(twice.workers).toHaveLength(151)
    })

    it('leaves a deactivated worker deactivated when the roster renames and moves them (the org pages own `active`)', async () => {
      expect(await store.org.updateWorker('W0002', { postId: 'zhuanzhi', gridId: `${SID}-g1`, active: false })).toEqual({ updated: true })
      await store.roster.applyRoster({ ...PLAN, changedWorkers: [{ ...PLAN.changedWorkers[1], gridId: 'gnew', communityId: 'cnew', subdistrictId: 'snew' } as RosterPlan['changedWorkers'][number]] })
      expect(await store.getWorker('W0002')).toEqual({ code: 'W0002', name: '改名了', postId: 'zhuanzhi', gridId: 'gnew', communityId: 'cnew', subdistrictId: 'snew', active: false })
      expect(await store.getWorker('W0003')).not.toHaveProperty('active')
    })

    it('writes nothing for an empty plan', async () => {
      const before = await store.roster.readOrganisation()
      await store.roster.applyRoster({ subdistricts: [], communities: [], grids: [], newWorkers: [], changedWorkers: [], moved: [] })
      expect(await store.roster.readOrganisation()).toEqual(before)
    })
  })
}

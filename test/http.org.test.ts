// Organisation management over HTTP on the BUILT local runtime with the demo seed
// (DESIGN section 5): the bureau creates a community in 浮山办事处 and org.list then counts it; 银泉社区's
// admin changes a grid's households and the residents' card of a worker in that grid says so; a call
// outside the caller's scope or role answers 403 (anonymous 401) and stores nothing — read back after.
import type { CommunityOrg, OrgOverview } from '@core/org'
import type { WorkerCard } from '@core/types'
import { type Reply, useLocalRuntime } from './support/localRuntime'

const BUREAU = 'dev-bureau'
const YINQUAN_ADMIN = 'dev-community-yinquan'
const QINGLONG_ADMIN = 'dev-community-qinglong'
const WENQUAN_STAFF = 'dev-subdistrict-wenquan'
const runtime = useLocalRuntime()

const call = runtime.call
const dataOf = <T>(reply: Reply): T => {
  expect([reply.status, (reply.json as { ok: boolean }).ok]).toEqual([200, true])
  return (reply.json as { data: T }).data
}
const statusAndCode = (reply: Reply) => [reply.status, (reply.json as { code?: string }).code]

const communitiesOf = async (subdistrictId: string, openid = BUREAU) =>
  dataOf<OrgOverview>(await call('org.list', {}, openid)).subdistricts.find((s) => s.subdistrictId === subdistrictId)?.communities ?? []
const gridOf = async (gridId: string, openid = YINQUAN_ADMIN) => dataOf<CommunityOrg>(await call('community.grids', {}, openid)).grids.find((g) => g.gridId === gridId)

it('lets the bureau create 青山社区 in 浮山办事处: org.list then lists it beside 青龙 and 银泉, with no workers yet', async () => {
  expect((await communitiesOf('fushan')).map((c) => c.name)).toEqual(['青龙社区', '银泉社区'])
  const { communityId } = dataOf<{ communityId: string }>(await call('org.community.save', { subdistrictId: 'fushan', name: ' 青山社区 ' }, BUREAU))
  expect(communityId).toMatch(/\S/)
  expect(await communitiesOf('fushan')).toEqual([
    { communityId: 'qinglong', name: '青龙社区', workers: 12, activeWorkers: 12 },
    { communityId, name: '青山社区', workers: 0, activeWorkers: 0 },
    { communityId: 'yinquan', name: '银泉社区', workers: 18, activeWorkers: 18 },
  ])
  // the same name again in the same office is refused
  expect(statusAndCode(await call('org.community.save', { subdistrictId: 'fushan', name: '青山社区' }, BUREAU))).toEqual([409, 'CONFLICT'])
  expect((await communitiesOf('fushan')).length).toBe(3)
})

it("lets 银泉社区's admin change 银泉花园网格 from 468 to 450 households; the card of 刘建华 (YQ01, serving it) says 450", async () => {
  expect(await gridOf('yinquan-g1')).toMatchObject({ name: '银泉花园网格', households: 468 })
  expect(dataOf(await call('grid.save', { gridId: 'yinquan-g1', name: '银泉花园网格', households: 450 }, YINQUAN_ADMIN))).toEqual({ gridId: 'yinquan-g1' })
  // 18 workers round-robin over 6 grids: YQ01, YQ07 and YQ13 serve the first one
  expect(await gridOf('yinquan-g1')).toEqual({ gridId: 'yinquan-g1', name: '银泉花园网格', households: 450, workers: 3, activeWorkers: 3 })
  expect(dataOf<WorkerCard>(await call('worker.card', { workerCode: 'YQ01' }))).toMatchObject({ grid: '银泉花园网格', households: 450 })
})

it("answers 403 to 青龙's admin editing a grid of 银泉, and to 温泉's staff creating a community, and stores neither", async () => {
  const before = await gridOf('yinquan-g2')
  expect(before).toMatchObject({ name: '桂花苑网格', households: 412 })
  const foreign = await call('grid.save', { gridId: 'yinquan-g2', name: '桂花苑网格', households: 999 }, QINGLONG_ADMIN)
  expect([foreign.status, foreign.json]).toEqual([403, { ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/\S/) }])
  expect(statusAndCode(await call('grid.save', { gridId: 'yinquan-g2', name: '桂花苑网格', households: 999 }))).toEqual([401, 'UNAUTHENTICATED'])
  expect(await gridOf('yinquan-g2')).toEqual(before)

  const fushanBefore = await communitiesOf('fushan')
  expect(statusAndCode(await call('org.community.save', { subdistrictId: 'fushan', name: '越权社区' }, WENQUAN_STAFF))).toEqual([403, 'FORBIDDEN'])
  expect(statusAndCode(await call('org.community.save', { subdistrictId: 'fushan', name: '越权社区' }, YINQUAN_ADMIN))).toEqual([403, 'FORBIDDEN'])
  expect(await communitiesOf('fushan')).toEqual(fushanBefore)
  // and 温泉's staff read their own office only
  expect(dataOf<OrgOverview>(await call('org.list', {}, WENQUAN_STAFF)).subdistricts.map((s) => s.name)).toEqual(['温泉办事处'])
})

// The four posts and "my grid worker" over HTTP on the BUILT local runtime with the demo seed, exactly as
// the H5 app calls it (DESIGN section 5): statuses 200 / 400 / 401 / 403 / 404 / 409, Chinese messages,
// and a post the bureau saves shows on the card of every worker holding it.
import type { GridDirectory, Post } from '@core/catalog'
import type { WorkerCard } from '@core/types'
import { type Reply, useLocalRuntime } from './support/localRuntime'

const runtime = useLocalRuntime()

const call = runtime.call
const data = <T>(reply: Reply): T => (reply.json as { data: T }).data
const statusAndBody = (reply: Reply) => [reply.status, reply.json]

it('gives anyone the four posts of the demo in rank order, with 4, 3, 3 and 5 duties', async () => {
  const reply = await call('post.list', {})
  expect(reply.status).toBe(200)
  expect(data<Post[]>(reply).map((p) => [p.postId, p.name, p.duties.length])).toEqual([
    ['zhengzhi', '正职', 4],
    ['fuzhi', '副职', 3],
    ['weiyuan', '委员', 3],
    ['zhuanzhi', '专职社区工作者', 5],
  ])
})

it("saves the bureau's new duty of 副职, which 王志强's card (YQ02, 副职) then shows; nobody else may", async () => {
  const before = data<Post[]>(await call('post.list', {})).find((p) => p.postId === 'fuzhi')
  const duties = [...(before?.duties ?? []), '每季度组织一次居民议事会']
  const post = { postId: 'fuzhi', name: '副职', duties }

  expect(statusAndBody(await call('post.save', { post }))).toEqual([401, { ok: false, code: 'UNAUTHENTICATED', message: '请先登录微信后再修改岗位职责' }])
  expect(statusAndBody(await call('post.save', { post }, 'dev-resident-1'))).toEqual([403, { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }])
  expect(statusAndBody(await call('post.save', { post }, 'dev-subdistrict-fushan'))).toEqual([403, { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }])
  expect(data<WorkerCard>(await call('worker.card', { workerCode: 'YQ02' })).duties).toEqual(before?.duties)

  expect(statusAndBody(await call('post.save', { post }, 'dev-bureau'))).toEqual([200, { ok: true, data: { postId: 'fuzhi' } }])
  const card = data<WorkerCard>(await call('worker.card', { workerCode: 'YQ02' }))
  expect(card).toMatchObject({ name: '王志强', post: '副职' })
  expect(card.duties).toHaveLength(4) // 3 + 1
  expect(card.duties[3]).toBe('每季度组织一次居民议事会')
})

it('answers a bad post with 400 naming the field, a taken name with 409, an unknown post with 404', async () => {
  const bad = await call('post.save', { post: { postId: 'weiyuan', name: '委员', duties: ['联系辖区单位', ''] } }, 'dev-bureau')
  expect(statusAndBody(bad)).toEqual([400, { ok: false, code: 'INVALID_INPUT', message: '第 2 条职责是空的，请填写或删去这一条' }])
  const taken = await call('post.save', { post: { name: '委员', duties: ['联系辖区单位'] } }, 'dev-bureau')
  expect(statusAndBody(taken)).toEqual([409, { ok: false, code: 'CONFLICT', message: '已经有名为“委员”的岗位，请换一个名称' }])
  const unknown = await call('post.save', { post: { postId: 'nope', name: '无名', duties: ['无'] } }, 'dev-bureau')
  expect(unknown.status).toBe(404)
  expect(data<Post[]>(await call('post.list', {}))).toHaveLength(4)
})

it("lists the demo's communities and 青龙社区's grids with their workers to an anonymous caller; an unknown community is 404", async () => {
  const all = data<GridDirectory>(await call('grid.directory', {}))
  expect(all.communities.map((c) => `${c.subdistrict} ${c.name}`)).toEqual(['浮山办事处 青龙社区', '浮山办事处 银泉社区', '温泉办事处 淦河社区'])
  const qinglong = data<GridDirectory>(await call('grid.directory', { communityId: 'qinglong' }))
  expect(qinglong.grids.map((g) => `${g.name} ${g.households} ${g.workers.map((w) => w.workerCode).join(',')}`)).toEqual([
    '滨河苑网格 476 QL04,QL08,QL12',
    '龙潭小区网格 395 QL02,QL06,QL10',
    '青龙街网格 318 QL03,QL07,QL11',
    '青龙山庄网格 437 QL01,QL05,QL09',
  ])
  expect(statusAndBody(await call('grid.directory', { communityId: 'nope' }))).toEqual([404, { ok: false, code: 'NOT_FOUND', message: '没有找到这个社区，请重新选择' }])
})

// community.grids, grid.save and worker.update through dispatch on a real SqliteStore: a
// community admin edits their own community's grids (households a whole number 1..5000) and workers
// (post, grid of the same community, in post or not); another community's are 403. A worker no longer
// in post keeps their card, which says so; rating them is refused and stores nothing; the residents'
// directory no longer lists them; the admin's list marks them and no invite is made for them.
import type { CommunityOrg } from '@core/org'
import type { GridDirectory } from '@core/catalog'
import type { CommunityWorkers } from '@core/invites'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { OPENID, X, Y, Z } from './support/smallOrg'
import { withKey } from './support/keys'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-04-10T02:00:00.000Z'))
  // 银泉 gets a second grid and post, to move 张敏 (X) to.
  await api.store.putOrg({
    subdistricts: [],
    communities: [],
    grids: [{ id: 'g-yq-2', name: '银泉第二网格', communityId: 'c-yinquan', households: 520 }],
    posts: [{ id: 'post-weiyuan', name: '委员', duties: ['组织志愿服务'] }],
    workers: [],
    principals: [],
  })
})
afterEach(() => api.close())

const ADMIN = OPENID.communityAdmin
const call = (action: string, payload: unknown, openid: string | null = ADMIN) => api.call({ action, payload }, openid)
const deactivateX = () => call('worker.update', { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false })

it("gives 银泉's admin its grids with households and head counts, its workers and the posts to pick from", async () => {
  expect(dataOf<CommunityOrg>(await call('community.grids', {}))).toEqual({
    communityId: 'c-yinquan',
    community: '银泉社区',
    subdistrict: '浮山办事处',
    grids: [
      { gridId: 'g-yq-2', name: '银泉第二网格', households: 520, workers: 0, activeWorkers: 0 },
      { gridId: 'g-yq-1', name: '银泉第一网格', households: 420, workers: 1, activeWorkers: 1 },
    ],
    workers: [{ workerCode: X, name: '张敏', postId: 'post-zhuanzhi', post: '专职社区工作者', gridId: 'g-yq-1', grid: '银泉第一网格', active: true }],
    // the four posts first, in rank order: 委员 before 专职社区工作者
    posts: [{ postId: 'post-weiyuan', name: '委员' }, { postId: 'post-zhuanzhi', name: '专职社区工作者' }],
  })
  for (const openid of [OPENID.fushanStaff, OPENID.bureau, OPENID.workerX]) expect(await call('community.grids', {}, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('community.grids', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
})

describe('grid.save', () => {
  it('creates a grid of 360 households in the admin’s own community, then renames it and makes it 412', async () => {
    const { gridId } = dataOf<{ gridId: string }>(await call('grid.save', { name: '桂花苑网格', households: 360 }))
    expect(gridId).toMatch(/^gr-[0-9a-z]{10}$/)
    expect(await api.store.getGrid(gridId)).toEqual({ id: gridId, name: '桂花苑网格', communityId: 'c-yinquan', households: 360 })
    await call('grid.save', { gridId, name: '桂花苑北网格', households: 412 })
    expect(await api.store.getGrid(gridId)).toEqual({ id: gridId, name: '桂花苑北网格', communityId: 'c-yinquan', households: 412 })
  })

  it('takes 5000 households and 1, which are outside the 300-500 hint but whole numbers in range', async () => {
    await call('grid.save', { gridId: 'g-yq-1', name: '银泉第一网格', households: 5000 })
    expect((await api.store.getGrid('g-yq-1'))?.households).toBe(5000)
    await call('grid.save', { gridId: 'g-yq-1', name: '银泉第一网格', households: 1 })
    expect((await api.store.getGrid('g-yq-1'))?.households).toBe(1)
  })

  const rejected: Array<[string, string | null, unknown, string, RegExp]> = [
    ['5001 households', ADMIN, { gridId: 'g-yq-1', name: '银泉第一网格', households: 5001 }, 'INVALID_INPUT', /户数最多是 5000/],
    ['0 households', ADMIN, { name: '新网格', households: 0 }, 'INVALID_INPUT', /户数至少是 1/],
    ['420.5 households', ADMIN, { name: '新网格', households: 420.5 }, 'INVALID_INPUT', /户数只能是整数/],
    ['a name the community has', ADMIN, { name: '银泉第二网格', households: 400 }, 'CONFLICT', /银泉社区已有名为“银泉第二网格”的网格/],
    ["青龙's grid", ADMIN, { gridId: 'g-ql-1', name: '青龙第一网格', households: 400 }, 'FORBIDDEN', /没有权限/],
    ['an unknown grid', ADMIN, { gridId: 'g-nope', name: '无网格', households: 400 }, 'NOT_FOUND', /没有找到这个网格/],
    ['sub-district staff', OPENID.fushanStaff, { name: '新网格', households: 400 }, 'FORBIDDEN', /没有权限/],
  ]
  it.each(rejected)('refuses %s and stores nothing', async (_title, openid, payload, code, message) => {
    const before = [await api.store.catalog.listGrids('c-yinquan'), await api.store.catalog.listGrids('c-qinglong')]
    expect(await call('grid.save', payload, openid)).toMatchObject({ ok: false, code, message: expect.stringMatching(message) })
    expect([await api.store.catalog.listGrids('c-yinquan'), await api.store.catalog.listGrids('c-qinglong')]).toEqual(before)
  })
})

describe('worker.update', () => {
  it('moves 张敏 to 委员 in the second grid; the card a resident scans follows at once', async () => {
    expect(dataOf(await call('worker.update', { workerCode: X, postId: 'post-weiyuan', gridId: 'g-yq-2', active: true }))).toEqual({ workerCode: X, active: true })
    expect(dataOf(await call('worker.card', { workerCode: X }, null))).toMatchObject({ post: '委员', grid: '银泉第二网格', households: 520 })
  })

  const rejected: Array<[string, string | null, unknown, string, RegExp]> = [
    ["青龙's 李强", ADMIN, { workerCode: Y, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false }, 'FORBIDDEN', /没有权限/],
    ["温泉's 王芳", ADMIN, { workerCode: Z, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false }, 'FORBIDDEN', /没有权限/],
    ["a grid of 青龙", ADMIN, { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-ql-1', active: true }, 'INVALID_INPUT', /请选择银泉社区的网格/],
    ['an unknown post', ADMIN, { workerCode: X, postId: 'post-nope', gridId: 'g-yq-1', active: true }, 'NOT_FOUND', /没有找到这个岗位/],
    ['an unknown worker', ADMIN, { workerCode: 'W999', postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: true }, 'NOT_FOUND', /没有找到这位社区工作者/],
    ['a missing active', ADMIN, { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1' }, 'INVALID_INPUT', /请选择在岗或停用/],
    ['the bureau', OPENID.bureau, { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false }, 'FORBIDDEN', /没有权限/],
    ['the worker themself', OPENID.workerX, { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false }, 'FORBIDDEN', /没有权限/],
  ]
  it.each(rejected)('refuses %s and stores nothing', async (_title, openid, payload, code, message) => {
    const before = [await api.store.getWorker(X), await api.store.getWorker(Y), await api.store.getWorker(Z)]
    expect(await call('worker.update', payload, openid)).toMatchObject({ ok: false, code, message: expect.stringMatching(message) })
    expect([await api.store.getWorker(X), await api.store.getWorker(Y), await api.store.getWorker(Z)]).toEqual(before)
  })
})

describe('a worker no longer in post', () => {
  beforeEach(async () => {
    expect(dataOf(await deactivateX())).toEqual({ workerCode: X, active: false })
  })

  it('keeps their card, which says so, and refuses a rating with a plain message, storing nothing', async () => {
    expect(dataOf(await call('worker.card', { workerCode: X }, null))).toMatchObject({ workerCode: X, name: '张敏', inactive: true })
    const reply = await call('rating.submit', withKey({ workerCode: X, level: 5 }), OPENID.resident)
    expect(reply).toEqual({ ok: false, code: 'CONFLICT', message: '这位工作者已不在岗，暂时不能评价。' })
    expect(await api.store.listTallies('sd-fushan', ['2026-04'])).toEqual([])
  })

  it('is left out of the residents’ directory, marked in the admin’s list, and gets no invite', async () => {
    const directory = dataOf<GridDirectory>(await call('grid.directory', { communityId: 'c-yinquan' }, null))
    expect(directory.grids.find((g) => g.gridId === 'g-yq-1')?.workers).toEqual([])
    const listed = dataOf<CommunityWorkers>(await call('community.workers', {}))
    expect(listed.workers).toEqual([expect.objectContaining({ workerCode: X, inactive: true })])
    expect(await call('invite.create', { workerCode: X })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/张敏已停用，不能邀请/) })
    expect(await api.store.invites.listInvites(X)).toEqual([])
  })

  it('is back in post, rateable and listed, once made active again', async () => {
    await call('worker.update', { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: true })
    expect(dataOf(await call('worker.card', { workerCode: X }, null))).not.toHaveProperty('inactive')
    expect(await call('rating.submit', withKey({ workerCode: X, level: 4 }), OPENID.resident)).toMatchObject({ ok: true })
  })
})

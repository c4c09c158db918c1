// post.list and post.save through dispatch on a real SqliteStore: the four-post job description (四岗说明书,
// the 4 of 3456) is read by anyone and written by the bureau alone; a post's duties show on the card of
// every worker holding it; a rejected save stores nothing.
import { FOUR_POSTS } from '@backend/catalog/fourPosts'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import type { Post } from '@core/catalog'
import type { ActionName } from '@core/contract'
import type { WorkerCard } from '@core/types'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { callerOn } from './support/demoCaller'
import { OPENID, X } from './support/smallOrg'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-03-15T02:00:00Z'))
})
afterEach(() => api.close())

const save = (post: unknown, openid: string | null = OPENID.bureau) => api.call({ action: 'post.save', payload: { post } }, openid)
const list = async () => dataOf<Post[]>(await api.call({ action: 'post.list', payload: {} }, null))
const card = async () => dataOf<WorkerCard>(await api.call({ action: 'worker.card', payload: { workerCode: X } }, null))

/** smallOrg's one post, which worker X (张敏) holds. */
const ZHUANZHI: Post = { postId: 'post-zhuanzhi', name: '专职社区工作者', duties: ['走访网格内住户', '收集并反映居民诉求'] }

describe('post.list', () => {
  it('shows anyone, even anonymous, every post with its duties', async () => {
    expect(await api.call({ action: 'post.list', payload: {} }, null)).toEqual({ ok: true, data: [ZHUANZHI] })
  })
})

describe('post.save', () => {
  it("lets the bureau add a duty to a post, and the card of the worker holding it shows the new duty last", async () => {
    const duties = [...ZHUANZHI.duties, '每周至少两天下沉网格']
    expect(await save({ ...ZHUANZHI, duties })).toEqual({ ok: true, data: { postId: 'post-zhuanzhi' } })
    expect(await list()).toEqual([{ ...ZHUANZHI, duties }])
    expect((await card()).duties).toEqual(['走访网格内住户', '收集并反映居民诉求', '每周至少两天下沉网格'])
  })

  it('changes, removes and reorders duties, trimming each line and the name', async () => {
    const reply = await save({ postId: 'post-zhuanzhi', name: ' 专职网格员 ', duties: ['  收集并反映居民诉求', '每周入户走访 '] })
    expect(reply).toEqual({ ok: true, data: { postId: 'post-zhuanzhi' } })
    expect(await card()).toMatchObject({ post: '专职网格员', duties: ['收集并反映居民诉求', '每周入户走访'] })
  })

  it('gives a new post an id, and lists the four posts in rank order before a post of its own', async () => {
    const gridHead = dataOf<{ postId: string }>(await save({ name: '网格长', duties: ['统筹网格内的工作'] }))
    const head = dataOf<{ postId: string }>(await save({ name: '正职', duties: ['主持社区全面工作'] }))
    expect(gridHead.postId).toMatch(/^post-[0-9a-z]+-[0-9a-f]{8}$/)
    expect(head.postId).not.toBe(gridHead.postId)
    // 正职 is rank 1 of the four, 专职社区工作者 rank 4, 网格长 is not one of the four: it comes last.
    expect(await list()).toEqual([
      { postId: head.postId, name: '正职', duties: ['主持社区全面工作'] },
      ZHUANZHI,
      { postId: gridHead.postId, name: '网格长', duties: ['统筹网格内的工作'] },
    ])
  })

  it('saves a post of the most a post may hold: 20 characters of name, 10 duties of 60 characters', async () => {
    const post = { name: '岗'.repeat(20), duties: Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(60, '责')) }
    expect((await save(post)).ok).toBe(true)
    expect(await list()).toContainEqual({ postId: expect.any(String), ...post })
  })

  const sixtyOne = '责'.repeat(61)
  const rejected: Array<[string, string | null, unknown, string, string]> = [
    ['an anonymous caller', null, ZHUANZHI, 'UNAUTHENTICATED', '请先登录微信后再修改岗位职责'],
    ['a resident', OPENID.resident, ZHUANZHI, 'FORBIDDEN', '没有权限进行此操作'],
    ['a worker', OPENID.workerX, ZHUANZHI, 'FORBIDDEN', '没有权限进行此操作'],
    ['a community admin', OPENID.communityAdmin, ZHUANZHI, 'FORBIDDEN', '没有权限进行此操作'],
    ['sub-district staff', OPENID.fushanStaff, ZHUANZHI, 'FORBIDDEN', '没有权限进行此操作'],
    ['no post at all', OPENID.bureau, undefined, 'INVALID_INPUT', '请提供岗位名称和职责'],
    ['an empty name', OPENID.bureau, { ...ZHUANZHI, name: '   ' }, 'INVALID_INPUT', '请填写岗位名称'],
    ['a name of 21 characters', OPENID.bureau, { ...ZHUANZHI, name: '岗'.repeat(21) }, 'INVALID_INPUT', '岗位名称最多 20 个字'],
    ['no duties', OPENID.bureau, { ...ZHUANZHI, duties: [] }, 'INVALID_INPUT', '请至少填写 1 条职责'],
    ['11 duties', OPENID.bureau, { ...ZHUANZHI, duties: Array.from({ length: 11 }, (_, i) => `职责${i}`) }, 'INVALID_INPUT', '职责最多 10 条'],
    ['a blank second duty', OPENID.bureau, { ...ZHUANZHI, duties: ['走访', '  '] }, 'INVALID_INPUT', '第 2 条职责是空的，请填写或删去这一条'],
    ['a duty of 61 characters', OPENID.bureau, { ...ZHUANZHI, duties: ['走访', '调解', sixtyOne] }, 'INVALID_INPUT', '第 3 条职责有 61 个字，最多 60 个字'],
    ['a duty written twice', OPENID.bureau, { ...ZHUANZHI, duties: ['走访', '调解', ' 走访'] }, 'INVALID_INPUT', '第 3 条职责和第 1 条重复了'],
    ['duties that are not a list', OPENID.bureau, { ...ZHUANZHI, duties: '走访' }, 'INVALID_INPUT', '请填写岗位职责'],
    ['an unknown post', OPENID.bureau, { ...ZHUANZHI, postId: 'post-nope' }, 'NOT_FOUND', '没有找到这个岗位，请刷新岗位列表后再改'],
    ['a new post named like another', OPENID.bureau, { name: '专职社区工作者', duties: ['走访'] }, 'CONFLICT', '已经有名为“专职社区工作者”的岗位，请换一个名称'],
  ]
  it.each(rejected)('rejects %s and stores nothing', async (_title, openid, post, code, message) => {
    expect(await save(post, openid)).toEqual({ ok: false, code, message })
    expect(await list()).toEqual([ZHUANZHI])
    expect(await api.store.getPost('post-nope')).toBeNull()
  })
})

describe('a fresh environment (admin.setup without the demo)', () => {
  it('starts with the four posts and their duties, which the bureau edits and a second setup keeps', async () => {
    const empty = new SqliteStore(':memory:')
    const ADMIN = 'o-first-admin'
    const call = (action: ActionName, payload: unknown) =>
      callerOn(empty, { now: api.now, moderation: api.moderation, codeImages: api.codeImages, bureauOpenids: new Set([ADMIN]) }).call(action, payload, ADMIN)
    try {
      dataOf(await call('admin.setup', {}))
      const posts = dataOf<Post[]>(await call('post.list', {}))
      expect(posts.map((p) => [p.name, p.duties.length])).toEqual([['正职', 4], ['副职', 3], ['委员', 3], ['专职社区工作者', 5]])
      expect(posts).toEqual(FOUR_POSTS.map(({ id, name, duties }) => ({ postId: id, name, duties })))

      const edited = { ...posts[2], duties: ['联系辖区单位和物业公司'] }
      dataOf(await call('post.save', { post: edited }))
      dataOf(await call('admin.setup', {}))
      expect(dataOf<Post[]>(await call('post.list', {}))).toEqual([posts[0], posts[1], edited, posts[3]])
    } finally {
      empty.close()
    }
  })
})

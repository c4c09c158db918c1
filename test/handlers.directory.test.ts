// grid.directory through dispatch on a real SqliteStore with the demo organisation (浮山办事处: 银泉社区 with
// 6 grids and 18 workers, 青龙社区 with 4 grids and 12; workers go round-robin over their community's grids,
// so every grid has 3): "my grid worker" — communities, then a community's grids, each with its workers' cards.
import { demoOrg } from '@backend/demo/seedOrg'
import { FOUR_POSTS } from '@backend/catalog/fourPosts'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import type { GridDirectory } from '@core/catalog'
import { DEFAULT_SETTINGS } from '@core/settings'
import { createHarness, dataOf } from './support/apiHarness'
import { callerOn } from './support/demoCaller'

let store: SqliteStore
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  await store.putOrg(demoOrg())
  await store.saveSettings(DEFAULT_SETTINGS)
})
afterEach(() => store.close())

const directory = (payload: unknown, openid: string | null = null) =>
  callerOn(store, { now: new Date('2026-03-15T02:00:00Z') }).call('grid.directory', payload, openid)
const duties = (name: string) => FOUR_POSTS.find((post) => post.name === name)?.duties

it('lists every community with its sub-district to anyone, sub-district first, in pinyin order (浮 fu before 温 wen; 青 qing before 银 yin), and no grids', async () => {
  expect(await directory({})).toEqual({
    ok: true,
    data: {
      communities: [
        { communityId: 'qinglong', name: '青龙社区', subdistrict: '浮山办事处' },
        { communityId: 'yinquan', name: '银泉社区', subdistrict: '浮山办事处' },
        // 淦 gan would come before 青 qing, but 温泉办事处 sorts after 浮山办事处
        { communityId: 'ganhe', name: '淦河社区', subdistrict: '温泉办事处' },
      ],
      grids: [],
    },
  })
})

it("gives 银泉社区's 6 grids in pinyin order with their households (2438 in all), 3 workers each", async () => {
  const { communities, grids } = dataOf<GridDirectory>(await directory({ communityId: 'yinquan' }, 'dev-resident-1'))
  expect(communities).toEqual([{ communityId: 'yinquan', name: '银泉社区', subdistrict: '浮山办事处' }])
  // 丹桂 dan, 桂花苑 gui, 温泉路 wen, 幸福里 xing, 银泉花园 yinquanhua, 银泉新村 yinquanxin
  expect(grids.map((g) => [g.name, g.households])).toEqual([
    ['丹桂小区网格', 384],
    ['桂花苑网格', 412],
    ['温泉路网格', 327],
    ['幸福里网格', 356],
    ['银泉花园网格', 468],
    ['银泉新村网格', 491],
  ])
  expect(grids.reduce((sum, g) => sum + g.households, 0)).toBe(2438) // 384 + 412 + 327 + 356 + 468 + 491
  // Worker i (0-based) of the community serves grid i mod 6: 丹桂 (the 6th grid) has YQ06, YQ12, YQ18.
  expect(grids.map((g) => g.workers.map((w) => w.workerCode))).toEqual([
    ['YQ06', 'YQ12', 'YQ18'],
    ['YQ02', 'YQ08', 'YQ14'],
    ['YQ04', 'YQ10', 'YQ16'],
    ['YQ03', 'YQ09', 'YQ15'],
    ['YQ01', 'YQ07', 'YQ13'],
    ['YQ05', 'YQ11', 'YQ17'],
  ])
})

it("shows each of a grid's workers with the card a resident gets from worker.card: post, duties, households", async () => {
  const { grids } = dataOf<GridDirectory>(await directory({ communityId: 'yinquan' }))
  const garden = grids.find((g) => g.name === '银泉花园网格')
  expect(garden).toEqual({
    gridId: 'yinquan-g1',
    name: '银泉花园网格',
    households: 468,
    workers: [
      { workerCode: 'YQ01', name: '刘建华', post: '正职', duties: duties('正职'), community: '银泉社区', grid: '银泉花园网格', households: 468 },
      { workerCode: 'YQ07', name: '孙桂兰', post: '专职社区工作者', duties: duties('专职社区工作者'), community: '银泉社区', grid: '银泉花园网格', households: 468 },
      { workerCode: 'YQ13', name: '胡晓明', post: '专职社区工作者', duties: duties('专职社区工作者'), community: '银泉社区', grid: '银泉花园网格', households: 468 },
    ],
  })
  expect(duties('正职')).toHaveLength(4)
  expect(duties('专职社区工作者')).toHaveLength(5)
  const card = await callerOn(store, { now: new Date() }).call('worker.card', { workerCode: 'YQ07' }, null)
  expect(dataOf(card)).toEqual(garden?.workers[1])
})

it("gives 青龙社区's 4 grids (滨 bin, 龙 long, 青龙街 jie before 青龙山庄 shan), 1626 households, 12 workers", async () => {
  const { grids } = dataOf<GridDirectory>(await directory({ communityId: 'qinglong' }))
  expect(grids.map((g) => `${g.name} ${g.households} ${g.workers.map((w) => `${w.name}(${w.post})`).join(' ')}`)).toEqual([
    '滨河苑网格 476 宋春霞(委员) 曹宇(专职社区工作者) 谢勇(专职社区工作者)',
    '龙潭小区网格 395 马俊(副职) 唐建国(专职社区工作者) 邓军(专职社区工作者)',
    '青龙街网格 318 郭美玲(委员) 冯丽娟(专职社区工作者) 许慧(专职社区工作者)',
    '青龙山庄网格 437 杨光荣(正职) 韩雪(专职社区工作者) 彭小红(专职社区工作者)',
  ])
  expect(grids.reduce((sum, g) => sum + g.households, 0)).toBe(1626) // 476 + 395 + 318 + 437
  expect(grids.flatMap((g) => g.workers)).toHaveLength(12)
})

it('says so when the community is unknown, and rejects an id that is not one', async () => {
  expect(await directory({ communityId: 'nope' })).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这个社区，请重新选择' })
  expect(await directory({ communityId: '' })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '社区编号格式不对' })
  expect(await directory({ communityId: 42 })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '社区编号格式不对' })
})

describe('grids with several workers or none (smallOrg)', () => {
  it('lists a grid nobody serves with no workers, and a grid’s workers by post rank, not by code', async () => {
    const api = await createHarness(new Date('2026-03-15T02:00:00Z'))
    try {
      await api.store.putOrg({
        subdistricts: [],
        communities: [],
        grids: [{ id: 'g-yq-2', name: '银泉第二网格', communityId: 'c-yinquan', households: 300 }],
        posts: [{ id: 'post-zhengzhi', name: '正职', duties: ['主持社区工作'] }],
        // W009 holds 正职, the first of the four posts: listed before W001 (专职社区工作者) in the same grid.
        workers: [{ code: 'W009', name: '赵刚', postId: 'post-zhengzhi', communityId: 'c-yinquan', gridId: 'g-yq-1', subdistrictId: 'sd-fushan' }],
        principals: [],
      })
      const { grids } = dataOf<GridDirectory>(await api.call({ action: 'grid.directory', payload: { communityId: 'c-yinquan' } }, null))
      expect(grids.map((g) => [g.name, g.workers.map((w) => `${w.workerCode} ${w.post}`)])).toEqual([
        ['银泉第二网格', []],
        ['银泉第一网格', ['W009 正职', 'W001 专职社区工作者']],
      ])
    } finally {
      api.close()
    }
  })
})

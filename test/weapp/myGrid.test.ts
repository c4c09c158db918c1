// "My grid worker" in the weapp build, rendered by WeChat's compiler over the demo organisation:
// a resident picks their community, then their 小区, on pages/mygrid/index; the choice stays in WeChat's
// storage on the phone; the home page then shows who serves that grid — each worker's card with post,
// duties (folded after two lines) and households, 评价这位社区工作者 and 换一个小区. Run `npm run build:weapp` first.
import { demoOrg } from '@backend/demo/seedOrg'
import { FOUR_POSTS } from '@backend/catalog/fourPosts'
import { createWorld, type WeappWorld } from './harness'

/** Where src/hooks/myGrid.ts keeps the choice in WeChat's storage (importing it would load Taro here). */
const MY_GRID_KEY = 'community3456.myGrid'

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

const dutiesOf = (name: string) => FOUR_POSTS.find((post) => post.name === name)?.duties ?? []

describe('picking my 小区 (pages/mygrid/index)', () => {
  it('asks for the community, then the 小区 with its households, remembers both and goes home', async () => {
    const page = await world.openPage('pages/mygrid/index')
    await page.waitForText('您住在哪个社区？')
    await page.waitForText('银泉社区')
    // 浮山 (fu) before 温泉 (wen)
    expect(page.textsOf('.mygrid__group-title')).toEqual(['浮山办事处', '温泉办事处'])
    expect(page.textsOf('.choice__title')).toEqual(['青龙社区', '银泉社区', '淦河社区'])
    expect(world.storage.has(MY_GRID_KEY)).toBe(false)

    await page.tap('银泉社区')
    await page.waitForText('您住在银泉社区的哪个小区？')
    await page.waitForText('银泉花园')
    expect(world.callsOf('grid.directory').map((call) => call.payload)).toEqual([{}, { communityId: 'yinquan' }])
    expect(page.textsOf('.choice__title')).toEqual(['丹桂小区', '桂花苑', '温泉路', '幸福里', '银泉花园', '银泉新村'])
    expect(page.textsOf('.choice__detail')).toEqual(['384 户居民', '412 户居民', '327 户居民', '356 户居民', '468 户居民', '491 户居民'])

    await page.tap('银泉花园')
    await page.waitFor(() => world.navigations.length === 1, 'a navigation home')
    expect(world.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }])
    expect(world.storage.get(MY_GRID_KEY)).toEqual({ communityId: 'yinquan', gridId: 'yinquan-g1' })
  })

  it('opens at the 小区 of a community it is given, and goes back to the communities on 换一个社区', async () => {
    const page = await world.openPage('pages/mygrid/index', { communityId: 'qinglong' })
    await page.waitForText('您住在青龙社区的哪个小区？')
    await page.waitForText('青龙山庄')
    expect(page.textsOf('.choice__title')).toEqual(['滨河苑', '龙潭小区', '青龙街', '青龙山庄'])
    await page.tap('换一个社区')
    await page.waitForText('您住在哪个社区？')
    await page.waitForText('银泉社区')
    expect(world.storage.has(MY_GRID_KEY)).toBe(false)
  })

  it('offers a name filter when a city has more than 8 communities, and says when nothing matches', async () => {
    await world.close()
    const org = demoOrg()
    // the demo's 温泉办事处 (淦河社区) gets 9 more communities
    for (let i = 1; i <= 9; i += 1) org.communities.push({ id: `wq-${i}`, name: `温泉第${i}社区`, subdistrictId: 'wenquan' })
    world = await createWorld({ seed: org })
    const page = await world.openPage('pages/mygrid/index')
    await page.waitForText('温泉第9社区')
    // 3 + 9 = 12 communities, in two groups: 浮山 (fu) before 温泉 (wen)
    expect(page.textsOf('.mygrid__group-title')).toEqual(['浮山办事处', '温泉办事处'])
    expect(page.all('.choice')).toHaveLength(12)
    await page.input({ selector: '.mygrid__filter' }, '银泉')
    await page.waitFor(() => page.all('.choice').length === 1, 'one community left')
    expect(page.textsOf('.choice__title')).toEqual(['银泉社区'])
    await page.input({ selector: '.mygrid__filter' }, '月亮湾')
    await page.waitForText('没有名称里带“月亮湾”的社区')
    expect(page.all('.choice')).toHaveLength(0)
  })

  it('says so when the community it is given no longer exists', async () => {
    const page = await world.openPage('pages/mygrid/index', { communityId: 'gone' })
    await page.waitForText('没有找到这个社区')
    await page.waitForText('请重新选择您住的社区。')
    expect(page.findByText('换一个社区')).toHaveLength(1)
  })
})

describe("the home page's grid worker (pages/index/index)", () => {
  it('says what to do when no 小区 is picked yet, and opens the picker', async () => {
    const page = await world.openPage('pages/index/index')
    await page.waitForText('选择您住的小区，看看谁在为您服务')
    await page.tap('选择我住的小区')
    await page.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/mygrid/index' }])
    expect(world.callsOf('grid.directory')).toEqual([])
  })

  it("shows the three workers of the remembered grid, each with post, folded duties and households, and 评价这位社区工作者", async () => {
    world.storage.set(MY_GRID_KEY, { communityId: 'yinquan', gridId: 'yinquan-g1' })
    const page = await world.openPage('pages/index/index')
    await page.waitForText('孙桂兰')
    expect(page.textsOf('.my-grid__where')).toEqual(['银泉社区 · 银泉花园'])
    expect(page.textsOf('.my-grid .worker-card__name')).toEqual(['刘建华', '孙桂兰', '胡晓明'])
    expect(page.textsOf('.my-grid .worker-card__post')).toEqual(['正职', '专职社区工作者', '专职社区工作者'])
    // 社区 and 网格 are said once above the cards; each card keeps the households it serves.
    expect(page.textsOf('.my-grid .worker-card__value')).toEqual(['468 户居民', '468 户居民', '468 户居民'])
    expect(page.textsOf('.my-grid .worker-card__duties-title')).toEqual(['负责的工作', '负责的工作', '负责的工作'])
    expect(page.textsOf('.my-grid .worker-card__duty-text')).toEqual([...dutiesOf('正职'), ...dutiesOf('专职社区工作者'), ...dutiesOf('专职社区工作者')])
    expect(page.all('.worker-card__duty-list--folded')).toHaveLength(3)
    expect(page.textsOf('.worker-card__fold-text')).toEqual(['展开全部', '展开全部', '展开全部'])

    await page.tap({ selector: '.worker-card__fold', index: 1 })
    await page.waitFor(() => page.textsOf('.worker-card__fold-text').join() === '展开全部,收起,展开全部', '孙桂兰 unfolded')
    expect(page.all('.worker-card__duty-list--folded')).toHaveLength(2)
    await page.tap('收起')
    await page.waitFor(() => page.all('.worker-card__duty-list--folded').length === 3, 'folded again')

    await page.tap({ selector: '.my-grid__rate', index: 1 })
    await page.tap('换一个小区')
    await page.waitFor(() => world.navigations.length === 2, 'two navigations')
    expect(world.navigations).toEqual([
      { kind: 'navigateTo', url: '/pages/rate/index?scene=YQ07' },
      { kind: 'navigateTo', url: '/pages/mygrid/index?communityId=yinquan' },
    ])
  })

  it('asks to pick again when the remembered 小区 is gone', async () => {
    world.storage.set(MY_GRID_KEY, { communityId: 'yinquan', gridId: 'yinquan-g99' })
    const page = await world.openPage('pages/index/index')
    await page.waitForText('没有找到您选的小区')
    expect(page.all('.my-grid .worker-card')).toHaveLength(0)
    await page.tap('重新选择小区')
    await page.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/mygrid/index' }])
  })
})

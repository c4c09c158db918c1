// The held comments page (staff/comments/index) and the privacy page (pages/privacy/index) in the weapp
// build, rendered by WeChat's compiler over the demo: a resident's comment the local keyword list holds (骗子) shows for 浮山's staff with the worker, the level in
// words and a pseudonym, never the openid, a phone number in it masked; 通过 asks first, 确认通过 releases
// it (comment.decide, stored 'pass') and it leaves the list with a confirmation, 取消 keeps it; 不通过
// rejects; an empty queue and a resident are told so. The privacy page says what is stored (WeChat's
// privacy agreement: privacy.test.ts); it and the home page offer 联系客服. Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { pseudonymOf } from '@backend/secrets/pseudonyms'
import { residentRatingId } from '@backend/store/ids'
import { sealRatingId } from '@backend/secrets/sealedRefs'
import { addMonths, monthOf, periodLabel } from '@core/periods'
import { dataOf } from '../support/apiHarness'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'
import { TEST_SECRETS } from '../support/secrets'

const STAFF = { openid: DEMO_SUBDISTRICT_STAFF } // 浮山办事处 王科长
const RATER = 'weapp-comment-rater'

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

async function holdComment(rater: string, workerCode: string, level: number, comment: string): Promise<string> {
  const reply = await world.backend.call({ action: 'rating.submit', payload: { workerCode, level, comment, idempotencyKey: `weapp-${rater}-${workerCode}` } }, rater)
  dataOf(reply)
  const id = residentRatingId(rater, workerCode, monthOf(new Date()))
  expect(await world.store.getResidentRating(id)).toMatchObject({ commentStatus: 'review' })
  return id
}

describe('staff/comments/index', () => {
  it('shows a held comment with the worker, the level in words, a pseudonym and a phone number masked; 通过, then 确认通过, releases it', async () => {
    const id = await holdComment(RATER, 'YQ04', 2, '这人是骗子，办事拖拉，打我 1 3 9 1 2 3 4 5 6 7 8')
    const page = await world.openPage('staff/comments/index', {}, STAFF)
    await page.waitForText('“这人是骗子，办事拖拉，打我 139****5678”')
    expect(page.text()).not.toContain('1 2 3 4 5 6 7 8')
    expect(page.has('浮山办事处：待审核 1 条')).toBe(true)
    expect(page.textsOf('.held-comment__worker')).toEqual(['张丽（YQ04）'])
    expect(page.textsOf('.held-comment__meta')[0]).toMatch(/^居民评价 · 不满意 · \d+月\d+日$/)
    expect(page.textsOf('.held-comment__rater')).toEqual([`${pseudonymOf(RATER, TEST_SECRETS.pseudonymKey)}（化名，同一评价人始终相同）`])
    expect(page.text()).not.toContain(RATER)
    expect(page.has(/先经过内容检查/)).toBe(true)

    await page.tap('通过')
    await page.waitForText(/确定通过吗/)
    expect(world.callsOf('comment.decide')).toEqual([])
    await page.tap('取消')
    await page.waitForNoText(/确定通过吗/)
    await page.tap('通过')
    await page.tap('确认通过')
    await page.waitForText('已通过')
    await page.waitForNoText('“这人是骗子，办事拖拉，打我 139****5678”')
    expect(page.has('没有待审核的留言')).toBe(true)
    // The page passes back the sealed token comment.list gave, never the rating's own id.
    const sealed = sealRatingId({ kind: 'resident', id }, TEST_SECRETS.idKey)
    expect(world.callsOf('comment.decide')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ ref: { kind: 'resident', id: sealed }, decision: 'release' }), reply: { ok: true, data: { ref: { kind: 'resident', id: sealed }, status: 'pass' } } })])
    expect(await world.store.getResidentRating(id)).toMatchObject({ commentStatus: 'pass' })
  })

  it('不通过 rejects one of two and keeps the other in the list', async () => {
    const first = await holdComment(RATER, 'YQ04', 1, '混蛋服务')
    await holdComment('weapp-comment-rater-2', 'YQ05', 2, '态度像骗子')
    const page = await world.openPage('staff/comments/index', {}, STAFF)
    await page.waitForText('浮山办事处：待审核 2 条')
    await page.tap({ selector: '.held-comment__button--reject', index: 0 })
    await page.waitForText('已设为不通过')
    await page.waitForText('浮山办事处：待审核 1 条')
    expect(page.has('“混蛋服务”')).toBe(false)
    expect(page.has('“态度像骗子”')).toBe(true)
    expect(await world.store.getResidentRating(first)).toMatchObject({ commentStatus: 'rejected' })
  })

  it('says so when nothing is held, and tells a resident the page is for sub-district staff', async () => {
    const staffPage = await world.openPage('staff/comments/index', {}, STAFF)
    await staffPage.waitForText('没有待审核的留言')
    const residentPage = await world.openPage('staff/comments/index', {}, { openid: RESIDENT_OPENID })
    await residentPage.waitForText('这里只对街道工作人员开放')
    await world.settled(residentPage)
    expect(world.callsOf('comment.list').filter((call) => call.openid === RESIDENT_OPENID)).toEqual([])
  })
})

describe('worker/home/index: the comments a worker sees', () => {
  it("once this month has closed, its 5 ratings of 刘建华 show the passed comment, not the held one, with the month and never who", async () => {
    // Rated now, read once the month has closed (trust rule 5): the backend's clock then moves to the 1st of next month.
    const thisMonth = monthOf(new Date())
    let clock = new Date()
    world.close()
    world = await createWorld({ now: () => clock })
    await holdComment(RATER, 'YQ01', 2, '像个骗子一样推脱')
    for (const [i, level] of [5, 4, 4, 5].entries()) {
      const comment = i === 0 ? { comment: '办事很耐心' } : {}
      dataOf(await world.backend.call({ action: 'rating.submit', payload: { workerCode: 'YQ01', level, ...comment, idempotencyKey: `weapp-own-${i}` } }, `weapp-own-rater-${i}`))
    }
    clock = new Date(`${addMonths(thisMonth, 1)}-01T02:00:00.000Z`)
    const page = await world.openPage('worker/home/index', {}, { openid: 'dev-worker-YQ01' })
    await page.tap({ selector: '.worker-chip', index: 3 }) // this month, by the page's clock; closed by the backend's
    await page.waitForText('留言（1 条，不显示是谁写的）')
    expect(page.textsOf('.own-comments__text')).toEqual(['“办事很耐心”'])
    expect(page.textsOf('.own-comments__month')).toEqual([periodLabel(monthOf(new Date()))])
    expect(page.text()).not.toMatch(/骗子|weapp-own-rater|评价人 [A-Z2-9]{6}/)
  })
})

describe('privacy', () => {
  it('pages/privacy/index says what is stored, who sees what and how long', async () => {
    const page = await world.openPage('pages/privacy/index')
    await page.waitForText('隐私说明')
    expect(page.textsOf('.privacy__title')).toEqual(['我们保存什么', '需要您同意的微信功能', '谁能看到什么', '留言先检查再显示', '差评的回访和整改', '保存多久'])
    // WeChat's privacy APIs the app calls, and the phone number left for a call-back; not 扫一扫 or subscribe messages.
    expect(page.has(/保存到相册（只写入，不读取您的照片）/)).toBe(true)
    expect(page.has(/选择聊天中的文件/)).toBe(true)
    expect(page.has(/手机号：只在您给出差评后自己填写、自愿留下时保存/)).toBe(true)
    expect(page.has(/不要您的姓名，也不读取您的位置/)).toBe(true)
    expect(page.has(/自愿留下手机号，方便社区回访/)).toBe(true)
    expect(page.has(/一类评价不少于 5 条时才显示/)).toBe(true)
  })

  it('the home page links to it from its foot', async () => {
    const home = await world.openPage('pages/index/index')
    await home.tap('隐私说明：我们保存什么、谁能看到 ›')
    await home.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/privacy/index' }])
  })

  it('the home page and the privacy page offer 联系客服, a button that opens WeChat’s 客服 chat', async () => {
    for (const route of ['pages/index/index', 'pages/privacy/index']) {
      const page = await world.openPage(route)
      await page.waitForText('联系客服')
      expect(page.textsOf('.service-chat')).toEqual(['联系客服'])
      expect(await page.attr({ selector: '.service-chat' }, 'openType')).toBe('contact')
    }
  })
})

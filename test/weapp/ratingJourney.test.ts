// A resident's journey in the weapp build: scan a worker's code (the page opens with `scene`, URI-encoded,
// DESIGN section 7), choose a level, write a comment, submit, read the result — and the rating is in the
// store with that level and comment (DESIGN sections 3 and 6). Run `npm run build:weapp` first.
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { TEST_SECRETS } from '../support/secrets'
import { monthOf, periodLabel } from '@core/periods'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'

const RATER = 'weapp-resident-journey'
const COMMENT = '楼道灯坏了当天就修好了' // 11 characters

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

it('rates a worker from their code: a level, a comment, submit, the result, and the rating stored', async () => {
  const month = monthOf(new Date())
  const page = await world.openPage('pages/rate/index', { scene: encodeURIComponent('YQ03') }, { openid: RATER })
  await page.waitForText('您对陈秀英的工作满意吗？')

  await page.tap('满意')
  await page.waitFor(() => page.textsOf('.level-choice--chosen .level-choice__label').join() === '满意', 'the choice 满意 marked chosen')
  expect(page.textsOf('.level-choice--chosen')).toEqual(['✓满意已选'])
  await page.input({ selector: '.rating-form__comment' }, COMMENT)
  await page.waitForText('11/200 字')
  // What the textarea WeChat draws is bound to: the typed text came back through React, within the limit.
  expect(await page.attr({ selector: '.rating-form__comment' }, 'value')).toBe(COMMENT)
  expect(await page.attr({ selector: '.rating-form__comment' }, 'maxlength')).toBe(200)
  await page.tap('提交评价')

  await page.waitForText('评价已提交，谢谢您')
  expect(page.text()).toContain('您给陈秀英的评价：满意')
  expect(page.text()).toContain(`这条评价计入 ${periodLabel(month)}。`)
  expect(page.text()).toContain('这个月内再评一次，会替换这一次的评价，每人每月只算一条。')
  expect(page.text()).toContain('您写的话经过审核后，才会给被评价的工作者看，不显示是谁写的。')
  expect(page.has('非常满意')).toBe(false) // the form is gone: one decision per screen

  const [submit] = world.callsOf('rating.submit')
  expect(submit.payload).toEqual({ workerCode: 'YQ03', level: 4, comment: COMMENT, idempotencyKey: expect.any(String) })
  const { ratingId } = dataOf<{ ratingId: string }>(submit.reply)
  // Keyed (ids.ts ratingRefId): never the document's plain hash of openid, worker and month.
  expect(ratingId).toBe(ratingRefId({ kind: 'resident', id: residentRatingId(RATER, 'YQ03', month) }, TEST_SECRETS.idKey))
  expect(await world.store.getResidentRating(residentRatingId(RATER, 'YQ03', month))).toEqual(
    expect.objectContaining({ openid: RATER, workerCode: 'YQ03', month, level: 4, comment: COMMENT, commentStatus: 'pass' }),
  )

  await page.tap('回到首页')
  await page.waitFor(() => world.navigations.length === 1, 'the way home')
  expect(world.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }])
})

it('says a second rating in the same month replaced the first, and stores only the second', async () => {
  const month = monthOf(new Date())
  const first = await world.openPage('pages/rate/index', { scene: 'QL01' }, { openid: RATER })
  await first.tap('不满意')
  await first.waitForText('提交评价')
  await first.tap('提交评价')
  await first.waitForText('评价已提交，谢谢您')
  first.close()

  const again = await world.openPage('pages/rate/index', { scene: 'QL01' }, { openid: RATER })
  await again.tap('非常满意')
  await again.waitForText('提交评价')
  await again.tap('提交评价')
  await again.waitForText('它已替换您这个月之前给 TA 的评价，每人每月只算一条。')
  expect(again.text()).toContain('您给杨光荣的评价：非常满意')
  expect(again.has('您写的话经过审核后')).toBe(false) // no comment this time
  expect(await world.store.getResidentRating(residentRatingId(RATER, 'QL01', month))).toEqual(
    expect.objectContaining({ level: 5, comment: '' }),
  )
})

it('shows its not-found message for a code no worker has, after the handler answered NOT_FOUND', async () => {
  const page = await world.openPage('pages/rate/index', { scene: encodeURIComponent('ZZ-99') }, { openid: RATER })
  await page.waitForText('没有找到编号为 ZZ-99 的社区工作者')
  expect(page.text()).toContain('请核对二维码或编号，回到首页重新扫码或输入。')
  expect(world.callsOf('worker.card')).toEqual([
    expect.objectContaining({
      payload: { workerCode: 'ZZ-99' },
      reply: { ok: false, code: 'NOT_FOUND', message: '没有找到这位社区工作者，请确认二维码或编号' },
    }),
  ])
  expect(page.all('.level-choice')).toHaveLength(0)
  expect(page.has('再试一次')).toBe(false) // trying the same code again cannot help
  await page.tap('回到首页')
  await page.waitFor(() => world.navigations.length === 1, 'the way home')
  expect(world.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }])
  const home = await world.follow(world.navigations[0], { openid: RATER })
  await home.waitForText('扫一扫')
})

it("refuses a worker's rating of themself in the page's words, and stores nothing", async () => {
  const self = 'dev-worker-YQ01' // bound to 刘建华, YQ01
  const page = await world.openPage('pages/rate/index', { scene: 'YQ01' }, { openid: self })
  await page.tap('非常满意')
  await page.waitForText('提交评价')
  await page.tap('提交评价')
  await page.waitForText('不能给自己评价')
  expect(page.text()).toContain('这个评价码是留给您服务的居民用的。')
  expect(world.callsOf('rating.submit').map((call) => call.reply)).toEqual([expect.objectContaining({ ok: false, code: 'SELF_RATING' })])
  expect(await world.store.getResidentRating(residentRatingId(self, 'YQ01', monthOf(new Date())))).toBeNull()
})

it('after 非常不满意 says why 留下电话 is grey (10 digits: one missing), then repeats the number left', async () => {
  const page = await world.openPage('pages/rate/index', { scene: encodeURIComponent('YQ03') }, { openid: RATER })
  await page.waitForText('您对陈秀英的工作满意吗？')
  await page.tap('非常不满意')
  await page.tap('提交评价')
  await page.waitForText('社区会回访并整改')
  await page.waitForText('填好 11 位手机号后，才能留下电话')

  await page.input({ selector: '.follow-up__phone' }, '1380013800')
  await page.waitForText('手机号是 11 位数字，还差 1 位')
  await page.tap('留下电话') // grey: sends nothing
  await world.settled(page)
  expect(world.callsOf('case.contact')).toEqual([])

  await page.input({ selector: '.follow-up__phone' }, '13800138000')
  await page.waitForNoText(/手机号是 11 位数字/)
  await page.tap('留下电话')
  await page.waitForText('已告诉社区，谢谢您')
  await page.waitForText('社区会打 138 0013 8000 回访您。')
  expect(world.callsOf('case.contact')).toEqual([expect.objectContaining({ payload: { caseId: expect.any(String), phone: '13800138000' }, reply: expect.objectContaining({ ok: true }) })])
})

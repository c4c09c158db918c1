// The person served, in the weapp build (一次一评): the worker shows a visit's code, the person
// scans it (the feedback page opens with `scene` = the visit code, URI-encoded), sees who served them, what
// and when, picks a level, submits, reads the result — and the feedback is in the store. The states they
// cannot change are said in words: an unknown code, a visit already rated, a closed window, their own visit.
import { monthOf, periodLabel } from '@core/periods'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'
import { withKey } from '../support/keys'

const WORKER = 'dev-worker-YQ01' // 刘建华, YQ01 of 银泉社区
const RECIPIENT = 'weapp-recipient-1'
const COMMENT = '帮我把材料都交上去了' // 10 characters

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

async function logVisit(type = '帮办代办'): Promise<string> {
  return dataOf<{ visitCode: string }>(await world.backend.call({ action: 'visit.log', payload: { type } }, WORKER)).visitCode
}

it('rates a visit from its code: who, what and when, a level, a comment, submit, the result, and the feedback stored', async () => {
  const visitCode = await logVisit()
  const page = await world.openPage('pages/feedback/index', { scene: encodeURIComponent(visitCode) }, { openid: RECIPIENT })
  await page.waitForText('您对这次服务满意吗？')
  expect(page.textsOf('.served-by__name')).toEqual(['刘建华'])
  expect(page.textsOf('.served-by__value')).toEqual(['帮办代办', expect.stringMatching(/^今天 \d\d:\d\d$/)])
  expect(page.textsOf('.level-choice .level-choice__label')).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
  expect(page.all('.level-choice--chosen')).toHaveLength(0) // nothing pre-selected

  await page.tap('基本满意')
  await page.waitFor(() => page.textsOf('.level-choice--chosen .level-choice__label').join() === '基本满意', 'the choice 基本满意 marked chosen')
  await page.input({ selector: '.rating-form__comment' }, COMMENT)
  await page.waitForText('10/200 字')
  await page.tap('提交评价')

  await page.waitForText('评价已提交，谢谢您')
  expect(page.text()).toContain('您对刘建华这次帮办代办服务的评价：基本满意')
  expect(page.text()).toContain(`这条评价计入 ${periodLabel(monthOf(new Date()))}。`)
  expect(page.text()).toContain('每次服务只能评价一次，这次服务的评价已经完成。')
  expect(page.text()).toContain('您写的话经过审核后，才会给被评价的工作者看，不显示是谁写的。')
  expect(page.has('非常满意')).toBe(false) // the form is gone

  expect(world.callsOf('feedback.submit').map((call) => call.payload)).toEqual([{ visitCode, level: 3, comment: COMMENT, idempotencyKey: expect.any(String) }])
  expect(await world.store.visits.getFeedback(visitCode)).toEqual(
    expect.objectContaining({ openid: RECIPIENT, workerCode: 'YQ01', level: 3, comment: COMMENT, commentStatus: 'pass', month: monthOf(new Date()) }),
  )
  await page.tap('回到首页')
  await page.waitFor(() => world.navigations.length === 1, 'the way home')
  expect(world.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }])
})

it('says so when the code names no visit, and offers only the way home', async () => {
  const page = await world.openPage('pages/feedback/index', { scene: 'V0000000000000000' }, { openid: RECIPIENT })
  await page.waitForText('没有找到这次服务')
  expect(page.text()).toContain('请让社区工作者重新出示评价码，再扫一次。')
  expect(world.callsOf('visit.card')).toEqual([expect.objectContaining({ reply: expect.objectContaining({ ok: false, code: 'NOT_FOUND' }) })])
  expect(page.all('.level-choice')).toHaveLength(0)
  expect(page.has('再试一次')).toBe(false)
})

it('tells the worker who scans their own visit code that they cannot rate it', async () => {
  const visitCode = await logVisit()
  const page = await world.openPage('pages/feedback/index', { scene: visitCode }, { openid: WORKER })
  await page.waitForText('这是您自己的服务')
  expect(page.text()).toContain('不能评价自己的服务。请把评价码出示给服务对象，让对方用微信扫一扫。')
  expect(page.all('.level-choice')).toHaveLength(0)
})

it('says a visit already rated cannot be rated again', async () => {
  const visitCode = await logVisit('关爱走访')
  dataOf(await world.backend.call({ action: 'feedback.submit', payload: withKey({ visitCode, level: 5 }) }, 'someone-else'))
  const page = await world.openPage('pages/feedback/index', { scene: visitCode }, { openid: RECIPIENT })
  await page.waitForText('这次服务已经评价过了')
  expect(page.text()).toContain('刘建华的这次关爱走访服务已经有人评价，每次服务只能评价一次。')
  expect(page.all('.level-choice')).toHaveLength(0)
})

it('says the window has closed for a visit of 8 days ago', async () => {
  const at = new Date(Date.now() - 8 * 24 * 3600 * 1000)
  await world.store.visits.putVisit({ visitCode: 'VoldVisit00000001', workerCode: 'YQ01', subdistrictId: 'fushan', communityId: 'yinquan', type: '政策宣传', place: '', note: '', at: at.toISOString() })
  const page = await world.openPage('pages/feedback/index', { scene: 'VoldVisit00000001' }, { openid: RECIPIENT })
  await page.waitForText('这次服务的评价已经截止')
  expect(page.text()).toMatch(/评价截止于 (昨天 |\d+月\d+日 )\d\d:\d\d。想说说刘建华的工作，可以扫 TA 胸牌上的二维码。/)
  expect(page.all('.level-choice')).toHaveLength(0)
})

it('says in its words when someone else rated the visit while the form was open, and keeps their feedback', async () => {
  const visitCode = await logVisit()
  const page = await world.openPage('pages/feedback/index', { scene: visitCode }, { openid: RECIPIENT })
  await page.waitForText('您对这次服务满意吗？')
  dataOf(await world.backend.call({ action: 'feedback.submit', payload: withKey({ visitCode, level: 4 }) }, 'someone-else'))
  await page.tap('非常不满意')
  await page.waitForText('提交评价')
  await page.tap('提交评价')
  await page.waitForText('每次服务只能评价一次，不用再评。')
  expect(page.textsOf('.notice--error .notice__title')).toEqual(['这次服务已经评价过了'])
  expect(await world.store.visits.getFeedback(visitCode)).toEqual(expect.objectContaining({ openid: 'someone-else', level: 4 }))
})

it('says plainly that a worker no longer in post takes no feedback, instead of the form', async () => {
  const visitCode = await logVisit('关爱走访')
  const worker = await world.store.getWorker('YQ01')
  await world.store.org.updateWorker('YQ01', { postId: worker?.postId ?? '', gridId: worker?.gridId ?? '', active: false })
  const page = await world.openPage('pages/feedback/index', { scene: visitCode }, { openid: RECIPIENT })
  await page.waitForText('这位社区工作者已不在岗，不能再评价')
  expect(page.text()).toContain('刘建华已不在这个岗位上，以前的评价都会保留。想说说现在为您服务的工作者，可以扫 TA 胸牌上的二维码。')
  expect(page.all('.level-choice')).toHaveLength(0)
  expect(page.has('回到首页')).toBe(true)
})

it('says so when the worker left their post while the form was open, and stores nothing', async () => {
  const visitCode = await logVisit()
  const page = await world.openPage('pages/feedback/index', { scene: visitCode }, { openid: RECIPIENT })
  await page.waitForText('您对这次服务满意吗？')
  const worker = await world.store.getWorker('YQ01')
  await world.store.org.updateWorker('YQ01', { postId: worker?.postId ?? '', gridId: worker?.gridId ?? '', active: false })
  await page.tap('满意')
  await page.waitForText('提交评价')
  await page.tap('提交评价')
  await page.waitForText('以前的评价都会保留')
  expect(page.textsOf('.notice--error .notice__title')).toEqual(['这位社区工作者已不在岗，不能再评价'])
  expect(await world.store.visits.getFeedback(visitCode)).toBeNull()
})

// 我的工作台 (worker/home/index) in the weapp build, rendered by WeChat's compiler over the demo
// organisation, as the demo worker 刘建华 (dev-worker-YQ01): the greeting, the links to the code and the
// visit pages, a field session started and ended by taps, a forgotten one ended at the time the worker
// left (after 2 hours as after 13), this month's grid time and its six-month chart as gridtime.trend gives them, and the worker's own
// results with trust rule 5. Run `npm run build:weapp` first.
import type { ResultOf } from '@core/contract'
import { chinaClock, chinaDateTime } from '@core/fieldSessions'
import { addMonths, monthOf, periodLabel, periodsOfMonth } from '@core/periods'
import { dataOf } from '../support/apiHarness'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

const WORKER = { openid: 'dev-worker-YQ01' } // 刘建华, 正职, 银泉社区 银泉花园网格
/** The last half-year that has closed, as of a month: 2026-12 → 2026-H1, 2026-03 → 2025-H2. */
const lastClosedHalf = (month: string) => {
  const [, half, year] = periodsOfMonth(month)
  return half.endsWith('H2') ? `${year}-H1` : `${Number(year) - 1}-H2`
}
const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`)

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

async function answer<A extends 'gridtime.trend' | 'worker.results'>(action: A, payload: object, openid = WORKER.openid): Promise<ResultOf<A>> {
  return dataOf<ResultOf<A>>(await world.backend.call({ action, payload }, openid))
}

it('greets the worker and links to their code and to logging a visit', async () => {
  const page = await world.openPage('worker/home/index', {}, WORKER)
  await page.waitForText('刘建华，您好')
  await page.waitForText('正职 · 银泉社区 · 银泉花园网格')
  await page.tap('我的评价码')
  await page.tap('记录一次服务')
  expect(world.navigations).toEqual([
    { kind: 'navigateTo', url: '/worker/poster/index' },
    { kind: 'navigateTo', url: '/worker/visit/index' },
  ])
})

it('starts a field session with a tap, shows it running, and ends it with a tap', async () => {
  const page = await world.openPage('worker/home/index', {}, WORKER)
  await page.waitForText('开始下沉')
  expect(await page.attr({ selector: '.field-panel__grid' }, 'value')).toBe('银泉花园') // the worker's own grid, offered
  await page.tap('开始下沉')
  await page.waitForText('正在下沉')
  const [start] = world.callsOf('field.start')
  expect(start).toMatchObject({ openid: WORKER.openid, payload: { grid: '银泉花园' }, reply: { ok: true } })
  const { startedAt } = (start.reply as { data: ResultOf<'field.start'> }).data
  await page.waitForText(`今天 ${chinaClock(startedAt)} 开始 · 刚开始`)
  expect(await world.store.fieldTime.getOpenSession('YQ01')).toMatchObject({ startedAt, grid: '银泉花园' })

  await page.tap('结束下沉')
  await page.waitForText('已记录这次下沉')
  expect(world.callsOf('field.end')).toEqual([expect.objectContaining({ payload: {}, reply: { ok: true, data: expect.objectContaining({ minutes: expect.any(Number) }) } })])
  expect(await world.store.fieldTime.getOpenSession('YQ01')).toBeNull()
  await page.waitForText('开始下沉')
  // the grid time was read on opening, and again after the start and after the end
  await page.waitFor(() => world.callsOf('gridtime.trend').length === 3, 'gridtime.trend read after the start and the end')
})

it('ends a session left running for 13 hours at the time the worker says they left', async () => {
  // Started 13 hours ago, on the minute; the worker left 2 hours after the start.
  const startedAt = new Date(Math.floor((Date.now() - 13 * 3_600_000) / 60_000) * 60_000).toISOString()
  await world.store.fieldTime.startSession({ sessionId: 'forgotten', workerCode: 'YQ01', subdistrictId: 'fushan', communityId: 'yinquan', grid: '桂花苑', startedAt })
  const page = await world.openPage('worker/home/index', {}, WORKER)
  await page.waitForText('这次下沉超过 12 小时了，可能忘了结束')
  expect(page.has('结束下沉')).toBe(false)
  const leftAt = chinaClock(new Date(Date.parse(startedAt) + 2 * 3_600_000).toISOString())
  await page.input({ selector: '.field-panel__left-at' }, leftAt)
  await page.tap('按这个时间结束')
  await page.waitForText('已记录这次下沉：2 小时')
  expect(world.callsOf('field.end')).toEqual([
    expect.objectContaining({ payload: { endedAt: new Date(Date.parse(startedAt) + 2 * 3_600_000).toISOString() }, reply: { ok: true, data: { sessionId: 'forgotten', minutes: 120 } } }),
  ])
})

it('ends a session running for 2 hours at the time the worker left, asking first about a time still to come', async () => {
  // Started 2 hours ago, on the minute; the worker left 1 hour after the start and forgot to end it.
  const startedAt = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 60_000) * 60_000).toISOString()
  const at = (hours: number) => new Date(Date.parse(startedAt) + hours * 3_600_000).toISOString()
  await world.store.fieldTime.startSession({ sessionId: 'short', workerCode: 'YQ01', subdistrictId: 'fushan', communityId: 'yinquan', grid: '桂花苑', startedAt })
  const page = await world.openPage('worker/home/index', {}, WORKER)
  await page.waitForText('结束下沉')
  expect(page.has('这次下沉超过 12 小时了，可能忘了结束')).toBe(false)
  await page.tap('早就离开网格了？按离开的时间结束')
  await page.waitForText(`${chinaDateTime(startedAt)} 之后，不晚于现在`)

  // An hour from now has not come yet: said at once, nothing sent.
  await page.input({ selector: '.field-panel__left-at' }, chinaClock(at(3)))
  await page.tap('按这个时间结束')
  await page.waitForText(`结束时间 ${chinaDateTime(at(3))} 还没有到，不能记录将来的时间`)
  expect(world.callsOf('field.end')).toEqual([])

  await page.input({ selector: '.field-panel__left-at' }, chinaClock(at(1)))
  await page.tap('按这个时间结束')
  await page.waitForText('已记录这次下沉：1 小时')
  expect(world.callsOf('field.end')).toEqual([expect.objectContaining({ payload: { endedAt: at(1) }, reply: { ok: true, data: { sessionId: 'short', minutes: 60 } } })])
})

it("shows this month's grid time against the target and six months of bars, as gridtime.trend answers", async () => {
  const { months } = await answer('gridtime.trend', {})
  const current = months[5]
  const page = await world.openPage('worker/home/index', {}, WORKER)
  // 刘建华 staffs 银泉's hall some days (test/weapp/hallDays.test.ts): those go beside the ratio.
  await page.waitForText(current.hallDays > 0 ? `本月大厅值班 ${current.hallDays} 天，网格 ${percent(current.ratio)}` : `本月下沉网格 ${percent(current.ratio)}（目标 50%）`)
  await page.waitForText(`其中有服务或评价印证的 ${percent(current.corroboratedRatio)}`)
  expect(page.textsOf('.grid-time__month')).toEqual(months.map((m) => `${Number(m.period.slice(5, 7))}月`))
  expect(page.textsOf('.grid-time__value')).toEqual(months.map((m) => percent(m.ratio)))
})

it("opens on last month's results per party with n and score; this month shows only when it is published", async () => {
  const thisMonth = monthOf(new Date())
  const lastMonth = addMonths(thisMonth, -1)
  const own = await answer('worker.results', { period: lastMonth })
  expect(own).toMatchObject({ published: true, residents: { shown: true } }) // the demo's 刘建华 has 12+ resident ratings a month
  const page = await world.openPage('worker/home/index', {}, WORKER)
  if (own.published && own.residents.shown) await page.waitForText(`小区居民${own.residents.score.toFixed(1)} 分（${own.residents.n} 条评价）`)
  expect(page.textsOf('.worker-chip--on')).toEqual([periodLabel(lastMonth)])
  expect(page.textsOf('.worker-chip')).toEqual([lastMonth, addMonths(thisMonth, -2), lastClosedHalf(thisMonth), thisMonth].map(periodLabel))
  // This month is still running: no numbers, only when they are published (trust rule 5)
  await page.tap({ selector: '.worker-chip', index: 3 })
  await page.waitForText(`${periodLabel(thisMonth)}结束后公布`)
  const next = addMonths(thisMonth, 1)
  expect(page.has(`${Number(next.slice(5, 7))}月1日起可以查看。为保护评价人，考核期结束前不显示分数和留言。`)).toBe(true)
  expect(page.has('小区居民')).toBe(false)
})

it("shows a closed month's parties as the reply allows, with the n >= 5 rule's words below 5", async () => {
  // Two months ago, 服务对象 of 刘建华: the page shows what the reply allows, the rule's words below 5.
  const twoAgo = addMonths(monthOf(new Date()), -2)
  const own = await answer('worker.results', { period: twoAgo })
  expect(own.published).toBe(true)
  const page = await world.openPage('worker/home/index', {}, WORKER)
  await page.waitForText('小区居民')
  await page.tap({ selector: '.worker-chip', index: 1 })
  await page.waitFor(() => page.textsOf('.worker-chip--on')[0] === periodLabel(twoAgo), 'two months ago chosen')
  if (own.published && !own.recipients.shown) await page.waitForText('服务对象评价数不足5条，暂不显示')
  if (own.published && own.recipients.shown) await page.waitForText(`服务对象${own.recipients.score.toFixed(1)} 分（${own.recipients.n} 条评价）`)
})

it('tells someone who is not a worker that the page is for workers', async () => {
  const page = await world.openPage('worker/home/index', {}, { openid: RESIDENT_OPENID })
  await page.waitForText('我的工作台只对社区工作者开放')
  await world.settled(page)
  expect(world.callsOf('field.list')).toEqual([])
})

it('offers a worker 我的工作台 on the home page, and nobody else', async () => {
  const home = await world.openPage('pages/index/index', {}, WORKER)
  await home.tap('我的工作台')
  expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/worker/home/index' }])
  const resident = await world.openPage('pages/index/index', {}, { openid: RESIDENT_OPENID })
  await world.settled(resident)
  expect(resident.has('我的工作台')).toBe(false)
})

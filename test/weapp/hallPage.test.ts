// The hall's page in the weapp build (pages/hall/index), opened by the code at 银泉社区's counter
// (`scene` = hall-yinquan): on a working day within duty hours the person served picks, from today's
// workers on duty, who served them, rates the service as 服务对象 and reads the result — and the feedback
// counts in that worker's 服务对象 party. Outside duty hours, on a day off, or from a code that names no
// hall, the page says so plainly and offers no form. Run `npm run build:weapp` first.
import type { HallRotaView } from '@core/hallSchemas'
import type { EvaluationRow } from '@core/types'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'

const ADMIN = 'dev-community-yinquan'
const SUBDISTRICT = 'dev-subdistrict-fushan'
const RESIDENT = 'weapp-hall-resident-1'
const SCENE = encodeURIComponent('hall-yinquan')
/** Tuesday 1 December 2026, 10:00 China time: a working day, within the hall's morning hours (8:30–12:00). */
const TUESDAY_10AM = new Date('2026-12-01T02:00:00.000Z')

let now = TUESDAY_10AM
let world: WeappWorld
beforeEach(async () => {
  now = TUESDAY_10AM
  world = await createWorld({ now: () => now })
})
afterEach(() => world.close())

/** The admin generates December's rota from the setup the page would offer; today's workers on duty. */
async function onDutyToday(): Promise<Array<{ workerCode: string; name: string }>> {
  const { setup } = dataOf<HallRotaView>(await world.backend.call({ action: 'hall.rota.get', payload: { period: '2026-12' } }, ADMIN))
  const view = dataOf<HallRotaView>(
    await world.backend.call({ action: 'hall.rota.generate', payload: { ...setup, period: '2026-12', idempotencyKey: 'weapp-hall-page-1' } }, ADMIN),
  )
  return view.rota?.days.find((day) => day.date === '2026-12-01')?.duties ?? []
}

async function recipientsOf(workerCode: string): Promise<EvaluationRow['recipients']> {
  const { rows } = dataOf<{ rows: EvaluationRow[] }>(await world.backend.call({ action: 'evaluation.get', payload: { period: '2026-12' } }, SUBDISTRICT))
  return rows.find((row) => row.workerCode === workerCode)?.recipients ?? null
}

it("shows today's workers on duty as cards; the person served picks one, rates, reads the result, and it counts as 服务对象", async () => {
  const duties = await onDutyToday()
  expect(duties).toHaveLength(4) // 银泉: 4 of its 18 workers a day
  const served = duties[1]
  expect(await recipientsOf(served.workerCode)).toBeNull() // nobody has given them feedback this month

  const page = await world.openPage('pages/hall/index', { scene: SCENE }, { openid: RESIDENT })
  await page.waitForText('今天是哪位工作人员为您办的事？请点一下 TA 的名字。')
  expect(page.textsOf('.hall__place')).toEqual(['银泉社区 便民服务大厅'])
  expect(page.textsOf('.hall-worker__name')).toEqual(duties.map((duty) => duty.name))
  expect(page.all('.level-choice')).toHaveLength(0) // one decision per screen: who, then how

  await page.tap({ selector: '.hall-worker', index: 1 })
  await page.waitForText(`您对${served.name}的服务满意吗？`)
  expect(page.textsOf('.hall-served__name')).toEqual([served.name])
  expect(page.all('.level-choice--chosen')).toHaveLength(0) // nothing pre-selected
  await page.tap('满意')
  await page.tap('提交评价')

  await page.waitForText('评价已提交，谢谢您')
  expect(page.text()).toContain(`您对${served.name}在服务大厅的服务的评价：满意`)
  expect(page.text()).toContain('这条评价计入 2026年12月。')
  expect(world.callsOf('hall.feedback').map((call) => call.payload)).toEqual([
    { hallCode: 'hall-yinquan', workerCode: served.workerCode, level: 4, idempotencyKey: expect.any(String) },
  ])
  // Level 4 is 80 points: one feedback, n 1, in the worker's 服务对象 party.
  expect(await recipientsOf(served.workerCode)).toEqual(expect.objectContaining({ n: 1 }))
})

it('goes back to the cards from 不是 TA？换一位, with nothing sent', async () => {
  const duties = await onDutyToday()
  const page = await world.openPage('pages/hall/index', { scene: SCENE }, { openid: RESIDENT })
  await page.tap({ selector: '.hall-worker', index: 0 })
  await page.waitForText(`您对${duties[0].name}的服务满意吗？`)
  await page.tap('不是 TA？换一位')
  await page.waitForText('今天是哪位工作人员为您办的事？请点一下 TA 的名字。')
  expect(page.all('.hall-worker')).toHaveLength(4)
  expect(world.callsOf('hall.feedback')).toHaveLength(0)
})

it('says plainly that the window is closed outside duty hours, who is on today, and offers no form', async () => {
  const duties = await onDutyToday()
  now = new Date('2026-12-01T10:30:00.000Z') // 18:30 China time, after the afternoon's 17:30
  const page = await world.openPage('pages/hall/index', { scene: SCENE }, { openid: RESIDENT })
  await page.waitForText('现在不在大厅值班时间，值班时间：工作日 8:30–12:00、14:30–17:30')
  expect(page.text()).toContain(`今天值班的是${duties.map((duty) => duty.name).join('、')}，请在值班时间内扫码评价。`)
  expect(page.all('.hall-worker')).toHaveLength(0)
  expect(page.all('.level-choice')).toHaveLength(0)
})

it('says plainly that nobody is on duty on a Saturday', async () => {
  await onDutyToday()
  now = new Date('2026-12-05T02:00:00.000Z') // Saturday 5 December, 10:00
  const page = await world.openPage('pages/hall/index', { scene: SCENE }, { openid: RESIDENT })
  await page.waitForText('今天是休息日，大厅不值班。')
  expect(page.all('.hall-worker')).toHaveLength(0)
  expect(page.findByText('回到首页')).toHaveLength(1)
})

it('says so when the code names no hall', async () => {
  const page = await world.openPage('pages/hall/index', { scene: 'YQ01' }, { openid: RESIDENT })
  await page.waitForText('没有找到这个服务大厅')
  expect(page.all('.hall-worker')).toHaveLength(0)
})

it("opens the hall's page when the home page's 扫一扫 reads the hall's code", async () => {
  world.setScan({ result: '', path: `pages/hall/index?scene=${SCENE}` })
  const home = await world.openPage('pages/index/index')
  await home.tap('扫一扫')
  await home.waitFor(() => world.navigations.length === 1, 'a navigation')
  expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/hall/index?scene=hall-yinquan' }])
})

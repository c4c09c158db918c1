// The reports subpackage in the weapp build (reports/index, reports/trend), rendered by
// WeChat's compiler over the demo with the real handlers: 浮山办事处's staff open the half-year report of
// the last whole half-year and see exactly what report.get answers (workers, average grid time, the grade
// counts), filter one community, switch tabs, and tap a row for the worker's trend; the trend page shows
// 12 months. Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { latestClosedPeriod } from '@core/reportBuild'
import type { Report, WorkerTrend } from '@core/reports'
import { percentText } from '@core/reportSummary'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'

const STAFF = { openid: DEMO_SUBDISTRICT_STAFF } // 浮山办事处 王科长
const half = latestClosedPeriod('halfyear', new Date())

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

it('opens on the last whole half-year with the numbers report.get gives, and filters a community', async () => {
  const expected = dataOf<Report>(await world.backend.call({ action: 'report.get', payload: { kind: 'halfyear', period: half } }, STAFF.openid))
  const page = await world.openPage('reports/index/index', {}, STAFF)
  await page.waitForText('参评人数')
  expect(world.callsOf('report.get')[0]).toMatchObject({ payload: { kind: 'halfyear', period: half } })
  expect(page.textsOf('.report-figure__value')).toEqual(['30 人', expected.avgGridTimeRatio === null ? '暂无' : percentText(expected.avgGridTimeRatio)])
  const legend = page.textsOf('.report-legend__text')
  expect(legend[0]).toBe(`优秀 ${expected.grades['优秀']} 人（${percentText(expected.grades['优秀'] / 30)}）`)
  expect(expected.grades['优秀']).toBeLessThanOrEqual(6)
  expect(page.all('.report-row')).toHaveLength(31) // the header row (shown on a desktop) and 30 workers
  expect(page.textsOf('.report-who__name')).toEqual(expected.rows.map((row) => row.name))

  await page.tap({ selector: '.report-chip', index: 1 }) // 全街道, 青龙社区, 银泉社区
  await page.waitForText('浮山办事处 · 青龙社区')
  expect(page.textsOf('.report-figure__value')[0]).toBe('12 人')
  expect(world.callsOf('report.get').at(-1)).toMatchObject({ payload: { communityId: 'qinglong' } })
})

it('switches to the annual assessment and the monthly ranking, each on its own kind of period', async () => {
  const page = await world.openPage('reports/index/index', {}, STAFF)
  await page.waitForText('参评人数')
  await page.tap('年度考核')
  await page.waitForText('年度成绩 = 日常考核')
  expect(world.callsOf('report.get').at(-1)).toMatchObject({ payload: { kind: 'year', period: latestClosedPeriod('year', new Date()) } })
  expect(page.textsOf('.report-head')).toContain('年度成绩')
  await page.tap('月度排名')
  await page.waitFor(() => (world.callsOf('report.get').at(-1)?.payload as { kind?: string } | undefined)?.kind === 'month', 'a monthly report call')
  expect(world.callsOf('report.get').at(-1)).toMatchObject({ payload: { kind: 'month', period: latestClosedPeriod('month', new Date()) } })
  // The period picker offers months only on this tab.
  await page.waitForText('参评人数')
  expect(page.all('.period-chip').every((chip) => /月$/.test(chip.textContent ?? ''))).toBe(true)
})

it('opens a worker\'s trend from a row, and shows the 12 months', async () => {
  const page = await world.openPage('reports/index/index', {}, STAFF)
  await page.waitForText('参评人数')
  await page.tap({ selector: '.report-row', index: 1 })
  await page.waitFor(() => world.navigations.length === 1, 'a navigation')
  const first = dataOf<Report>(await world.backend.call({ action: 'report.get', payload: { kind: 'halfyear', period: half } }, STAFF.openid)).rows[0]
  expect(world.navigations[0]).toEqual({ kind: 'navigateTo', url: `/reports/trend/index?workerCode=${first.workerCode}` })

  const trend = await world.follow(world.navigations[0], STAFF)
  await trend.waitForText(`${first.name} 的月度趋势`)
  const expected = dataOf<WorkerTrend>(await world.backend.call({ action: 'report.trend', payload: { workerCode: first.workerCode } }, STAFF.openid))
  expect(trend.all('.trend-chart__col')).toHaveLength(12)
  expect(trend.all('.trend-item')).toHaveLength(12)
  const newest = expected.months[11]
  expect(trend.textsOf('.trend-item__total')[0]).toBe(newest.total === null ? '暂无' : newest.total.toFixed(1))
})

it('exports the report: downloads the file by the file ID report.export answers (wx.cloud.downloadFile, no domain list) and opens it with the menu', async () => {
  const page = await world.openPage('reports/index/index', {}, STAFF)
  await page.waitForText('参评人数')
  await page.tap('导出 Excel')
  await page.waitFor(() => world.chatFiles.opened.length === 1, 'the file opened')
  const [call] = world.callsOf('report.export')
  expect(call).toMatchObject({ payload: { kind: 'halfyear', period: half }, reply: { ok: true, data: { fileId: expect.stringMatching(/^cloud:\/\//) } } })
  const { fileId } = (call?.reply as { data: { fileId: string } }).data
  expect(world.chatFiles.cloudDownloads).toEqual([fileId])
  expect(world.chatFiles.urlDownloads).toEqual([])
  expect(world.chatFiles.opened[0]).toMatchObject({ fileType: 'xlsx', showMenu: true, bytes: world.backend.cloudFiles.written.get(fileId) })
  expect(page.has('没能')).toBe(false)
})

it('tells a resident the reports are for staff', async () => {
  const page = await world.openPage('reports/index/index', {}, { openid: 'weapp-resident-1' })
  await page.waitForText('您没有查看或录入这个街道评价的权限')
})

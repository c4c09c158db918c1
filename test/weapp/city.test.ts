// The bureau's city view in the weapp build (reports/city), rendered by WeChat's compiler over the demo with
// the real handlers: 市民政局 opens it on the last whole half-year and sees exactly what city.overview
// answers (the sub-districts in ranking order, their numbers, the city's line, the trend), switches to
// the monthly tab, and taps a sub-district for its own report of the same period. Sub-district staff are
// told the page is the bureau's, and never call it. Run `npm run build:weapp` first.
import type { CityOverview } from '@core/city'
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { latestClosedPeriod } from '@core/reportBuild'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'

const BUREAU = { openid: 'dev-bureau' }
const half = latestClosedPeriod('halfyear', new Date())

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

const overviewOf = async (period: string) => dataOf<CityOverview>(await world.backend.call({ action: 'city.overview', payload: { period } }, BUREAU.openid))

it('opens on the last whole half-year with every sub-district, in the order and with the numbers city.overview gives', async () => {
  const expected = await overviewOf(half)
  const page = await world.openPage('reports/city/index', {}, BUREAU)
  await page.waitForText('街道排名')
  expect(world.callsOf('city.overview')[0]).toMatchObject({ payload: { period: half } })
  expect(page.textsOf('.city-figure__value')[0]).toBe(`${expected.city.subdistricts} 个 / ${expected.city.workers} 人`)
  // The header row (shown on a desktop), a card per sub-district, the city's line.
  expect(page.all('.city-row')).toHaveLength(expected.rows.length + 2)
  expect(page.textsOf('.city-name')).toEqual([...expected.rows.map((row) => row.subdistrictName), '全市'])
  expect(page.textsOf('.city-rank').slice(0, expected.rows.length)).toEqual(expected.rows.map((row) => (row.rank === null ? '—' : String(row.rank))))
  const first = expected.rows[0]
  const values = page.textsOf('.city-cell__value')
  // 参评人数, the five grades, 称职及以上, 平均总分, 在网格时间, then what waits: the first card's cells.
  expect(values.slice(0, 6)).toEqual([String(first.workers), String(first.grades.优秀), String(first.grades.称职), String(first.grades.基本称职), String(first.grades.不称职), String(first.grades.未评定)])
  expect(values[7]).toBe(first.avgTotal === null ? '暂无' : first.avgTotal.toFixed(1))
  expect(values.slice(9, 12)).toEqual([String(first.overdueCases), String(first.pendingAppeals), String(first.openReviews)])
  expect(page.all('.city-trend__row')).toHaveLength(expected.rows.length + 2)
  expect(page.textsOf('.city-trend__month')).toHaveLength(6)
})

it('switches to the monthly tab on the last closed month', async () => {
  const page = await world.openPage('reports/city/index', {}, BUREAU)
  await page.waitForText('街道排名')
  await page.tap('月度排名')
  await page.waitFor(() => (world.callsOf('city.overview').at(-1)?.payload as { period?: string } | undefined)?.period === latestClosedPeriod('month', new Date()), 'a monthly call')
  await page.waitForText('街道排名')
  expect(page.all('.period-chip').every((chip) => /月$/.test(chip.textContent ?? ''))).toBe(true)
})

it('opens a sub-district\'s own report of the same period from its row', async () => {
  const expected = await overviewOf(half)
  const page = await world.openPage('reports/city/index', {}, BUREAU)
  await page.waitForText('街道排名')
  await page.tap({ selector: '.city-row', index: 2 }) // the head, then the second sub-district
  await page.waitFor(() => world.navigations.length === 1, 'a navigation')
  const second = expected.rows[1]
  expect(world.navigations[0]).toEqual({ kind: 'navigateTo', url: `/reports/index/index?subdistrictId=${second.subdistrictId}&period=${half}` })
  const report = await world.follow(world.navigations[0], BUREAU)
  await report.waitForText(`${second.subdistrictName} `)
  await report.waitForText('参评人数')
  expect(world.callsOf('report.get').at(-1)).toMatchObject({ payload: { kind: 'halfyear', period: half, subdistrictId: second.subdistrictId } })
  expect(report.textsOf('.report-figure__value')[0]).toBe(`${second.workers} 人`)
})

it('tells sub-district staff the city view is the bureau\'s, without asking for it', async () => {
  const page = await world.openPage('reports/city/index', {}, { openid: DEMO_SUBDISTRICT_STAFF })
  await page.waitForText('全市考核概览只对市民政局开放')
  await world.settled(page)
  expect(world.callsOf('city.overview')).toHaveLength(0)
})

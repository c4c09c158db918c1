// Hall days beside grid time (大厅值班 x 天，网格 y%) in the weapp build, over the demo, whose 银泉社区
// rotates 4 of its 18 workers a day through the hall: on the worker's home (this month's headline and their
// own results) and in the report, whose summary gives each community's most and fewest hall days per
// worker. The hall days are counted here from the rota itself, day by day; 青龙社区 has no hall duty and
// reads grid time alone. The clock is fixed at Thursday 10 December 2026, 12:00 China time.
// Run `npm run build:weapp` first.
import type { ResultOf } from '@core/contract'
import type { HallRotaView } from '@core/hallSchemas'
import type { Report } from '@core/reports'
import { percentText } from '@core/reportSummary'
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'

const NOW = new Date('2026-12-10T04:00:00.000Z')
const YINQUAN_ADMIN = 'dev-community-yinquan'
const YQ01 = 'dev-worker-YQ01' // 刘建华, 银泉社区
const QL01 = 'dev-worker-QL01' // 青龙社区: no hall duty
const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`)

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld({ now: () => NOW })
})
afterEach(() => world.close())

async function call<A extends 'gridtime.get' | 'hall.rota.get' | 'report.get' | 'worker.results'>(action: A, payload: object, openid: string): Promise<ResultOf<A>> {
  return dataOf<ResultOf<A>>(await world.backend.call({ action, payload }, openid))
}

/** Days the rota of `period` has `workerCode` on duty, up to and including `until`: counted from its days. */
async function rotaDays(period: string, workerCode: string, until = '9999-12-31'): Promise<number> {
  const { rota } = (await call('hall.rota.get', { period }, YINQUAN_ADMIN)) as HallRotaView
  return (rota?.days ?? []).filter((day) => day.date <= until && day.duties.some((duty) => duty.workerCode === workerCode)).length
}

it("puts this month's hall days (1–10 December, by the rota) beside grid time on 刘建华's home", async () => {
  const served = await rotaDays('2026-12', 'YQ01', '2026-12-10')
  // 8 working days to the 10th (1–4 and 7–10 December), 4 of 18 a day: 32 / 18 = 1.8, so once or twice each.
  expect(served).toBeGreaterThanOrEqual(1)
  expect(served).toBeLessThanOrEqual(2)
  const { ratio } = await call('gridtime.get', { period: '2026-12' }, YQ01)
  const page = await world.openPage('worker/home/index', {}, { openid: YQ01 })
  await page.waitForText(`本月大厅值班 ${served} 天，网格 ${percent(ratio)}`)
  expect(page.textsOf('.grid-time__verdict')).toEqual([expect.stringMatching(/^(已达到|还没达到)目标 50%$/)])
})

it("reads grid time alone for a worker of 青龙社区, which has no hall duty", async () => {
  const { ratio } = await call('gridtime.get', { period: '2026-12' }, QL01)
  const page = await world.openPage('worker/home/index', {}, { openid: QL01 })
  await page.waitForText(`本月下沉网格 ${percent(ratio)}（目标 50%）`)
  expect(page.has('大厅值班')).toBe(false)
})

it("shows last month's hall days beside grid time in 刘建华's own results", async () => {
  const served = await rotaDays('2026-11', 'YQ01')
  expect(served).toBeGreaterThanOrEqual(4) // 21 working days in November 2026, 4 of 18 a day: 84 / 18 = 4.7
  expect(served).toBeLessThanOrEqual(5)
  const own = await call('worker.results', { period: '2026-11' }, YQ01)
  if (!own.published) throw new Error('November 2026 is closed on 10 December: its results are published')
  const page = await world.openPage('worker/home/index', {}, { openid: YQ01 })
  await page.waitForText(`大厅值班 ${served} 天，网格 ${percentText(own.gridTimeRatio ?? 0)}`)
})

it("gives, in the month's report, 银泉's most and fewest hall days per worker, and each row's hall days", async () => {
  const report = await call('report.get', { kind: 'month', period: '2026-11' }, DEMO_SUBDISTRICT_STAFF)
  const days = await Promise.all(
    report.rows.filter((row) => row.community === '银泉社区').map((row) => rotaDays('2026-11', row.workerCode)),
  )
  expect(days).toHaveLength(18)
  const page = await world.openPage('reports/index/index', { period: '2026-11' }, { openid: DEMO_SUBDISTRICT_STAFF })
  await page.waitForText('大厅值班（每人天数）')
  expect(world.callsOf('report.get')[0]).toMatchObject({ payload: { kind: 'month', period: '2026-11' } })
  expect(page.textsOf('.report-hall__line')).toEqual([`银泉社区：18 人轮流，最多 ${Math.max(...days)} 天，最少 ${Math.min(...days)} 天`])
  const yq01 = (report as Report).rows.find((row) => row.workerCode === 'YQ01')
  expect(page.has(`大厅值班 ${await rotaDays('2026-11', 'YQ01')} 天，网格 ${((yq01?.gridTimeRatio ?? 0) * 100).toFixed(1)}%`)).toBe(true)
})

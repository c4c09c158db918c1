// 大厅值班表 in the weapp build (staff/hall/index), over the demo's 银泉社区: the community's admin
// generates next month's rota (every working day staffed, every worker within a day of the mean, AB pairs
// never on one day), swaps two workers of two days by tapping one and then the other, sets a day anew,
// and is told in words when a day breaks the rules (nothing saved); sub-district staff read it without a
// way to change it. The counter's poster shows the hall's code and saves it to the album. Run
// `npm run build:weapp` first.
import type { HallRotaView } from '@core/hallSchemas'
import { dayLabel } from '@core/hallRota'
import { addMonths, monthOf, periodLabel } from '@core/periods'
import type { CodeImages } from '@backend/context'
import { dataOf } from '../support/apiHarness'
import { createWorld, type WeappWorld } from './harness'

const ADMIN = { openid: 'dev-community-yinquan' } // 银泉社区's admin
const SUBDISTRICT = { openid: 'dev-subdistrict-fushan' }
const nextMonth = addMonths(monthOf(new Date()), 1)
/** The month chips: last month, this month, next month. */
const NEXT_MONTH_CHIP = { selector: '.hall-month-chip', index: 2 }

/** As the cloud answers hall.qrcode: a file ID in cloud storage. */
const cloudCodes: CodeImages = {
  imageFor: async (page, scene) => `cloud://prod-env.7072-prod-env/codes/${page.replace(/\//g, '_')}-${scene}.png`,
}

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld({ codeImages: cloudCodes })
})
afterEach(() => world.close())

/** The rota the last hall.* call of the page answered. */
function lastView(action: 'hall.rota.generate' | 'hall.rota.save'): HallRotaView {
  const calls = world.callsOf(action)
  return dataOf<HallRotaView>(calls[calls.length - 1].reply)
}

/** The working days' duties in page order: what `.hall-duty` index i names. */
function dutiesInOrder(view: HallRotaView): Array<{ date: string; workerCode: string }> {
  return (view.rota?.days ?? []).filter((day) => day.working).flatMap((day) => day.duties.map((duty) => ({ date: day.date, workerCode: duty.workerCode })))
}

/**
 * Two workers of two days whose swap keeps both days valid: neither is on the other's day already, and
 * neither's AB partner is on the day they move to.
 */
function swappable(view: HallRotaView): { first: { date: string; workerCode: string }; second: { date: string; workerCode: string } } {
  const rota = view.rota
  if (rota === null) throw new Error('no rota')
  const partner = new Map(rota.pairs.flatMap(({ a, b }) => [[a, b] as const, [b, a] as const]))
  const on = new Map(rota.days.map((day) => [day.date, day.duties.map((duty) => duty.workerCode)]))
  const first = dutiesInOrder(view)[0]
  for (const second of dutiesInOrder(view)) {
    const there = on.get(second.date) ?? []
    const here = on.get(first.date) ?? []
    if (second.date === first.date || there.includes(first.workerCode) || here.includes(second.workerCode)) continue
    if (there.includes(partner.get(first.workerCode) ?? '') || here.includes(partner.get(second.workerCode) ?? '')) continue
    return { first, second }
  }
  throw new Error('no two workers can swap')
}

it("generates next month's rota: every working day with 4 of 银泉's 18 workers, each worker within a day of the mean", async () => {
  const page = await world.openPage('staff/hall/index', {}, ADMIN)
  await page.waitForText('银泉社区 便民服务大厅')
  await page.tap(NEXT_MONTH_CHIP)
  await page.waitForText(`${periodLabel(nextMonth)}还没有值班表`)
  await page.tap('生成值班表')
  await page.waitForText(new RegExp(`已生成${periodLabel(nextMonth)}值班表：\\d+ 个工作日，每天 4 人`))

  const view = lastView('hall.rota.generate')
  expect(world.callsOf('hall.rota.generate')[0].payload).toMatchObject({ period: nextMonth, staffing: 4 })
  expect(view.workers).toHaveLength(18)
  // The page shows the working days, no more: 4 on duty each, each with their B or 无 B 岗.
  const working = view.rota?.days.filter((day) => day.working) ?? []
  expect(working.length).toBe(view.workingDays.length)
  expect(page.textsOf('.hall-day__label')).toEqual(working.map((day) => expect.stringContaining(dayLabel(day.date))))
  expect(page.all('.hall-duty')).toHaveLength(working.length * 4)
  expect(page.textsOf('.hall-duty__name')).toEqual(working.flatMap((day) => day.duties.map((duty) => duty.name)))
  // Each with their B (AB岗) where they have one.
  expect(page.textsOf('.hall-duty__backup')).toEqual(working.flatMap((day) => day.duties.flatMap((duty) => (duty.backup ? [`B岗 ${duty.backup.name}`] : []))))
  // 4 a day over the month: 18 workers share 4 x days; everyone within one day of the mean.
  const mean = (working.length * 4) / 18
  const shown = page.textsOf('.hall-person__days').map((text) => Number(text.replace(' 天', '')))
  expect(shown).toHaveLength(18)
  for (const days of shown) expect(Math.abs(days - mean)).toBeLessThanOrEqual(1)
  expect(shown.reduce((sum, days) => sum + days, 0)).toBe(working.length * 4)
})

it('sets the AB posts the rota is generated with: a pair removed, a new one picked as A and B', async () => {
  const { setup, workers } = dataOf<HallRotaView>(await world.backend.call({ action: 'hall.rota.get', payload: { period: nextMonth } }, ADMIN.openid))
  expect(setup.pairs.length).toBeGreaterThanOrEqual(1) // the demo's 银泉 has AB pairs, kept from month to month
  const [removed, ...kept] = setup.pairs
  const paired = new Set(kept.flatMap((pair) => [pair.a, pair.b]))
  const [a, b] = workers.filter((worker) => !paired.has(worker.workerCode))
  const page = await world.openPage('staff/hall/index', {}, ADMIN)
  await page.tap(NEXT_MONTH_CHIP)
  await page.waitForText(`${workers.find((w) => w.workerCode === removed.a)?.name}（A 岗）`)
  await page.tap({ selector: '.hall-pair__remove', index: 0 })
  await page.waitForText('AB 岗改动后，点“生成值班表”才会生效。')
  await page.pick({ selector: '.hall-picker', index: 0 }, workers.indexOf(a))
  await page.pick({ selector: '.hall-picker', index: 1 }, workers.indexOf(b))
  await page.waitForText(`B 岗：${b.name} ▾`)
  await page.tap('添加这一对')
  await page.waitForText(`${a.name}（A 岗）· ${b.name}（B 岗）`)
  await page.tap('生成值班表')
  await page.waitForText(/已生成/)

  expect(world.callsOf('hall.rota.generate')[0].payload).toMatchObject({ pairs: [...kept, { a: a.workerCode, b: b.workerCode }] })
  // On the generated month, wherever A is on duty their B is named, and the two are never on one day.
  const { rota } = lastView('hall.rota.generate')
  const aDays = rota?.days.filter((day) => day.duties.some((duty) => duty.workerCode === a.workerCode)) ?? []
  expect(aDays.length).toBeGreaterThan(0)
  for (const day of aDays) expect(day.duties.some((duty) => duty.workerCode === b.workerCode)).toBe(false)
  expect(page.textsOf('.hall-duty__backup')).toContain(`B岗 ${b.name}`)
  // Each worker's line says whose B they are; one without a pair says nothing of it.
  const meta = page.textsOf('.hall-person__meta')
  expect(meta).toContainEqual(expect.stringMatching(new RegExp(`· B岗 ${b.name}$`)))
  expect(meta).toContainEqual(expect.stringMatching(new RegExp(`· 顶 ${a.name} 的岗$`)))
  expect(meta.filter((line) => /· (B岗 .+|顶 .+ 的岗)$/.test(line))).toHaveLength(2 * (kept.length + 1))
})

it('swaps two workers of two days by tapping one and then the other, and says who moved where', async () => {
  const page = await world.openPage('staff/hall/index', {}, ADMIN)
  await page.tap(NEXT_MONTH_CHIP)
  await page.tap('生成值班表')
  await page.waitForText(/已生成/)
  const before = lastView('hall.rota.generate')
  const { first, second } = swappable(before)
  const order = dutiesInOrder(before)
  const at = (duty: { date: string; workerCode: string }) => order.findIndex((d) => d.date === duty.date && d.workerCode === duty.workerCode)
  const nameOf = (code: string) => before.workers.find((worker) => worker.workerCode === code)?.name ?? code

  await page.tap({ selector: '.hall-duty', index: at(first) })
  await page.waitForText(`已选 ${nameOf(first.workerCode)}（${dayLabel(first.date)}），再点另一天的一位工作人员，两人对调`)
  expect(page.textsOf('.hall-duty--chosen .hall-duty__name')).toEqual([`✓ ${nameOf(first.workerCode)}`])
  await page.tap({ selector: '.hall-duty', index: at(second) })
  await page.waitForText(`已对调：${nameOf(first.workerCode)}改到${dayLabel(second.date)}，${nameOf(second.workerCode)}改到${dayLabel(first.date)}`)

  expect(world.callsOf('hall.rota.save')[0].payload).toMatchObject({ period: nextMonth, version: before.rota?.version, change: { kind: 'swap', first, second } })
  const after = lastView('hall.rota.save')
  const codesOn = (view: HallRotaView, date: string) => view.rota?.days.find((day) => day.date === date)?.duties.map((duty) => duty.workerCode)
  expect(codesOn(after, first.date)).toContain(second.workerCode)
  expect(codesOn(after, second.date)).toContain(first.workerCode)
  // The page shows the saved rota: the second worker now in the first one's place.
  expect(page.textsOf('.hall-duty__name')[at(first)]).toBe(nameOf(second.workerCode))
  expect(page.textsOf('.hall-duty__name')[at(second)]).toBe(nameOf(first.workerCode))
})

it('sets a day anew, and refuses a day one short in words, saving nothing', async () => {
  const page = await world.openPage('staff/hall/index', {}, ADMIN)
  await page.tap(NEXT_MONTH_CHIP)
  await page.tap('生成值班表')
  await page.waitForText(/已生成/)
  const before = lastView('hall.rota.generate')
  const day = before.rota?.days.find((d) => d.working)
  if (day === undefined) throw new Error('no working day')
  const dropped = day.duties[3]

  await page.tap({ selector: '.hall-day__edit', index: 0 })
  await page.waitForText(`调整 ${dayLabel(day.date)}`)
  await page.waitForText('已选 4 人，每天应有 4 人')
  await page.tap(`✓ ${dropped.name}`)
  await page.waitForText('已选 3 人，每天应有 4 人')
  await page.tap('保存这一天')
  await page.waitForText(/没有保存：/)
  expect(page.textsOf('.hall-bar__text')[0]).toContain(`${dayLabel(day.date)}排了 3 人，每天应有 4 人值班`)
  expect(lastView('hall.rota.generate').rota?.version).toBe(before.rota?.version) // nothing saved

  // Someone off duty that day, whose AB partner is not on it either, takes the window.
  const onDay = day.duties.map((duty) => duty.workerCode)
  const partner = new Map((before.rota?.pairs ?? []).flatMap(({ a, b }) => [[a, b] as const, [b, a] as const]))
  const standIn = before.workers.find((w) => !onDay.includes(w.workerCode) && !onDay.slice(0, 3).includes(partner.get(w.workerCode) ?? ''))
  if (standIn === undefined) throw new Error('nobody to stand in')
  await page.tap({ selector: '.hall-choice', index: before.workers.indexOf(standIn) })
  await page.waitForText('已选 4 人，每天应有 4 人')
  await page.tap('保存这一天')
  await page.waitForText(`${dayLabel(day.date)}的值班已保存：${[...day.duties.slice(0, 3).map((d) => d.name), standIn.name].join('、')}`)
  expect(world.callsOf('hall.rota.save').map((call) => call.payload)).toEqual([
    expect.objectContaining({ change: { kind: 'day', date: day.date, workerCodes: onDay.slice(0, 3) } }),
    expect.objectContaining({ change: { kind: 'day', date: day.date, workerCodes: [...onDay.slice(0, 3), standIn.workerCode] } }),
  ])
  expect(page.all('.hall-editor')).toHaveLength(0)
  expect(page.textsOf('.hall-duty__name').slice(0, 4)).toEqual([...day.duties.slice(0, 3).map((d) => d.name), standIn.name])
})

it('shows sub-district staff the rota of a community they choose, with nothing to change', async () => {
  dataOf(await world.backend.call({ action: 'hall.rota.generate', payload: { ...(await setupOf()), period: nextMonth, idempotencyKey: 'weapp-hall-gen-1' } }, ADMIN.openid))
  const page = await world.openPage('staff/hall/index', {}, SUBDISTRICT)
  await page.waitForText('银泉社区')
  await page.tap('银泉社区')
  await page.tap(NEXT_MONTH_CHIP)
  await page.waitFor(() => page.all('.hall-duty').length > 0, 'the rota of 银泉社区')
  expect(page.text()).toContain('只读，由社区管理员安排')
  expect(page.findByText('生成值班表')).toHaveLength(0)
  expect(page.all('.hall-day__edit')).toHaveLength(0)
  await page.tap({ selector: '.hall-duty', index: 0 })
  await world.settled(page)
  expect(page.all('.hall-duty--chosen')).toHaveLength(0)
  expect(world.callsOf('hall.rota.get').map((call) => call.payload)).toContainEqual({ period: nextMonth, communityId: 'yinquan' })
})

/** What the admin's page would generate from: the setup hall.rota.get suggests for next month. */
async function setupOf() {
  const view = dataOf<HallRotaView>(await world.backend.call({ action: 'hall.rota.get', payload: { period: nextMonth } }, ADMIN.openid))
  return view.setup
}

describe('the hall code poster (staff/hallposter/index)', () => {
  it("shows the community's hall code to print for the counter, and saves it to the album", async () => {
    const page = await world.openPage('staff/hallposter/index', {}, ADMIN)
    await page.waitForText('扫码评价窗口服务')
    expect(page.textsOf('.poster__org')).toEqual(['银泉社区'])
    expect(page.textsOf('.poster__name')).toEqual(['便民服务大厅'])
    const code = 'cloud://prod-env.7072-prod-env/codes/pages_hall_index-hall-yinquan.png'
    expect(await page.attr({ selector: '.poster__code' }, 'src')).toBe(code)
    await page.tap('保存到相册')
    await page.waitForText('已保存到相册')
    expect(world.album.downloads).toEqual([code])
    expect(world.album.saved).toEqual(['wxfile://tmp/pages_hall_index-hall-yinquan.png'])
  })

  it('tells a resident that the poster is for staff, and asks for no code', async () => {
    const page = await world.openPage('staff/hallposter/index', {}, { openid: 'weapp-resident-1' })
    await page.waitForText('大厅评价码只对社区、街道和市民政局的工作人员开放')
    await world.settled(page)
    expect(world.callsOf('hall.qrcode')).toHaveLength(0)
  })
})

// The service hall in the browser, on a local runtime of its own: 银泉社区's admin generates next month's
// rota on the rota page and swaps two workers of two days (tap one, tap the other); the clock then moves to
// 10:00 on the first working day of that month (LOCAL_NOW) and a resident scans the hall's code (the page
// and `scene` the code opens), picks the worker on duty who served them and rates; that worker's 服务对象 n
// grows by one on the evaluation page. Screenshots at 375 x 667 (hall-*.png) and the rota at 1280 x 800
// (hall-rota-desktop.png); the hall's page is measured against the elder-friendly rules (DESIGN section 8).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { desktopProblems } from './desktopFit.mjs'
import { boxes, fitReport, textMetrics } from './elderFriendly.mjs'
import { button, callApi, currentChinaMonth, demoIdentities, phonePage, screenshot, startServer } from './harness.mjs'

const WAIT = { timeout: 20000 }
const ADMIN = 'dev-community-yinquan'
const SUBDISTRICT = 'dev-subdistrict-fushan'
const RESIDENT = 'dev-resident-2'
const HALL_CODE = 'hall-yinquan'
const HALL_TEXT = ['.hall__place', '.hall__ask', '.hall-worker__name', '.hall-worker__post']

/** `2027-01` → 2027年1月. */
const monthLabel = (key) => `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`
/** `2027-01-04` → 1月4日. */
const dayLabel = (date) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** The working days' duties in page order: what `.hall-duty` index i names. */
function dutiesInOrder(rota) {
  return rota.days.filter((day) => day.working).flatMap((day) => day.duties.map((duty) => ({ date: day.date, workerCode: duty.workerCode, name: duty.name })))
}

/** Two workers of two days whose swap keeps both days valid (neither already there, no AB partner there). */
function swappable(rota) {
  const partner = new Map(rota.pairs.flatMap(({ a, b }) => [[a, b], [b, a]]))
  const on = new Map(rota.days.map((day) => [day.date, day.duties.map((duty) => duty.workerCode)]))
  const order = dutiesInOrder(rota)
  // The first working day's first worker, so the swap shows on the phone's first screens.
  const first = order[0]
  for (const second of order) {
    const there = on.get(second.date)
    const here = on.get(first.date)
    if (second.date === first.date || there.includes(first.workerCode) || here.includes(second.workerCode)) continue
    if (there.includes(partner.get(first.workerCode)) || here.includes(partner.get(second.workerCode))) continue
    return { first, second, at: (duty) => order.findIndex((d) => d.date === duty.date && d.workerCode === duty.workerCode) }
  }
  throw new Error('no two workers can swap')
}

async function recipientsN(baseUrl, period, workerCode) {
  const { rows } = await callApi(baseUrl, 'evaluation.get', { period }, SUBDISTRICT)
  return rows.find((row) => row.workerCode === workerCode)?.recipients?.n ?? 0
}

export async function runHallJourney({ browser, root, shots, test, assert }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-hall-'))
  const next = (() => {
    const { key } = currentChinaMonth()
    const [year, month] = key.split('-').map(Number)
    return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
  })()
  let server = startServer(root, { dataDir })
  let rota = null
  let served = null
  try {
    let baseUrl = await server.url
    const identity = await demoIdentities(baseUrl)

    await test("the admin generates next month's rota and swaps two workers of two days", async () => {
      const { page, context } = await phonePage(browser, identity(ADMIN))
      try {
        await page.goto(`${baseUrl}/#/staff/hall/index`)
        await page.getByText('银泉社区 便民服务大厅').waitFor(WAIT)
        await page.locator(`.hall-chip[data-period="${next}"]`).click()
        await page.getByText(`${monthLabel(next)}还没有值班表`).waitFor(WAIT)
        await screenshot(page, join(shots, 'hall-rota-empty.png'))
        await page.locator('.hall-button', { hasText: '生成值班表' }).click()
        await page.getByText(new RegExp(`已生成${monthLabel(next)}值班表：\\d+ 个工作日，每天 4 人`)).waitFor(WAIT)
        rota = (await callApi(baseUrl, 'hall.rota.get', { period: next }, ADMIN)).rota
        assert(rota !== null && rota.staffing === 4, `a rota of 4 a day: ${JSON.stringify(rota?.staffing)}`)
        assert((await page.locator('.hall-duty').count()) === dutiesInOrder(rota).length, 'every duty of every working day is shown')
        await screenshot(page, join(shots, 'hall-rota.png'))

        const { first, second, at } = swappable(rota)
        await page.locator('.hall-duty').nth(at(first)).click()
        await page.getByText(`已选 ${first.name}（${dayLabel(first.date)}），再点另一天的一位工作人员，两人对调`).waitFor(WAIT)
        await screenshot(page, join(shots, 'hall-rota-picked.png'))
        await page.locator('.hall-duty').nth(at(second)).click()
        await page.getByText(`已对调：${first.name}改到${dayLabel(second.date)}，${second.name}改到${dayLabel(first.date)}`).waitFor(WAIT)
        await screenshot(page, join(shots, 'hall-rota-swapped.png'))
        const saved = (await callApi(baseUrl, 'hall.rota.get', { period: next }, ADMIN)).rota
        const codesOn = (date) => saved.days.find((day) => day.date === date).duties.map((duty) => duty.workerCode)
        assert(codesOn(first.date).includes(second.workerCode) && codesOn(second.date).includes(first.workerCode), 'the swap is stored')
        assert(saved.version === rota.version + 1, `one change, one version: ${rota.version} → ${saved.version}`)
        rota = saved

        await page.locator('.hall-day__edit').first().click()
        await page.getByText('保存这一天').waitFor(WAIT)
        await screenshot(page, join(shots, 'hall-rota-edit.png'))
        await screenshot(page, join(shots, 'hall-rota-full.png'), { full: true })
        await page.locator('.hall-generate').evaluate((el) => el.scrollIntoView({ block: 'start' }))
        await page.waitForTimeout(200)
        await screenshot(page, join(shots, 'hall-rota-generate.png'))
      } finally {
        await context.close()
      }
    })

    await test('the rota reads at a desk: a calendar of the month at 1280 x 800', async () => {
      const { page, context } = await phonePage(browser, identity(ADMIN))
      try {
        await page.setViewportSize({ width: 1280, height: 800 })
        await page.goto(`${baseUrl}/#/staff/hall/index`)
        await page.locator(`.hall-chip[data-period="${next}"]`).click()
        await page.locator('.hall-duty').first().waitFor(WAIT)
        await page.waitForTimeout(300)
        await screenshot(page, join(shots, 'hall-rota-desktop.png'))
        await page.locator('.hall-people').evaluate((el) => el.scrollIntoView({ block: 'start' }))
        await page.waitForTimeout(200)
        await screenshot(page, join(shots, 'hall-rota-desktop-people.png'))
        const problems = await desktopProblems(page)
        assert(problems.length === 0, `the rota at 1280 px: ${problems.join('; ')}`)
        const columns = await page.locator('.hall-month__grid').evaluate((grid) => getComputedStyle(grid).gridTemplateColumns.split(' ').length)
        assert(columns === 7, `a week per row at a desk: ${columns} columns`)
      } finally {
        await context.close()
      }
    })

    await test("sub-district staff read 银泉's rota with nothing to change", async () => {
      const { page, context } = await phonePage(browser, identity(SUBDISTRICT))
      try {
        await page.goto(`${baseUrl}/#/staff/hall/index`)
        await page.locator('.hall-chip[data-community="yinquan"]').click()
        await page.locator(`.hall-chip[data-period="${next}"]`).click()
        await page.locator('.hall-duty').first().waitFor(WAIT)
        await page.getByText('只读，由社区管理员安排').waitFor(WAIT)
        assert((await page.locator('.hall-day__edit').count()) === 0 && (await page.locator('.hall-generate').count()) === 0, 'no edit, no generate')
        await page.waitForTimeout(300)
        await screenshot(page, join(shots, 'hall-rota-readonly.png'))
      } finally {
        await context.close()
      }
    })

    await test("the counter's poster shows the hall's code", async () => {
      const { page, context } = await phonePage(browser, identity(ADMIN))
      try {
        await page.goto(`${baseUrl}/#/staff/hallposter/index`)
        await page.getByText('扫码评价窗口服务').waitFor(WAIT)
        const image = page.locator('.poster__code img')
        await image.waitFor(WAIT)
        assert((await image.evaluate((img) => img.naturalWidth)) > 0, 'the code is drawn')
        const fit = await fitReport(page, ['.poster__org', '.poster__name', '.poster__call', '.hall-poster__how', '.poster__note'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await screenshot(page, join(shots, 'hall-poster.png'))
        await screenshot(page, join(shots, 'hall-poster-full.png'), { full: true })
      } finally {
        await context.close()
      }
    })

    if (rota === null) return
    // 10:00 China time on the first working day of next month: the hall's morning hours.
    const firstDay = rota.days.find((day) => day.working && day.duties.length > 0)
    server.stop()
    await server.exited
    server = startServer(root, { dataDir, env: { LOCAL_NOW: `${firstDay.date}T02:00:00.000Z` } })
    baseUrl = await server.url

    await test('a resident scans the hall code, picks the worker on duty who served them and rates', async () => {
      served = firstDay.duties[1]
      const before = await recipientsN(baseUrl, next, served.workerCode)
      const { page, context } = await phonePage(browser, identity(RESIDENT))
      try {
        await page.goto(`${baseUrl}/#/pages/hall/index?scene=${encodeURIComponent(HALL_CODE)}`)
        await page.getByText('今天是哪位工作人员为您办的事？').waitFor(WAIT)
        const names = await page.locator('.hall-worker__name').allInnerTexts()
        assert(JSON.stringify(names) === JSON.stringify(firstDay.duties.map((d) => d.name)), `today's workers on duty: ${names.join(' ')}`)
        const texts = await textMetrics(page, HALL_TEXT)
        for (const t of texts) assert(t.fontSize >= 18 && t.lineHeight >= 1.3 * t.fontSize - 0.01, `${t.selector} “${t.text}” is ${t.fontSize} px / ${t.lineHeight} px`)
        for (const box of await boxes(page, '.hall-worker')) assert(box.width >= 60 && box.height >= 60, `“${box.text}” is ${box.width} x ${box.height} px`)
        const fit = await fitReport(page, HALL_TEXT)
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await screenshot(page, join(shots, 'hall.png'))

        await page.locator('.hall-worker').nth(1).click()
        await page.getByText(`您对${served.name}的服务满意吗？`).waitFor(WAIT)
        await screenshot(page, join(shots, 'hall-rate.png'))
        await page.getByText('满意', { exact: true }).click()
        await page.getByText('已选', { exact: true }).waitFor(WAIT)
        await button(page, '提交评价').click()
        await page.getByText(`这条评价计入 ${monthLabel(next)}。`, { exact: true }).waitFor(WAIT)
        assert(await page.getByText(`您对${served.name}在服务大厅的服务的评价：满意`).isVisible(), 'the result repeats who and the level')
        await screenshot(page, join(shots, 'hall-result.png'))
        served = { ...served, before }
      } finally {
        await context.close()
      }
    })

    await test("with WeChat's font size turned up, the hall page fits 375 px and cuts nothing off", async () => {
      for (const fontScale of [1.4, 2]) {
        const { page, context } = await phonePage(browser, identity(RESIDENT), { fontScale })
        try {
          await page.goto(`${baseUrl}/#/pages/hall/index?scene=${encodeURIComponent(HALL_CODE)}`)
          await page.locator('.hall-worker').nth(3).waitFor(WAIT)
          const fit = await fitReport(page, HALL_TEXT)
          assert(fit.widest <= 375 && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `at ${fontScale}x: ${JSON.stringify(fit)}`)
          if (fontScale === 2) await screenshot(page, join(shots, 'hall-large-font.png'))
        } finally {
          await context.close()
        }
      }
    })

    await test("that worker's 服务对象 n grows by one on the evaluation page", async () => {
      assert(served?.before !== undefined, 'the resident rated')
      const { page, context } = await phonePage(browser, identity(SUBDISTRICT))
      try {
        await page.goto(`${baseUrl}/#/staff/evaluation/index?period=${next}`)
        const row = page.locator(`.eval-row[data-worker="${served.workerCode}"]`)
        await row.waitFor(WAIT)
        const recipients = await row.locator('.party').nth(1).innerText()
        assert(recipients.includes(`${served.before + 1} 条评价`), `${served.name}'s 服务对象 n was ${served.before}, now: ${recipients}`)
        await row.scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'hall-evaluation.png'))
      } finally {
        await context.close()
      }
    })

    // The same day after the afternoon's hours (18:30): the page says the window is closed, and who was on.
    server.stop()
    await server.exited
    server = startServer(root, { dataDir, env: { LOCAL_NOW: `${firstDay.date}T10:30:00.000Z` } })
    baseUrl = await server.url

    await test('outside duty hours the hall page says so plainly, with no form', async () => {
      const { page, context } = await phonePage(browser, identity(RESIDENT))
      try {
        await page.goto(`${baseUrl}/#/pages/hall/index?scene=${encodeURIComponent(HALL_CODE)}`)
        await page.getByText('现在不在大厅值班时间').waitFor(WAIT)
        assert((await page.locator('.hall-worker').count()) === 0, 'no worker to pick')
        assert((await page.locator('.level-choice').count()) === 0, 'no form')
        await screenshot(page, join(shots, 'hall-closed.png'))
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
    await server.exited
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// The bureau's city view in the browser, on the demo: 市民政局 opens 考核报表 from the home page and lands
// on the city, not on a sub-district — the last whole half-year, every sub-district side by side in the
// order and with the numbers city.overview gives (workers, share at 称职 or better, average total and grid
// time, overdue cases), the city's total, and the six closed months' trend. Tapping a sub-district opens
// its own report of the same half-year. Screenshots at 375x667 and at 1280x800. Reads the shared demo server.
import { join } from 'node:path'
import { assert, callApi, phonePage, screenshot } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 20000 }
const BUREAU = 'dev-bureau'

/** The last whole half-year, China time: 2026-H1 from July on, else the previous year's H2. */
function lastHalf(now = new Date()) {
  const china = new Date(now.getTime() + 8 * 3600 * 1000)
  const year = china.getUTCFullYear()
  return china.getUTCMonth() + 1 > 6 ? { key: `${year}-H1`, label: `${year}年上半年` } : { key: `${year - 1}-H2`, label: `${year - 1}年下半年` }
}

/** One call to the function `files`, which serves the city view beside its export (src/core/functions.ts). */
async function callFiles(baseUrl, action, payload, openid) {
  const response = await fetch(`${baseUrl}/cloud/files`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Openid': openid }, body: JSON.stringify({ action, payload }) })
  const body = await response.json()
  if (!body.ok) throw new Error(`${action} failed: ${body.code} ${body.message}`)
  return body.data
}

const percent = (ratio) => (ratio === null ? '暂无' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`)
const score = (value) => (value === null ? '暂无' : value.toFixed(1))

/** Whether any text of the page's visible screen runs past the right edge of the window (cut off). */
async function overflowing(page) {
  return page.evaluate(() => {
    const screen = [...document.querySelectorAll('.screen')].find((el) => el.getClientRects().length > 0)
    const width = document.documentElement.clientWidth
    return [...(screen?.querySelectorAll('.city-row *, .city-trend *, .city-summary *') ?? [])]
      .filter((el) => el.children.length === 0 && el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 0.5)
      .map((el) => el.textContent)
  })
}

export async function runCityJourney({ browser, baseUrl, shots, test }) {
  const identities = await callApi(baseUrl, 'dev.identities', {})
  const bureau = identities.find((i) => i.openid === BUREAU)
  const half = lastHalf()

  await test('the bureau\'s 考核报表 opens on the city: every sub-district ranked with city.overview\'s numbers, then one sub-district\'s report', async () => {
    const expected = await callFiles(baseUrl, 'city.overview', { period: half.key }, BUREAU)
    assert(expected.rows.length >= 2, `the demo city has ${expected.rows.length} sub-districts`)
    const { page, context } = await phonePage(browser, bureau)
    try {
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await page.locator('taro-button-core', { hasText: '考核报表' }).click()
      await page.getByText(`${half.label} 全市各街道`).waitFor(WAIT)
      await pageSettled(page, '全市各街道')
      assert((await page.locator('.staff-title').last().textContent()) === '全市考核概览', 'the page is the city view')

      const names = await page.locator('.city-row:not(.city-row--head):not(.city-row--total) .city-name').allTextContents()
      assert(JSON.stringify(names) === JSON.stringify(expected.rows.map((row) => row.subdistrictName)), `the ranking order: ${names.join(' / ')}`)
      const ranks = await page.locator('.city-row:not(.city-row--head):not(.city-row--total) .city-rank').allTextContents()
      assert(JSON.stringify(ranks) === JSON.stringify(expected.rows.map((row) => (row.rank === null ? '—' : String(row.rank)))), `the places: ${ranks.join(' / ')}`)
      for (const row of expected.rows) {
        const card = page.locator(`.city-row[data-subdistrict="${row.subdistrictId}"]`)
        const values = await card.locator('.city-cell__value').allTextContents()
        const want = [String(row.workers), ...['优秀', '称职', '基本称职', '不称职', '未评定'].map((g) => String(row.grades[g])), percent(row.competentShare), score(row.avgTotal), percent(row.avgGridTimeRatio), String(row.overdueCases), String(row.pendingAppeals), String(row.openReviews)]
        assert(JSON.stringify(values) === JSON.stringify(want), `${row.subdistrictName}: ${values.join(' ')} against ${want.join(' ')}`)
      }
      const total = await page.locator('.city-row--total .city-cell__value').first().textContent()
      assert(total === String(expected.city.workers), `the city's line counts ${expected.city.workers} workers: ${total}`)
      assert((await page.locator('.city-figure__value').first().textContent()) === `${expected.city.subdistricts} 个 / ${expected.city.workers} 人`, 'the summary counts sub-districts and workers')
      assert((await page.locator('.city-trend__row:not(.city-trend__row--head)').count()) === expected.rows.length + 1, 'a trend line per sub-district and the city')
      assert((await page.locator('.city-trend__row--head .city-trend__month').count()) === 6, 'six months in the trend')
      const cut = await overflowing(page)
      assert(cut.length === 0, `nothing cut off at 375 px: ${cut.join(' / ')}`)
      await screenshot(page, join(shots, 'city-halfyear.png'), { full: false })
      await screenshot(page, join(shots, 'city-halfyear-full.png'), { full: true })
      await page.locator('.report-section-title', { hasText: '街道排名' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, join(shots, 'city-rows.png'), { full: false })
      await page.locator('.report-section-title', { hasText: '平均总分' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, join(shots, 'city-trend.png'), { full: false })

      await page.setViewportSize({ width: 1280, height: 800 })
      await page.waitForTimeout(300)
      await page.locator('.staff-title').last().evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, join(shots, 'city-halfyear-1280.png'), { full: false })
      const head = await page.locator('.city-row--head .city-head').allTextContents()
      assert(head.includes('平均在网格时间') && head.includes('逾期差评'), `a table head on a desktop: ${head.join(' ')}`)
      const cutWide = await overflowing(page)
      assert(cutWide.length === 0, `nothing cut off at 1280 px: ${cutWide.join(' / ')}`)
      await page.locator('.report-section-title', { hasText: '街道排名' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, join(shots, 'city-rows-1280.png'), { full: false })

      // The last sub-district with workers: its own report, of the same half-year.
      const opened = [...expected.rows].reverse().find((row) => row.workers > 0)
      await page.locator(`.city-row[data-subdistrict="${opened.subdistrictId}"] .city-name`).click()
      await page.getByText(`${opened.subdistrictName} ${half.label}考核报告`).waitFor(WAIT)
      await pageSettled(page, '参评人数')
      const workers = await page.locator('.screen:visible .report-figure__value').first().textContent()
      assert(workers === `${opened.workers} 人`, `the report counts the row's ${opened.workers} workers: ${workers}`)
      await screenshot(page, join(shots, 'city-opened-report-1280.png'), { full: false })
      await page.setViewportSize({ width: 375, height: 667 })
      await page.waitForTimeout(300)
      await screenshot(page, join(shots, 'city-opened-report.png'), { full: false })
    } finally {
      await context.close()
    }
  })
}

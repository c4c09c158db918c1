// The reports subpackage in the browser, on the pilot's own data: 浮山办事处's sub-district staff
// open 考核报表 from the home page; the half-year report of the last whole half-year shows 30 workers,
// their average grid time against the target, and a grade distribution with at most 6 优秀 that adds up
// to 30 — the same numbers report.get gives; 青龙社区 alone is its 12 workers; tapping a row opens the
// worker's 12-month trend. Screenshots at 375x667 and at 1280x800. Reads the shared demo server.
import { join } from 'node:path'
import { callApi, phonePage, screenshot } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 20000 }
const STAFF = 'dev-subdistrict-fushan'

/** The last whole half-year, China time: 2026-H1 from July on, else the previous year's H2. */
function lastHalf(now = new Date()) {
  const china = new Date(now.getTime() + 8 * 3600 * 1000)
  const year = china.getUTCFullYear()
  return china.getUTCMonth() + 1 > 6 ? { key: `${year}-H1`, label: `${year}年上半年` } : { key: `${year - 1}-H2`, label: `${year - 1}年下半年` }
}

export async function runReportsJourney({ browser, baseUrl, shots, test, assert }) {
  const identities = await callApi(baseUrl, 'dev.identities', {})
  const staff = identities.find((i) => i.openid === STAFF)
  const half = lastHalf()

  await test('浮山 staff read the half-year report: 30 workers, average grid time, at most 6 优秀, then a worker\'s trend', async () => {
    const expected = await callApi(baseUrl, 'report.get', { kind: 'halfyear', period: half.key }, STAFF)
    assert(expected.workers === 30 && expected.grades['优秀'] <= 6, `the API's report: ${expected.workers} workers, ${expected.grades['优秀']} 优秀`)
    const { page, context } = await phonePage(browser, staff)
    try {
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await page.locator('taro-button-core', { hasText: '考核报表' }).click()
      await page.getByText(`浮山办事处 ${half.label}考核报告`).waitFor(WAIT)
      await pageSettled(page, '参评人数')
      assert((await page.locator('.report-figure__value').first().textContent()) === '30 人', 'the page says 30 workers')
      const average = `${Math.round(expected.avgGridTimeRatio * 1000) / 10}%`
      assert((await page.locator('.report-figure__value').nth(1).textContent()) === average, `average grid time ${average}`)
      const legend = await page.locator('.report-legend__text').allTextContents()
      const counts = legend.map((text) => Number(/ (\d+) 人/.exec(text)?.[1]))
      assert(counts.reduce((a, b) => a + b, 0) === 30, `the distribution adds up to 30: ${legend.join(' / ')}`)
      assert(legend[0].startsWith('优秀') && counts[0] <= 6 && counts[0] === expected.grades['优秀'], `优秀 as the API says, at most 6: ${legend[0]}`)
      assert((await page.locator('.report-row:not(.report-row--head)').count()) === 30, '30 rows')
      await page.getByText(/按考核设置第 \d+ 版计算/).waitFor(WAIT)
      await screenshot(page, join(shots, 'reports-halfyear.png'), { full: false })
      await screenshot(page, join(shots, 'reports-halfyear-full.png'), { full: true })
      await page.locator('.report-section-title', { hasText: '每人明细' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, join(shots, 'reports-halfyear-rows.png'), { full: false })

      await page.locator('.report-chip[data-community="qinglong"]').click()
      await page.getByText(`浮山办事处 · 青龙社区 ${half.label}考核报告`).waitFor(WAIT)
      assert((await page.locator('.report-figure__value').first().textContent()) === '12 人', '青龙社区 alone is 12 workers')

      const first = await callApi(baseUrl, 'report.get', { kind: 'halfyear', period: half.key, communityId: 'qinglong' }, STAFF)
      await page.locator(`.report-row[data-worker="${first.rows[0].workerCode}"] .report-who__name`).click()
      await page.locator('.staff-title', { hasText: `${first.rows[0].name} 的月度趋势` }).waitFor(WAIT)
      await pageSettled(page, '近 12 个月三方总分')
      assert((await page.locator('.trend-chart__col').count()) === 12, 'one column per month, 12 months')
      assert((await page.locator('.trend-item').count()) === 12, 'one line per month')
      await screenshot(page, join(shots, 'reports-trend.png'), { full: false })
      await screenshot(page, join(shots, 'reports-trend-full.png'), { full: true })

      await page.setViewportSize({ width: 1280, height: 800 })
      await page.waitForTimeout(300)
      await screenshot(page, join(shots, 'reports-trend-1280.png'), { full: false })
      await page.goBack()
      await page.getByText(`浮山办事处 · 青龙社区 ${half.label}考核报告`).waitFor(WAIT)
      await page.locator('.report-chip[data-community="all"]').click()
      await page.getByText(`浮山办事处 ${half.label}考核报告`).waitFor(WAIT)
      await pageSettled(page, '参评人数')
      await page.waitForTimeout(300)
      await screenshot(page, join(shots, 'reports-halfyear-1280.png'), { full: false })
      await page.locator('.report-section-title', { hasText: '每人明细' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, join(shots, 'reports-halfyear-rows-1280.png'), { full: false })
      await page.locator('.report-tabs').evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await page.locator('.report-tab[data-kind="year"]').click()
      await page.getByText('年度成绩 = 日常考核').waitFor(WAIT)
      await screenshot(page, join(shots, 'reports-year-1280.png'), { full: false })
      await page.setViewportSize({ width: 375, height: 667 })
      await page.waitForTimeout(300)
      await page.locator('.report-note', { hasText: '年度成绩 = 日常考核' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, join(shots, 'reports-year.png'), { full: false })
      await page.locator('.report-tab[data-kind="month"]').click()
      await page.getByText('月度排名', { exact: false }).first().waitFor(WAIT)
      await page.locator('.report-rank').first().waitFor(WAIT)
      await screenshot(page, join(shots, 'reports-month.png'), { full: false })
    } finally {
      await context.close()
    }
  })
}

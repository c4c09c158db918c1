// The browser journey of 我的工作台 (worker/home/index): the demo worker 刘建华 opens it from the
// home page, sees their grid time against the target with six months of bars and their own results,
// this month's results only as 本月结束后公布 (trust rule 5), starts a field session with the big button and
// ends it; targets stay at least 44 x 44 px and nothing
// spills sideways at 375 px. Screenshots at 375 x 667 go to screenshots/worker-home*.png.
import { join } from 'node:path'
import { boxes, fitReport } from './elderFriendly.mjs'
import { callApi, currentChinaMonth, phonePage, screenshot, startServer } from './harness.mjs'

const WORKER = { openid: 'dev-worker-YQ01', role: 'worker', name: '刘建华', workerCode: 'YQ01', communityId: 'yinquan', subdistrictId: 'fushan' }
const WAIT = { timeout: 15000 }
const MIN_TARGET_PX = 44

export async function runWorkerHomeJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const month = currentChinaMonth()

    await test('a worker opens 我的工作台 from the home page, starts a field session with a tap and ends it', async () => {
      const { page, context } = await phonePage(browser, WORKER)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '我的工作台' }).click(WAIT)
        await page.getByText('刘建华，您好').waitFor(WAIT)
        // With the days 刘建华 staffed 银泉's hall this month beside the ratio, once he has any.
        await page.getByText(/本月(下沉网格 \d+%（目标 50%）|大厅值班 \d+ 天，网格 \d+%)/).waitFor(WAIT)
        await page.locator('.own-results__row').first().waitFor(WAIT)
        await page.getByText('最近的服务').waitFor(WAIT)
        await page.waitForTimeout(300)
        await screenshot(page, join(shots, 'worker-home.png'))
        await screenshot(page, join(shots, 'worker-home-full.png'), { full: true })
        await page.setViewportSize({ width: 375, height: 667 })

        // every target at least 44 x 44 px, nothing wider than the phone
        for (const selector of ['.worker-tile', '.worker-chip', '.big-button']) {
          for (const box of await boxes(page, selector)) {
            assert(box.width >= MIN_TARGET_PX && box.height >= MIN_TARGET_PX, `“${box.text}” (${selector}) is ${box.width} x ${box.height} px, under 44 x 44`)
          }
        }
        const fit = await fitReport(page, ['.worker-hello__where', '.grid-time__headline', '.grid-time__detail', '.own-results__row', '.visit-list__row'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)

        // Last month's results show on opening; this month's only once it has ended (trust rule 5).
        assert((await page.locator('.worker-chip--on').innerText()).trim() === month.previousLabel, `last month is chosen on opening: ${await page.locator('.worker-chip--on').innerText()}`)
        await page.locator('.worker-chip', { hasText: new RegExp(`^${month.label}$`) }).click()
        await page.getByText(`${month.label}结束后公布`).waitFor(WAIT)
        assert((await page.locator('.own-results__row').count()) === 0, 'no numbers for the running month')
        const pending = await fitReport(page, ['.own-results__pending-title', '.own-results__pending-detail'])
        assert(pending.widest <= pending.viewport && pending.pastEdge.length === 0 && pending.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(pending)}`)
        await screenshot(page, join(shots, 'worker-home-unpublished.png'), { full: true })

        await page.locator('taro-button-core', { hasText: '开始下沉' }).click()
        await page.getByText('正在下沉').waitFor(WAIT)
        await page.getByText(/今天 \d\d:\d\d 开始 · 刚开始/).waitFor(WAIT)
        await screenshot(page, join(shots, 'worker-home-running.png'))
        // A forgotten end can be set to the time the worker left, however long the session has run.
        await page.getByText('早就离开网格了？按离开的时间结束').click()
        await page.getByText(/之后，不晚于现在/).waitFor(WAIT)
        await screenshot(page, join(shots, 'worker-home-left-at.png'))
        const running = await callApi(baseUrl, 'field.list', { period: month.key }, WORKER.openid)
        assert(running.open !== null && running.open.grid === '银泉花园', `one session running in 银泉花园, got ${JSON.stringify(running.open)}`)

        await page.locator('taro-button-core', { hasText: '结束下沉' }).click()
        await page.getByText('已记录这次下沉').waitFor(WAIT)
        await screenshot(page, join(shots, 'worker-home-ended.png'))
        const ended = await callApi(baseUrl, 'field.list', { period: month.key }, WORKER.openid)
        assert(ended.open === null && ended.sessions.length === 1, `the session logged, none running: ${JSON.stringify(ended)}`)
      } finally {
        await context.close()
      }
    })

    await test('我的工作台 tells a resident it is for community workers', async () => {
      const { page, context } = await phonePage(browser, { openid: 'dev-resident-1', role: 'resident', name: '居民 张阿姨' })
      try {
        await page.goto(`${baseUrl}/#/worker/home/index`)
        await page.getByText('我的工作台只对社区工作者开放').waitFor(WAIT)
        await screenshot(page, join(shots, 'worker-home-not-worker.png'))
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
  }
}

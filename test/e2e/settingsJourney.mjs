// The bureau changes the scoring settings in the browser: from the home page's 考核设置
// to staff/settings/index; a daily share of 0.5 is refused beside 日常考核占比 (HTTP 400 with `field`), the
// page scrolls that message into view, and nothing is saved; 0.7 saves version 2, which the page then states. It changes the settings, so it runs
// on a server of its own (a fresh DATA_DIR): the other journeys keep the default settings.
import { join } from 'node:path'
import { callApi, phonePage, screenshot, startServer } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 15000 }
/** 评定规则's sixth box: after 3 weights, 5 level points, 优秀最低分, 优秀比例上限, 居民, 服务对象, 先验权重. */
const DAILY_SHARE = 13


/** 保存, then the confirmation a city-wide change asks for: its reason, and 确认保存. */
async function confirmSave(page, reason = '按省里要求调整考核设置') {
  await page.locator('taro-button-core', { hasText: /^保存$/ }).click()
  await page.getByText('确认修改考核设置').waitFor(WAIT)
  await page.locator('.settings-confirm__note textarea').fill(reason)
  await page.locator('taro-button-core', { hasText: '确认保存，全市生效' }).click()
}

export async function runSettingsJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const identities = await callApi(baseUrl, 'dev.identities', {})
    const bureauIdentity = identities.find((i) => i.openid === 'dev-bureau')

    await test('the bureau is refused a daily share of 0.5 beside the field, then saves 0.7 as version 2', async () => {
      const before = await callApi(baseUrl, 'settings.get', {}, 'dev-bureau')
      assert(before.version === 1 && before.settings.dailyShare === 0.6, `starts at version 1: ${JSON.stringify(before.version)}`)

      const bureau = await phonePage(browser, bureauIdentity)
      try {
        const { page } = bureau
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '考核设置' }).click()
        await page.getByText('当前第 1 版（系统初始设置）').waitFor(WAIT)
        await pageSettled(page, '当前第 1 版')
        await screenshot(page, join(shots, 'settings.png'), { full: false })
        await screenshot(page, join(shots, 'settings-full.png'), { full: true })

        const share = page.locator('.settings-input').nth(DAILY_SHARE).locator('input')
        await share.fill('0.5')
        const refused = page.waitForResponse((r) => r.url().includes('/cloud/api') && r.request().postData()?.includes('settings.save'))
        await page.locator('taro-button-core', { hasText: /^保存$/ }).click()
        // Before a city-wide change: what it changes, in words, and why.
        await page.getByText('· 日常考核占比：0.6 → 0.5').waitFor(WAIT)
        await screenshot(page, join(shots, 'settings-confirm.png'), { full: false })
        await page.locator('.settings-confirm__note textarea').fill('按省里要求调整日常考核占比')
        await page.locator('taro-button-core', { hasText: '确认保存，全市生效' }).click()
        const reply = await refused
        const body = await reply.json()
        assert(reply.status() === 400 && body.code === 'INVALID_INPUT' && body.field === 'dailyShare', `refused: ${reply.status()} ${JSON.stringify(body)}`)
        const error = page.locator('[data-setting="dailyShare"] .settings-error')
        await error.waitFor(WAIT)
        assert((await error.textContent()).includes('日常考核占比'), 'the error names 日常考核占比 beside the field')
        // 保存 is at the foot of the page: the page itself scrolls the red message into view.
        await page.waitForFunction(() => {
          const box = document.querySelector('[data-setting="dailyShare"] .settings-error')?.getBoundingClientRect()
          return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight
        }, null, WAIT)
        await page.waitForTimeout(400) // the smooth scroll's last frames
        await screenshot(page, join(shots, 'settings-refused.png'), { full: false })
        const still = await callApi(baseUrl, 'settings.get', {}, 'dev-bureau')
        assert(still.version === 1 && still.settings.dailyShare === 0.6, `nothing saved: ${JSON.stringify(still.version)}`)

        await share.fill('0.7')
        await confirmSave(page)
        await page.getByText('已保存为第 2 版').waitFor(WAIT)
        await page.getByText(/当前第 2 版，.* 由 市民政局 陈处长 保存/).waitFor(WAIT)
        await page.getByText('已保存为第 2 版').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'settings-saved.png'), { full: false })

        // The rate limits' group: 每人每分钟最多提交 10 → 5 saves version 3.
        const perMinute = page.locator('[data-setting="rateLimitPerMinute"] .settings-input input')
        await perMinute.fill('5')
        await confirmSave(page)
        await page.getByText('已保存为第 3 版').waitFor(WAIT)
        await page.locator('[data-setting="trust"]').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'settings-trust.png'), { full: false })

        await page.setViewportSize({ width: 1280, height: 800 })
        await page.evaluate(() => window.scrollTo(0, 0))
        await screenshot(page, join(shots, 'settings-1280.png'), { full: false })
      } finally {
        await bureau.context.close()
      }
      const after = await callApi(baseUrl, 'settings.get', {}, 'dev-bureau')
      assert(after.version === 3 && after.settings.dailyShare === 0.7 && after.settings.rateLimitPerMinute === 5, `version 3 in force: ${JSON.stringify(after)}`)
    })
  } finally {
    server.stop()
  }
}

// The bureau reads the audit log in the browser: it changes a setting on 考核设置
// (每人每天最多提交 30 → 40), then opens 操作记录 from the home page and finds that change at the top, by
// name and role, with the setting's label; the 修改考核设置 chip keeps it, another action's chip shows the
// empty state; sub-district staff are told the log is the bureau's. It changes the settings, so it runs on
// a server of its own (a fresh DATA_DIR).
import { join } from 'node:path'
import { callApi, phonePage, screenshot, startServer } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 15000 }

export async function runAuditJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const identities = await callApi(baseUrl, 'dev.identities', {})
    const bureauIdentity = identities.find((i) => i.openid === 'dev-bureau')
    const staffIdentity = identities.find((i) => i.openid === 'dev-subdistrict-fushan')

    await test('the bureau changes 每人每天最多提交 to 40 and finds that change at the top of 操作记录', async () => {
      const bureau = await phonePage(browser, bureauIdentity)
      try {
        const { page } = bureau
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '考核设置' }).click()
        await page.getByText('当前第 1 版（系统初始设置）').waitFor(WAIT)
        await page.locator('[data-setting="rateLimitPerDay"] .settings-input input').fill('40')
        await page.locator('taro-button-core', { hasText: /^保存$/ }).click()
        await page.locator('.settings-confirm__note textarea').fill('防刷评，提高每天上限')
        await page.locator('taro-button-core', { hasText: '确认保存，全市生效' }).click()
        await page.getByText('已保存为第 2 版').waitFor(WAIT)
        const saved = await callApi(baseUrl, 'settings.get', {}, 'dev-bureau')
        assert(saved.version === 2 && saved.settings.rateLimitPerDay === 40, `version 2 with 40 a day: ${JSON.stringify(saved.version)}`)

        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '操作记录' }).click()
        await page.getByText('每人每天最多提交：30 → 40').waitFor(WAIT)
        await pageSettled(page, '30 → 40')
        const first = page.locator('.audit-entry').first()
        assert((await first.locator('.audit-entry__action').textContent()) === '修改考核设置', 'the newest entry is the settings change')
        const meta = await first.locator('.audit-entry__meta').allTextContents()
        assert(meta[0] === '市民政局 陈处长' && meta[1] === '对象：考核设置第 2 版', `who and what: ${JSON.stringify(meta)}`)
        assert(!(await page.locator('body').textContent()).includes('dev-bureau'), 'no openid on the page')
        await screenshot(page, join(shots, 'audit-list.png'), { full: false })
        await first.scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'audit-entry.png'), { full: false })

        await page.evaluate(() => window.scrollTo(0, 0))
        await page.locator('.audit-chip', { hasText: '修改考核设置' }).click()
        await page.locator('.audit-chip--on', { hasText: '修改考核设置' }).waitFor(WAIT)
        // The chip lights at once and the filtered list follows its reply: until then the unfiltered list
        // (which has the change too) is still there, so wait for the list to become the filtered one.
        const filtered = await page
          .waitForFunction(() => document.querySelectorAll('.audit-entry').length === 1, null, WAIT)
          .then(() => true, () => false)
        // On failure, say what the page showed instead (a notice, an error, or how many entries).
        const shown = filtered ? '' : await page.evaluate(() => `${document.querySelectorAll('.audit-entry').length} entries; ${[...document.querySelectorAll('.notice')].map((el) => el.textContent).join(' | ')}`)
        assert(filtered && (await page.getByText('每人每天最多提交：30 → 40').isVisible()), `one settings change: ${shown}`)
        await page.locator('.audit-chip', { hasText: '复核申诉' }).click()
        await page.getByText('没有符合条件的记录').waitFor(WAIT)
        await screenshot(page, join(shots, 'audit-empty.png'), { full: false })
      } finally {
        await bureau.context.close()
      }
    })

    await test('sub-district staff are told 操作记录 is the bureau’s, and have no link to it', async () => {
      const staff = await phonePage(browser, staffIdentity)
      try {
        const { page } = staff
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '查看评价结果' }).waitFor(WAIT)
        assert((await page.locator('taro-button-core', { hasText: '操作记录' }).count()) === 0, 'no 操作记录 on the staff home')
        await page.goto(`${baseUrl}/#/staff/audit/index`)
        await page.getByText('操作记录只对市民政局开放').waitFor(WAIT)
        await screenshot(page, join(shots, 'audit-staff.png'), { full: false })
      } finally {
        await staff.context.close()
      }
    })
  } finally {
    server.stop()
  }
}

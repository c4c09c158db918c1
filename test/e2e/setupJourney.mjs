// The browser journey of a fresh environment: the local runtime started empty (SEED_DEMO=0)
// with a first administrator in BUREAU_OPENIDS, as a new CloudBase environment starts. The administrator
// opens the home page, is offered 初始化, loads the demo, and gets the staff entries.
import { join } from 'node:path'
import { phonePage, screenshot, startServer } from './harness.mjs'

const ADMIN = { openid: 'o-first-admin', role: 'bureau', name: '市民政局管理员' }
const WAIT = { timeout: 15000 }

export async function runSetupJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root, { env: { SEED_DEMO: '0', BUREAU_OPENIDS: ADMIN.openid } })
  try {
    const baseUrl = await server.url
    await test('a first administrator sets an empty environment up from the home page, with the demo', async () => {
      const { page, context } = await phonePage(browser, ADMIN)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.getByText('系统尚未初始化').waitFor(WAIT)
        assert((await page.getByText('查看评价结果').count()) === 0, 'no staff entry before setup')
        await screenshot(page, join(shots, 'home-setup.png'), { full: true })
        await page.locator('taro-button-core', { hasText: '初始化并载入演示数据' }).click()
        await page.getByText('查看评价结果').waitFor(WAIT)
        assert((await page.getByText('系统尚未初始化').count()) === 0, 'the setup panel is gone once set up')
        await screenshot(page, join(shots, 'home-after-setup.png'), { full: true })
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
  }
}

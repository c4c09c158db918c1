// The browser journey of binding a worker's WeChat, on a local runtime of its own (it
// moves a demo worker's binding, which the other journeys must not see). 银泉社区's admin opens
// 社区工作者与邀请码 from the home page and makes an invite for 王志强 (YQ02); a WeChat account nobody has
// seen before opens the invite's page, is told whose record it binds to, taps 确认绑定, and session.me
// then says worker; the same invite opened again by someone else says it was used.
import { join } from 'node:path'
import { callApi, phonePage, screenshot, startServer } from './harness.mjs'

const ADMIN = { openid: 'dev-community-yinquan', role: 'community', name: '银泉社区 管理员', communityId: 'yinquan', subdistrictId: 'fushan' }
const FRESH = { openid: 'o-e2e-new-wechat', role: 'resident', name: '新的微信' }
const LATE = { openid: 'o-e2e-late-wechat', role: 'resident', name: '晚来的微信' }
const WAIT = { timeout: 15000 }

/** Waits until the page that slid in (Taro h5's navigation) has come to rest at the left edge. */
async function settledAtLeft(page, selector) {
  await page.waitForFunction(
    (sel) => {
      const box = document.querySelector(sel)?.getBoundingClientRect()
      return box !== undefined && box.left >= 0 && box.left < 40
    },
    selector,
    WAIT,
  )
  await page.waitForTimeout(300)
}

export async function runInviteJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    let inviteCode = null

    await test('a community admin makes an invite for 王志强 from the home page: its code, its text and 有效期至', async () => {
      const { page, context } = await phonePage(browser, ADMIN)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        const entry = page.locator('taro-button-core', { hasText: '社区工作者与邀请码' })
        await entry.waitFor(WAIT)
        await screenshot(page, join(shots, 'home-community-admin.png'), { full: true })
        await entry.click()
        await page.getByText('银泉社区：共 18 名，已绑定微信 18 名').waitFor(WAIT)
        assert((await page.locator('.invite-row').count()) === 18, 'a row for each of the 18 workers')
        await settledAtLeft(page, '.invite-row')
        const button = await page.locator('.invite-row__create').first().boundingBox()
        assert(button.width >= 44 && button.height >= 44, `生成邀请码 is a 44 x 44 px target, got ${button.width} x ${button.height}`)
        await screenshot(page, join(shots, 'staff-workers.png'))

        const row = page.locator('.invite-row', { hasText: 'YQ02' })
        await row.locator('.invite-row__create', { hasText: '生成邀请码' }).click()
        await row.getByText('有效期至').waitFor(WAIT)
        const codeText = await row.locator('.invite-row__code').innerText()
        inviteCode = codeText.replace('邀请码', '').trim()
        assert(/^I[0-9A-Za-z]{15}$/.test(inviteCode), `an invite code, got “${codeText}”`)
        const image = row.locator('.invite-row__image img')
        assert((await image.getAttribute('src'))?.startsWith('data:image/png;base64,'), 'the QR code is shown')
        const box = await image.boundingBox()
        assert(box !== null && box.width >= 150 && box.height >= 150, `the QR code is large enough to scan, got ${box?.width} x ${box?.height}`)
        await row.scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'staff-workers-invite.png'))
      } finally {
        await context.close()
      }
    })

    await test('a fresh WeChat account opens the invite, sees whose record it binds, and binds it: session.me says worker', async () => {
      assert(inviteCode !== null, 'the invite of the journey above')
      const { page, context } = await phonePage(browser, FRESH)
      try {
        await page.goto(`${baseUrl}/#/worker/invite/index?scene=${encodeURIComponent(inviteCode)}`)
        await page.getByText('确认绑定').waitFor(WAIT)
        await settledAtLeft(page, '.invite__card')
        const record = await page.locator('.invite__record').innerText()
        assert(record === '银泉社区 王志强（YQ02）', `whose record: “${record}”`)
        await screenshot(page, join(shots, 'invite-accept.png'))
        await page.locator('taro-button-core', { hasText: '确认绑定' }).click()
        await page.getByText('已绑定，可以在首页进入我的工作台').waitFor(WAIT)
        await screenshot(page, join(shots, 'invite-done.png'))
        const me = await callApi(baseUrl, 'session.me', {}, FRESH.openid)
        assert(me.role === 'worker' && me.workerCode === 'YQ02', `session.me: ${JSON.stringify(me)}`)
        const old = await callApi(baseUrl, 'session.me', {}, 'dev-worker-YQ02')
        assert(old.role === 'resident', `the demo's old account of YQ02 is a resident, got ${JSON.stringify(old)}`)
      } finally {
        await context.close()
      }
    })

    await test('the same invite opened by someone else says it was used, and offers no 确认绑定', async () => {
      assert(inviteCode !== null, 'the invite of the journey above')
      const { page, context } = await phonePage(browser, LATE)
      try {
        await page.goto(`${baseUrl}/#/worker/invite/index?scene=${encodeURIComponent(inviteCode)}`)
        await page.getByText('这个邀请码已经被使用过了').waitFor(WAIT)
        assert((await page.getByText('确认绑定').count()) === 0, 'no 确认绑定 on a used invite')
        await screenshot(page, join(shots, 'invite-used.png'))
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
  }
}

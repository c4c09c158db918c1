// The browser journey of managing the organisation, on a local runtime of its own (it
// adds a community, binds a new admin and deactivates a demo worker, which the other journeys must not
// see). The bureau creates 青山社区 in 浮山办事处 on 组织架构 and renames it 青山湖社区, then invites its
// admin; a WeChat account nobody has seen opens the invite, accepts it and finds its community on
// 网格与工作者. 银泉社区's admin deactivates 张丽 (YQ04) after confirming in place; a resident scanning her
// code is told plainly she cannot be rated (and rating.submit refuses); the admin changes 幸福里网格's
// households. Screenshots of each page at 375 x 667; sub-district staff's 组织架构 too.
import { join } from 'node:path'
import { boxes, contrastRatios, textMetrics } from './elderFriendly.mjs'
import { callApi, phonePage, screenshot, startServer } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 15000 }
const NEW_ADMIN = { openid: 'o-e2e-qingshanhu-admin', role: 'resident', name: '新的微信' }
const MIN_TARGET = 44

/** Every visible target matching `selector` is at least 44 x 44 px (staff pages, DESIGN section 8). */
async function targetsAtLeast44(page, selector, assert) {
  const sizes = await page.locator(selector).evaluateAll((els) =>
    els.filter((el) => el.getClientRects().length > 0).map((el) => [el.textContent.trim(), el.getBoundingClientRect().width, el.getBoundingClientRect().height]),
  )
  assert(sizes.length > 0, `some ${selector} on the page`)
  for (const [text, width, height] of sizes) assert(width >= MIN_TARGET && height >= MIN_TARGET, `“${text}” is ${width} x ${height} px, under 44 x 44`)
}

/** Waits for the rows of one org panel to be listed, then names them in order. */
const rowNames = (panel) => panel.locator('.org-row__name').allInnerTexts()

export async function runOrgJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const identities = await callApi(baseUrl, 'dev.identities', {})
    const who = (openid) => identities.find((i) => i.openid === openid)
    let inviteCode = null

    await test('the bureau creates 青山社区 in 浮山办事处, renames it 青山湖社区 and invites its admin', async () => {
      const { page, context } = await phonePage(browser, who('dev-bureau'))
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '组织架构' }).click()
        const fushan = page.locator('.org-panel[data-subdistrict="fushan"]')
        await fushan.getByText('银泉社区').waitFor(WAIT)
        await pageSettled(page, '组织架构')
        assert(JSON.stringify(await page.locator('.org-panel__name').allInnerTexts()) === '["浮山办事处","温泉办事处"]', 'both offices, in pinyin order')
        assert(JSON.stringify(await rowNames(fushan)) === '["青龙社区","银泉社区"]', `浮山's communities: ${await rowNames(fushan)}`)
        await targetsAtLeast44(page, '.org-link', assert)
        await screenshot(page, join(shots, 'staff-org-bureau.png'))

        await fushan.getByText('＋ 新增社区').click()
        await fushan.locator('.org-editor__input input').fill('青山社区')
        await fushan.locator('.org-button', { hasText: '保存' }).click()
        const added = fushan.locator('.org-row', { hasText: '青山社区' })
        await added.getByText('工作者 0 名').waitFor(WAIT)
        assert(JSON.stringify(await rowNames(fushan)) === '["青龙社区","青山社区","银泉社区"]', `after adding: ${await rowNames(fushan)}`)

        await added.getByText('改名').click()
        const rename = fushan.locator('.org-editor__input input')
        assert((await rename.inputValue()) === '青山社区', 'the rename starts from the current name')
        await rename.fill('青山湖社区')
        await fushan.locator('.org-button', { hasText: '保存' }).click()
        await fushan.getByText('青山湖社区').waitFor(WAIT)
        assert(JSON.stringify(await rowNames(fushan)) === '["青龙社区","青山湖社区","银泉社区"]', `after renaming: ${await rowNames(fushan)}`)

        const row = fushan.locator('.org-row', { hasText: '青山湖社区' })
        await row.getByText('邀请社区管理员').click()
        await row.getByText('邀请浮山办事处 青山湖社区的社区管理员：请填写对方姓名').waitFor(WAIT)
        await row.locator('.org-editor__input input').fill('周书记')
        await row.locator('.org-button', { hasText: '生成邀请码' }).click()
        await row.getByText('请周书记用本人微信扫描下面的邀请码，成为浮山办事处 青山湖社区的社区管理员').waitFor(WAIT)
        inviteCode = (await row.locator('.org-invite__code').innerText()).replace('邀请码', '').trim()
        assert(/^I[0-9A-Za-z]{15}$/.test(inviteCode), `an invite code, got “${inviteCode}”`)
        assert((await row.locator('.org-invite__image img').getAttribute('src'))?.startsWith('data:image/png;base64,'), 'the QR code is shown')
        await row.locator('.org-invite__image').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'staff-org-invite.png'))
      } finally {
        await context.close()
      }
    })

    await test("浮山's staff see their own office only on 组织架构, with invites and no renaming", async () => {
      const { page, context } = await phonePage(browser, who('dev-subdistrict-fushan'))
      try {
        await page.goto(`${baseUrl}/#/staff/org/index`)
        await page.getByText('青山湖社区').waitFor(WAIT)
        await pageSettled(page, '组织架构')
        assert(JSON.stringify(await page.locator('.org-panel__name').allInnerTexts()) === '["浮山办事处"]', 'their own office only')
        assert((await page.getByText('改名').count()) === 0 && (await page.getByText('新增街道').count()) === 0, 'no renaming, no new office')
        assert((await page.getByText('邀请社区管理员', { exact: true }).count()) === 3, 'an admin invite for each of the 3 communities')
        await screenshot(page, join(shots, 'staff-org-subdistrict.png'))
      } finally {
        await context.close()
      }
    })

    await test('a new WeChat account opens the invite, accepts it, and finds 青山湖社区 on 网格与工作者', async () => {
      assert(inviteCode !== null, 'the invite of the journey above')
      const { page, context } = await phonePage(browser, NEW_ADMIN)
      try {
        await page.goto(`${baseUrl}/#/worker/invite/index?scene=${encodeURIComponent(inviteCode)}`)
        await page.getByText('确认绑定').waitFor(WAIT)
        await pageSettled(page, '接受邀请')
        const lead = await page.locator('.invite__lead').first().innerText()
        const record = await page.locator('.invite__record').innerText()
        assert(lead === '周书记，您被邀请成为', `the lead: “${lead}”`)
        assert(record === '浮山办事处 青山湖社区', `where: “${record}”`)
        const role = await page.locator('.invite__lead').nth(1).innerText()
        assert(role === '的社区管理员', `as what: “${role}”`)
        await screenshot(page, join(shots, 'invite-staff.png'))
        await page.locator('taro-button-core', { hasText: '确认绑定' }).click()
        await page.getByText('已绑定，可以在首页进入工作页面').waitFor(WAIT)
        await page.getByText('您的微信已绑定为浮山办事处 青山湖社区的社区管理员。').waitFor(WAIT)

        // The app opened afresh on the same phone: the home page now offers the admin's entry.
        const home = await context.newPage()
        await home.goto(`${baseUrl}/#/pages/index/index`)
        await home.locator('taro-button-core', { hasText: '网格与工作者' }).click()
        await home.getByText('浮山办事处 青山湖社区').waitFor(WAIT)
        await home.getByText('还没有网格，请先新增网格').waitFor(WAIT)
        assert((await home.getByText('工作者（0 名，在岗 0 名）').count()) === 1, 'no workers yet')
      } finally {
        await context.close()
      }
    })

    await test("银泉社区's admin deactivates 张丽 after confirming; her rating page then refuses plainly", async () => {
      const { page, context } = await phonePage(browser, who('dev-community-yinquan'))
      try {
        await page.goto(`${baseUrl}/#/staff/community/index`)
        await page.getByText('工作者（18 名，在岗 18 名）').waitFor(WAIT)
        await pageSettled(page, '网格与工作者')
        await targetsAtLeast44(page, '.org-link, .org-picker', assert)
        const row = page.locator('.org-row[data-worker="YQ04"]')
        await row.locator('.worker-toggle').click()
        await row.getByText('确定停用张丽吗？').waitFor(WAIT)
        assert((await page.getByText('工作者（18 名，在岗 18 名）').count()) === 1, 'nothing changes before 确认停用')
        await row.locator('.worker-confirm').scrollIntoViewIfNeeded()
        await targetsAtLeast44(page, '.org-button', assert)
        await screenshot(page, join(shots, 'staff-community-confirm.png'))
        await row.locator('.org-button', { hasText: '确认停用' }).click()
        await page.getByText('工作者（18 名，在岗 17 名）').waitFor(WAIT)
        await row.getByText('已停用（不能被评价，已有评价保留）').waitFor(WAIT)
        await row.getByText('恢复在岗').waitFor(WAIT)
      } finally {
        await context.close()
      }

      const resident = await phonePage(browser, who('dev-resident-1'))
      try {
        const { page } = resident
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ04`)
        await page.getByText('这位工作者已不在岗，暂时不能评价。').waitFor(WAIT)
        await pageSettled(page, '这位工作者已不在岗')
        assert((await page.getByText('银泉社区的张丽已不在这个岗位上', { exact: false }).count()) === 1, 'names who it was')
        for (const words of ['非常满意', '非常不满意', '提交评价']) assert((await page.getByText(words, { exact: true }).count()) === 0, `no “${words}”`)
        // A resident's page (DESIGN section 8): 18 px text, line height 1.3, contrast 4.5:1, a 60 px button.
        for (const text of await textMetrics(page, ['.notice__title', '.notice__detail'])) {
          assert(text.fontSize >= 18 && text.lineHeight >= 1.3 * text.fontSize, `“${text.text}” is ${text.fontSize} px / ${text.lineHeight} px`)
        }
        for (const { text, ratio } of await contrastRatios(page, '.notice__title, .notice__detail')) assert(ratio >= 4.5, `“${text}” contrast ${ratio.toFixed(2)}`)
        const [home] = await boxes(page, 'taro-button-core')
        assert(home.text === '回到首页' && home.height >= 60 && home.width >= 60, `回到首页 is ${home.width} x ${home.height} px`)
        await screenshot(page, join(shots, 'rate-inactive.png'))
      } finally {
        await resident.context.close()
      }
      let refusal = null
      await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ04', level: 4, idempotencyKey: `e2e-inactive-${Date.now()}` }, 'dev-resident-1').catch((error) => (refusal = error.message))
      assert(refusal === 'rating.submit failed: CONFLICT 这位工作者已不在岗，暂时不能评价。', `rating.submit refuses: ${refusal}`)
    })

    await test("银泉社区's admin changes 幸福里网格 from 356 to 420 households", async () => {
      const { page, context } = await phonePage(browser, who('dev-community-yinquan'))
      try {
        await page.goto(`${baseUrl}/#/staff/community/index`)
        const grid = page.locator('.org-row[data-grid="yinquan-g3"]')
        await grid.getByText('356 户 · 工作者 3 名').waitFor(WAIT)
        await grid.getByText('修改').click()
        const editor = page.locator('.org-editor[data-grid="yinquan-g3"]')
        await editor.locator('.grid-households input').fill('420')
        await editor.locator('.org-button', { hasText: '保存' }).click()
        await page.locator('.org-row[data-grid="yinquan-g3"]').getByText('420 户 · 工作者 3 名').waitFor(WAIT)
        const card = await callApi(baseUrl, 'worker.card', { workerCode: 'YQ03' })
        assert(card.grid === '幸福里网格' && card.households === 420, `陈秀英's card: ${card.grid} ${card.households}`)
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
  }
}

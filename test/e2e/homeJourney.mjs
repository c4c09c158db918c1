// The home page's staff workbench, which follows who the server says the caller is (session.me): each
// role sees what waits for it and its own tools first, asked again on an identity switch, with the
// resident's part below; and only the bureau names a sub-district on the evaluation page. Reads the
// shared demo server.
import { join } from 'node:path'
import { button, currentChinaMonth, demoIdentities, phonePage, screenshot } from './harness.mjs'

const WAIT = { timeout: 15000 }

/** The session.me answer a page load asks for, to know the staff entry has been decided. */
function sessionAnswer(page) {
  return page.waitForResponse((r) => r.url().endsWith('/cloud/api') && (r.request().postData() ?? '').includes('"session.me"'), WAIT)
}

export async function runHomeJourney({ browser, baseUrl, shots, test, assert }) {
  const identity = await demoIdentities(baseUrl)
  const month = currentChinaMonth()

  await test('the home page opens on each role’s own work (what waits, then the tools; a worker’s own work), asking again on an identity switch', async () => {
    const { page, context } = await phonePage(browser, identity('dev-resident-2'))
    try {
      const answered = sessionAnswer(page)
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await answered
      await page.getByText('给社区工作者评个分').waitFor(WAIT)
      assert((await page.locator('.workbench').count()) === 0, 'a resident sees no workbench')
      await screenshot(page, join(shots, 'home-resident.png'), { full: true })

      const switchTo = async (openid) => {
        const asked = sessionAnswer(page)
        await page.getByText('切换', { exact: true }).click()
        await page.locator(`.identity__chip[data-openid="${openid}"]`).click()
        await asked
      }
      await switchTo('dev-subdistrict-fushan')
      const staff = page.locator('.workbench')
      await staff.getByText('浮山办事处 王科长', { exact: true }).waitFor(WAIT)
      // What waits comes first: each queue of 浮山 with its count, and this month's sheet.
      await staff.locator('.workbench-row[data-queue="sheet"]').waitFor(WAIT)
      const queues = await staff.locator('.workbench-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-queue')))
      assert(JSON.stringify(queues) === JSON.stringify(['cases', 'appeals', 'reviews', 'comments', 'sheet']), `浮山's queues in order: ${JSON.stringify(queues)}`)
      const sheetLine = await staff.locator('.workbench-row[data-queue="sheet"]').textContent()
      assert(/尚未填写 · 已评 0 \/ 30 人/.test(sheetLine ?? ''), `this month's sheet not started: ${sheetLine}`)
      assert(await button(staff, '查看评价结果').isVisible(), 'sub-district staff see 查看评价结果')
      assert(await button(staff, '录入街道评分').isVisible(), 'sub-district staff see 录入街道评分')
      // The resident's part follows the workbench.
      const [workbenchBottom, residentTop] = await Promise.all([
        staff.evaluate((el) => el.getBoundingClientRect().bottom),
        page.getByText('给社区工作者评个分').evaluate((el) => el.getBoundingClientRect().top),
      ])
      assert(residentTop > workbenchBottom, 'the resident’s part comes below the workbench')
      await screenshot(page, join(shots, 'home-subdistrict.png'), { full: true })
      await page.setViewportSize({ width: 1280, height: 800 })
      await screenshot(page, join(shots, 'home-subdistrict-desktop.png'), { full: true })
      await page.setViewportSize({ width: 375, height: 667 })

      await switchTo('dev-bureau')
      await staff.getByText('市民政局 陈处长', { exact: true }).waitFor(WAIT)
      assert((await button(staff, '录入街道评分').count()) === 0, 'the bureau reads evaluations but enters no sub-district score')

      await switchTo('dev-community-yinquan')
      await staff.getByText('银泉社区 管理员', { exact: true }).waitFor(WAIT)
      await staff.locator('.workbench-row[data-queue="cases"]').waitFor(WAIT)
      assert((await staff.locator('.workbench-row').count()) === 1, 'a community admin waits on cases only')
      assert(await button(staff, '社区工作者与邀请码').isVisible(), 'a community admin sees 社区工作者与邀请码')
      assert((await button(staff, '查看评价结果').count()) === 0, 'a community admin reads no evaluation')

      await switchTo('dev-worker-YQ03')
      await button(page, '我的工作台').waitFor(WAIT)
      assert(await button(page, '记录一次服务').isVisible(), 'a worker’s own work comes first: 记录一次服务')
      await screenshot(page, join(shots, 'home-worker.png'), { full: true })
      assert((await button(page, '查看评价结果').count()) === 0, 'a worker reads no evaluation')
      assert((await button(page, '社区工作者与邀请码').count()) === 0, 'a worker makes no invites')
    } finally {
      await context.close()
    }
  })

  await test('only the bureau names a sub-district on the evaluation page', async () => {
    for (const [openid, names] of [['dev-bureau', true], ['dev-subdistrict-fushan', false]]) {
      const { page, context } = await phonePage(browser, identity(openid))
      try {
        await page.goto(`${baseUrl}/#/staff/evaluation/index?period=${month.previousKey}`)
        await page.getByText(`${month.previousLabel}：共 30 名工作者`).waitFor(WAIT)
        assert((await page.locator('.staff-subdistrict').count()) === (names ? 1 : 0), `${openid} ${names ? 'names' : 'does not name'} a sub-district`)
        assert((await page.locator('.staff-link').count()) === (names ? 0 : 1), `${openid} ${names ? 'has no' : 'has the'} score entry link`)
        if (names) await screenshot(page, join(shots, 'evaluation-bureau.png'), { full: false })
      } finally {
        await context.close()
      }
    }
  })
}

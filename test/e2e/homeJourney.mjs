// The home page's staff entries, which follow who the server says the caller is (session.me): each
// role sees its own, asked again on an identity switch; and only the bureau names a sub-district on the
// evaluation page. Reads the shared demo server.
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

  await test('the home page shows each role its own entries (sub-district staff, the bureau, community admins, workers), asking again on an identity switch', async () => {
    const { page, context } = await phonePage(browser, identity('dev-resident-2'))
    try {
      const answered = sessionAnswer(page)
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await answered
      await page.getByText('给社区工作者评个分').waitFor(WAIT)
      assert((await page.locator('.home__staff').count()) === 0, 'a resident sees no staff entry')
      await screenshot(page, join(shots, 'home-resident.png'), { full: true })

      const switchTo = async (openid) => {
        const asked = sessionAnswer(page)
        await page.getByText('切换', { exact: true }).click()
        await page.locator(`.identity__chip[data-openid="${openid}"]`).click()
        await asked
      }
      await switchTo('dev-subdistrict-fushan')
      const staff = page.locator('.home__staff')
      await staff.getByText('浮山办事处 王科长', { exact: true }).waitFor(WAIT)
      assert(await button(staff, '查看评价结果').isVisible(), 'sub-district staff see 查看评价结果')
      assert(await button(staff, '录入街道评分').isVisible(), 'sub-district staff see 录入街道评分')
      await screenshot(page, join(shots, 'home-subdistrict.png'), { full: true })

      await switchTo('dev-bureau')
      await staff.getByText('市民政局 陈处长', { exact: true }).waitFor(WAIT)
      assert((await button(staff, '录入街道评分').count()) === 0, 'the bureau reads evaluations but enters no sub-district score')

      await switchTo('dev-community-yinquan')
      await staff.getByText('银泉社区 管理员', { exact: true }).waitFor(WAIT)
      assert(await button(staff, '社区工作者与邀请码').isVisible(), 'a community admin sees 社区工作者与邀请码')
      assert((await button(staff, '查看评价结果').count()) === 0, 'a community admin reads no evaluation')

      await switchTo('dev-worker-YQ03')
      await button(page, '我的工作台').waitFor(WAIT)
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

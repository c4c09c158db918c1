// No conflict of interest (DESIGN section 6 rule 11) in the browser: a community admin who opens a
// worker's rating page and submits is told plainly that staff do not rate, and a worker rating a colleague
// of their own community is told why not; neither sees a result screen nor a 再试一次. Reads the shared
// demo server (YQ = 银泉社区).
import { join } from 'node:path'
import { callApi, phonePage, screenshot } from './harness.mjs'

const WAIT = { timeout: 15000 }

const CASES = [
  { openid: 'dev-community-yinquan', who: 'a community admin', reason: '工作人员不能参与居民评价，以免影响评价的公正。', shot: 'rating-refused-staff.png' },
  { openid: 'dev-worker-YQ02', who: 'a worker of the same community', reason: '不能评价本社区的同事，以免影响评价的公正。', shot: 'rating-refused-colleague.png' },
]

export async function runConflictJourney({ browser, baseUrl, shots, test, assert }) {
  const identities = await callApi(baseUrl, 'dev.identities', {})
  for (const { openid, who, reason, shot } of CASES) {
    await test(`${who} who submits a rating of YQ01 is told why they may not, and nothing is saved`, async () => {
      const identity = identities.find((i) => i.openid === openid)
      assert(identity, `dev.identities has no ${openid}`)
      const { page, context } = await phonePage(browser, identity)
      try {
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ01`)
        await page.getByText('满意', { exact: true }).click()
        await page.getByText('已选', { exact: true }).waitFor(WAIT)
        await page.locator('taro-button-core', { hasText: '提交评价' }).click()
        await page.getByText('您不能参与这次评价', { exact: true }).waitFor(WAIT)
        assert(await page.getByText(reason).isVisible(), `the page says why: ${reason}`)
        assert((await page.getByText('评价已提交，谢谢您').count()) === 0, 'no result screen')
        assert((await page.getByText('再试一次').count()) === 0, 'no retry offered: trying again changes nothing')
        await page.locator('.notice--error').evaluate((el) => el.scrollIntoView({ block: 'center' }))
        await screenshot(page, join(shots, shot), { full: false })
      } finally {
        await context.close()
      }
    })
  }
}

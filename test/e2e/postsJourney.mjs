// The bureau edits the four-post job description in the browser (the 4 of 3456): from the home
// page's 编辑四岗职责 to staff/posts/index, a duty added to 专职社区工作者 and saved; then a resident's card of
// a 专职社区工作者 (on the rating page, 展开全部) shows the new duty. It changes the demo's posts, so it runs
// on a server of its own.
import { join } from 'node:path'
import { callApi, phonePage, screenshot, startServer } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 15000 }
const NEW_DUTY = '每月在小区公示栏公开一次走访情况'

export async function runPostsJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const identities = await callApi(baseUrl, 'dev.identities', {})
    const who = (openid) => identities.find((i) => i.openid === openid)

    await test('the bureau adds a duty to 专职社区工作者 and a resident sees it on the worker’s card', async () => {
      const before = (await callApi(baseUrl, 'post.list', {})).find((p) => p.postId === 'zhuanzhi')
      assert(before?.duties.length === 5, `专职社区工作者 starts with 5 duties, got ${before?.duties.length}`)
      const bureau = await phonePage(browser, who('dev-bureau'))
      try {
        const { page } = bureau
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '编辑四岗职责' }).click()
        await page.getByText('共 4 个岗位').waitFor(WAIT)
        await pageSettled(page, '共 4 个岗位')
        await screenshot(page, join(shots, 'posts.png'), { full: false })

        const row = page.locator('.post-row[data-post="zhuanzhi"]')
        await row.locator('.post-row__head').click()
        await row.locator('.post-row__duty-input').nth(4).waitFor(WAIT)
        await row.getByText('＋ 添加一条职责').click()
        const added = row.locator('.post-row__duty-input').nth(5)
        await added.locator('textarea').fill(NEW_DUTY)
        await screenshot(page, join(shots, 'posts-edit.png'), { full: true })
        await row.locator('taro-button-core', { hasText: '保存' }).click()
        await row.getByText('已保存', { exact: true }).waitFor(WAIT)
        await page.getByText('6 项职责').waitFor(WAIT)
        await row.getByText('已保存', { exact: true }).scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'posts-saved.png'), { full: false })
      } finally {
        await bureau.context.close()
      }

      const saved = (await callApi(baseUrl, 'post.list', {})).find((p) => p.postId === 'zhuanzhi')
      assert(JSON.stringify(saved?.duties) === JSON.stringify([...before.duties, NEW_DUTY]), `saved: ${JSON.stringify(saved?.duties)}`)

      const resident = await phonePage(browser, who('dev-resident-1'))
      try {
        const { page } = resident
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ07`)
        await page.getByText('您对孙桂兰的工作满意吗？').waitFor(WAIT)
        // Folded, the sixth duty is clipped; 展开全部 shows it.
        await page.getByText('展开全部', { exact: true }).click()
        await page.getByText('收起', { exact: true }).waitFor(WAIT)
        const duty = page.getByText(NEW_DUTY, { exact: true })
        assert(await duty.isVisible(), 'the card shows the new duty')
        await duty.scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'rating-new-duty.png'), { full: false })
      } finally {
        await resident.context.close()
      }
    })
  } finally {
    server.stop()
  }
}

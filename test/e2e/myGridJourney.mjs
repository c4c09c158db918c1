// "My grid worker" in the browser: a resident with nothing picked is told what to do, picks their
// community and 小区 on pages/mygrid/index (big choices, DESIGN section 8), and from then on the home page
// shows who serves that grid — the workers' cards with post, duties and households — after a reload too
// (the choice is kept on the device), with 评价这位社区工作者 opening that worker's rating page and 换一个小区.
// Reads the shared demo server; the choice lives in the browser's storage only.
import { join } from 'node:path'
import { boxes, textMetrics } from './elderFriendly.mjs'
import { callApi, phonePage, screenshot } from './harness.mjs'
import { pageSettled, routerSettled } from './pageSettled.mjs'

const WAIT = { timeout: 15000 }
/** Where src/hooks/myGrid.ts keeps the choice (in the h5 build: localStorage, as Taro's `{ data }`). */
const MY_GRID_KEY = 'community3456.myGrid'

export async function runMyGridJourney({ browser, baseUrl, shots, test, assert }) {
  const identities = await callApi(baseUrl, 'dev.identities', {})
  const resident = identities.find((i) => i.openid === 'dev-resident-2')

  await test('a resident picks their 小区 once and the home page shows who serves it, with 评价这位社区工作者', async () => {
    const { page, context } = await phonePage(browser, resident)
    try {
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await page.getByText('选择您住的小区，看看谁在为您服务').waitFor(WAIT)
      await screenshot(page, join(shots, 'home-mygrid-empty.png'), { full: true })

      await page.locator('taro-button-core', { hasText: '选择我住的小区' }).click()
      await page.getByText('您住在哪个社区？').waitFor(WAIT)
      await page.locator('.choice').first().waitFor(WAIT)
      await pageSettled(page, '您住在哪个社区？')
      const choices = await boxes(page, '.choice')
      // 浮山办事处's 青龙 and 银泉, 温泉办事处's 淦河
      assert(choices.length === 3 && choices.every((b) => b.height >= 60 && b.width >= 300), `three big community choices, got ${JSON.stringify(choices)}`)
      const texts = await textMetrics(page, ['.choice__title', '.lead', '.mygrid__group-title'])
      for (const t of texts) assert(t.fontSize >= 18 && t.lineHeight >= 1.3 * t.fontSize - 0.01, `${t.selector} “${t.text}” is ${t.fontSize} px / ${t.lineHeight} px`)
      await screenshot(page, join(shots, 'mygrid-communities.png'), { full: false })

      await page.getByText('银泉社区', { exact: true }).click()
      await page.getByText('您住在银泉社区的哪个小区？').waitFor(WAIT)
      await page.getByText('银泉花园', { exact: true }).waitFor(WAIT)
      assert((await boxes(page, '.choice')).length === 6, '银泉社区 has 6 小区 to choose from')
      await screenshot(page, join(shots, 'mygrid-grids.png'), { full: false })

      await page.getByText('银泉花园', { exact: true }).click()
      await page.getByText('为您的小区服务', { exact: true }).waitFor(WAIT)
      await page.locator('.my-grid .worker-card__name', { hasText: '胡晓明' }).waitFor(WAIT)
      await pageSettled(page, '为您的小区服务')
      const go = await page.evaluate(() => getComputedStyle(document.querySelector('.home__go')).marginTop)
      assert(go === '14px', `back home, 去评价 keeps its 14 px gap under the code field, got ${go}`)
      const stored = await page.evaluate((key) => window.localStorage.getItem(key), MY_GRID_KEY)
      assert(JSON.parse(stored ?? '{}').data?.gridId === 'yinquan-g1', `the device keeps the choice, got ${stored}`)
      const names = await page.locator('.my-grid .worker-card__name').allInnerTexts()
      assert(names.join() === '刘建华,孙桂兰,胡晓明', `the three workers of 银泉花园, got ${names.join()}`)
      assert((await page.locator('.my-grid__where').innerText()) === '银泉社区 · 银泉花园', 'the community and 小区 named once')
      const posts = await page.locator('.my-grid .worker-card__post').allInnerTexts()
      assert(posts.join() === '正职,专职社区工作者,专职社区工作者', `posts, got ${posts.join()}`)
      assert((await page.locator('.my-grid .worker-card__value').allInnerTexts()).every((t) => t === '468 户居民'), 'each card: 468 户居民')
      await screenshot(page, join(shots, 'home-mygrid.png'), { full: false })
      await screenshot(page, join(shots, 'home-mygrid-full.png'), { full: true })

      // Remembered on the device: a reload shows the same grid without asking again.
      await page.reload()
      await page.locator('.my-grid .worker-card__name', { hasText: '孙桂兰' }).waitFor(WAIT)

      await page.locator('.my-grid .worker-card', { hasText: '孙桂兰' }).locator('taro-button-core', { hasText: '评价这位社区工作者' }).click()
      await page.getByText('您对孙桂兰的工作满意吗？').waitFor(WAIT)
      assert(page.url().includes('scene=YQ07'), `the rating page of YQ07, at ${page.url()}`)

      // Back home as a resident goes back, once the router has finished pushing the rating page (the home
      // page shaded under it): a back within 50 ms of the push left the home page under that shade for good.
      await routerSettled(page, '您对孙桂兰的工作满意吗？')
      await page.goBack()
      await routerSettled(page, '为您的小区服务')
      await page.getByText('换一个小区', { exact: true }).click()
      await page.getByText('您住在银泉社区的哪个小区？').waitFor(WAIT)
    } finally {
      await context.close()
    }
  })
}

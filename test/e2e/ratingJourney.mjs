// A resident rates a worker through the UI, then again (which replaces the first); sub-district staff
// then see one rating on the evaluation page and open the month's scoring sheet; a worker cannot rate
// themself; an unknown code gets a plain message. Reads and writes the shared demo server, first of all
// journeys: the evaluation page counts the one rating made here.
import { join } from 'node:path'
import { button, callApi, currentChinaMonth, demoIdentities, phonePage, screenshot } from './harness.mjs'

const WAIT = { timeout: 15000 }

export async function runRatingJourney({ browser, baseUrl, shots, test, assert }) {
  const identity = await demoIdentities(baseUrl)
  const card = await callApi(baseUrl, 'worker.card', { workerCode: 'YQ01' })
  const month = currentChinaMonth()

  await test('a resident rates YQ01 through the UI and is told which month it counts for', async () => {
    const { page, context } = await phonePage(browser, identity('dev-resident-1'))
    try {
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await page.getByText('给社区工作者评个分').waitFor(WAIT)
      await screenshot(page, join(shots, 'home.png'), { full: true })

      await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ01`)
      await page.getByText(card.name, { exact: true }).first().waitFor(WAIT)
      for (const fact of [card.post, card.community, card.grid, `${card.households} 户居民`, card.duties[0]]) {
        assert(await page.getByText(fact, { exact: true }).first().isVisible(), `the card shows ${fact}`)
      }
      const submit = page.getByText('请先选择满意程度', { exact: true })
      assert(await submit.isVisible(), 'nothing is pre-selected: the submit button asks for a level first')
      await screenshot(page, join(shots, 'rating.png'), { full: true })

      await page.getByText('非常满意', { exact: true }).click()
      await page.getByText('已选', { exact: true }).waitFor(WAIT)
      const comment = '楼道灯坏了，第二天就来修好了。'
      await page.locator('.rating-form__comment textarea').fill(comment)
      await page.getByText(`${comment.length}/200 字`).waitFor(WAIT)
      await button(page, '提交评价').click()
      await page.getByText(`这条评价计入 ${month.label}。`, { exact: true }).waitFor(WAIT)
      assert(await page.getByText('评价已提交，谢谢您').isVisible(), 'the result screen thanks the resident')
      assert(await page.getByText('会替换这一次的评价').isVisible(), 'the result screen says a re-rate replaces this one')
      assert(await page.getByText('经过审核后').isVisible(), 'the result screen says the comment is moderated first')
      await screenshot(page, join(shots, 'result.png'), { full: true })
    } finally {
      await context.close()
    }
  })

  await test('rating the same worker again this month replaces the first rating', async () => {
    const { page, context } = await phonePage(browser, identity('dev-resident-1'))
    try {
      await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ01`)
      await page.getByText('满意', { exact: true }).click()
      await button(page, '提交评价').click()
      await page.getByText('它已替换您这个月之前给 TA 的评价').waitFor(WAIT)
    } finally {
      await context.close()
    }
  })

  await test('sub-district staff see the rating on the evaluation page and open the month\'s scoring sheet', async () => {
    const { page, context } = await phonePage(browser, identity('dev-subdistrict-fushan'))
    try {
      await page.goto(`${baseUrl}/#/staff/evaluation/index?period=${month.key}`)
      const row = page.locator('.eval-row[data-worker="YQ01"]')
      await row.waitFor(WAIT)
      const residents = row.locator('.party').first()
      // One resident rated twice this month: one rating counts.
      assert((await residents.innerText()).includes('1 条评价'), `YQ01's residents n is 1, got: ${await residents.innerText()}`)
      assert((await row.innerText()).includes(card.name), 'the row names the worker')
      await screenshot(page, join(shots, 'evaluation.png'), { full: false })

      // The demo activity lives in the months before this one: what a clerk sees for last month.
      await page.locator(`.period-chip[data-period="${month.previousKey}"]`).click()
      await page.getByText(`${month.previousLabel}：共 30 名工作者`).waitFor(WAIT)
      await screenshot(page, join(shots, 'evaluation-previous.png'), { full: false })
      await page.locator(`.period-chip[data-period="${month.key}"]`).click()
      await page.getByText(`${month.label}：共 30 名工作者`).waitFor(WAIT)

      // The link opens the month's scoring sheet (its own journey, test/e2e/sheetJourney.mjs, fills it in).
      await page.getByText(`录入${month.label}街道评分 ›`).click()
      await page.locator('.sheet-table').waitFor(WAIT)
      assert((await page.locator('body').innerText()).includes(`${month.label}街道评分`), 'the sheet of the same month opens')
    } finally {
      await context.close()
    }
  })

  await test('a worker who scans their own code is told they cannot rate themself', async () => {
    const { page, context } = await phonePage(browser, identity('dev-worker-YQ01'))
    try {
      await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ01`)
      await page.getByText('非常不满意', { exact: true }).click()
      await button(page, '提交评价').click()
      await page.getByText('不能给自己评价', { exact: true }).waitFor(WAIT)
      await page.locator('.notice--error').evaluate((el) => el.scrollIntoView({ block: 'center' }))
      assert(!(await page.getByText('评价已提交，谢谢您').isVisible()), 'no result screen')
      await screenshot(page, join(shots, 'self-rating.png'), { full: false })
    } finally {
      await context.close()
    }
  })

  await test('an unknown worker code gets a plain message, not a blank page', async () => {
    const { page, context } = await phonePage(browser, identity('dev-resident-2'))
    try {
      await page.goto(`${baseUrl}/#/pages/rate/index?scene=NOPE99`)
      await page.getByText('没有找到编号为 NOPE99 的社区工作者').waitFor(WAIT)
      await screenshot(page, join(shots, 'unknown-worker.png'), { full: false })
    } finally {
      await context.close()
    }
  })
}

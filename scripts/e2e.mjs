#!/usr/bin/env node
// The browser test (`npm run test:e2e`): the h5 build served by the local runtime, driven through its
// UI in Debian's chromium at phone size. A resident rates a worker, then again (which replaces the
// first); sub-district staff then see one rating on the evaluation page and enter their score;
// a worker cannot rate themself; an unknown code gets a plain message.
// Needs dist-h5/ and server/dist/main.cjs (built by `npm test`). Screenshots go to screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  callApi,
  checkPrerequisites,
  currentChinaMonth,
  launchBrowser,
  phonePage,
  screenshot,
  startServer,
} from '../test/e2e/harness.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const shots = join(root, 'screenshots')
const WAIT = { timeout: 15000 }

const problems = checkPrerequisites(root)
if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
mkdirSync(shots, { recursive: true })

/** A button by its words (a tap lands on the button, not on its label). */
function button(scope, words) {
  return scope.locator('taro-button-core', { hasText: words })
}

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

const server = startServer(root)
let browser
let passed = 0
let failed = 0

async function test(name, body) {
  const started = Date.now()
  try {
    await body()
    passed += 1
    console.log(`✓ ${name} (${Date.now() - started} ms)`)
  } catch (error) {
    failed += 1
    console.log(`✗ ${name}\n  ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n  ')}`)
  }
}

try {
  const baseUrl = await server.url
  browser = await launchBrowser()
  const identities = await callApi(baseUrl, 'dev.identities', {})
  const identity = (openid) => {
    const found = identities.find((i) => i.openid === openid)
    assert(found, `dev.identities has no ${openid}`)
    return found
  }
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

  await test('sub-district staff see the rating on the evaluation page and enter a score', async () => {
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

      await page.getByText(`录入${month.label}街道评分 ›`).click()
      const scoreRow = page.locator('.score-row[data-worker="YQ01"]')
      await scoreRow.waitFor(WAIT)
      await scoreRow.locator('.score-row__head').click()
      await scoreRow.locator('input').fill('88')
      await button(scoreRow, '保存评分').click()
      await scoreRow.getByText('已保存 88 分', { exact: true }).waitFor(WAIT)
      await screenshot(page, join(shots, 'score.png'), { full: false })

      const evaluation = await callApi(baseUrl, 'evaluation.get', { period: month.key }, 'dev-subdistrict-fushan')
      const saved = evaluation.rows.find((r) => r.workerCode === 'YQ01')
      assert(saved?.subdistrict?.score === 88, `the server has YQ01's score 88, got ${JSON.stringify(saved?.subdistrict)}`)
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
} catch (error) {
  failed += 1
  console.log(`✗ setup: ${error?.message ?? error}`)
} finally {
  await browser?.close().catch(() => undefined)
  server.stop()
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

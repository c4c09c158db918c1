#!/usr/bin/env node
// The browser test (`npm run test:e2e`): the h5 build served by the local runtime, driven through its
// UI in Debian's chromium at phone size. A resident rates a worker, then again (which replaces the
// first); sub-district staff then see one rating on the evaluation page and enter their score;
// a worker cannot rate themself; an unknown code gets a plain message. Then the elder-friendly checks
// of the rating page (DESIGN section 8) at 375 px and with WeChat's font size turned up, and the home
// page's staff entry, which follows who the server says the caller is (session.me).
// Needs dist-h5/ and server/dist/main.cjs (built by `npm test`). Screenshots go to screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  boxes,
  contrastRatios,
  fitReport,
  levelChoiceStates,
  RATING_MAIN_TEXT,
  textMetrics,
} from '../test/e2e/elderFriendly.mjs'
import {
  callApi,
  checkPrerequisites,
  currentChinaMonth,
  launchBrowser,
  phonePage,
  screenshot,
  startServer,
} from '../test/e2e/harness.mjs'
import { runSetupJourney } from '../test/e2e/setupJourney.mjs'
import { runRatingFoldChecks } from '../test/e2e/ratingFold.mjs'
import { runConflictJourney } from '../test/e2e/conflictJourney.mjs'
import { runMyGridJourney } from '../test/e2e/myGridJourney.mjs'
import { runPostsJourney } from '../test/e2e/postsJourney.mjs'
import { runSettingsJourney } from '../test/e2e/settingsJourney.mjs'
import { runInviteJourney } from '../test/e2e/inviteJourney.mjs'
import { runOrgJourney } from '../test/e2e/orgJourney.mjs'
import { runWorkerHomeJourney } from '../test/e2e/workerHomeJourney.mjs'
import { runVisitJourney } from '../test/e2e/visitJourney.mjs'
import { runReportsJourney } from '../test/e2e/reportsJourney.mjs'
import { runSheetJourney } from '../test/e2e/sheetJourney.mjs'
import { runRosterJourney } from '../test/e2e/rosterJourney.mjs'
import { runAppealJourney } from '../test/e2e/appealJourney.mjs'
import { runCommentJourney } from '../test/e2e/commentJourney.mjs'
import { runReviewJourney } from '../test/e2e/reviewJourney.mjs'
import { runAuditJourney } from '../test/e2e/auditJourney.mjs'
import { runCaseJourney } from '../test/e2e/caseJourney.mjs'
import { runPrivacyJourney } from '../test/e2e/privacyJourney.mjs'
import { runReportExportJourney } from '../test/e2e/reportExportJourney.mjs'

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

const LEVEL_WORDS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意']
const MIN_TEXT_PX = 18
const MIN_LINE_HEIGHT = 1.3
const MIN_TARGET_PX = 60
const MIN_CONTRAST = 4.5

const round = (x) => Math.round(x * 100) / 100

/** Every level choice and the submit button: at least 60 x 60 CSS px. Returns the smallest box seen. */
async function assertTouchTargets(page) {
  const levels = await boxes(page, '.level-choice')
  const submit = await boxes(page, '.rating-form__submit')
  assert(levels.length === 5 && submit.length === 1, `5 level choices and 1 submit button, got ${levels.length} and ${submit.length}`)
  for (const box of [...levels, ...submit]) {
    assert(box.width >= MIN_TARGET_PX && box.height >= MIN_TARGET_PX, `“${box.text}” is ${round(box.width)} x ${round(box.height)} px, under 60 x 60`)
  }
  const all = [...levels, ...submit]
  return `${round(Math.min(...all.map((b) => b.width)))} x ${round(Math.min(...all.map((b) => b.height)))}`
}

/** Level labels and the submit button's words against their backgrounds: at least 4.5:1. Returns the lowest. */
async function assertContrast(page) {
  const ratios = [
    ...(await contrastRatios(page, '.level-choice__label')),
    ...(await contrastRatios(page, '.rating-form__submit .nut-button-children')),
  ]
  assert(ratios.length === 6, `contrast of 5 labels and the button, got ${ratios.length}`)
  for (const { text, ratio } of ratios) assert(ratio >= MIN_CONTRAST, `“${text}” has contrast ${round(ratio)}:1, under 4.5:1`)
  return round(Math.min(...ratios.map((r) => r.ratio)))
}

/** The session.me answer a page load asks for, to know the staff entry has been decided. */
function sessionAnswer(page) {
  return page.waitForResponse((r) => r.url().endsWith('/cloud/api') && (r.request().postData() ?? '').includes('"session.me"'), WAIT)
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

  await test('the rating page at 375 px: large text, 60 px targets, levels in words, nothing chosen, contrast >= 4.5:1', async () => {
    const { page, context } = await phonePage(browser, identity('dev-resident-3'))
    try {
      await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ02`)
      await page.locator('.level-choice').nth(4).waitFor(WAIT)

      const texts = await textMetrics(page, RATING_MAIN_TEXT)
      for (const selector of RATING_MAIN_TEXT) assert(texts.some((t) => t.selector === selector), `the page shows ${selector}`)
      for (const t of texts) {
        assert(t.fontSize >= MIN_TEXT_PX, `${t.selector} “${t.text}” is ${t.fontSize} px, under 18 px`)
        assert(t.lineHeight >= MIN_LINE_HEIGHT * t.fontSize - 0.01, `${t.selector} “${t.text}” has line height ${t.lineHeight} px for ${t.fontSize} px text, under 1.3`)
      }
      const smallest = Math.min(...texts.map((t) => t.fontSize))
      const tightest = Math.min(...texts.map((t) => t.lineHeight / t.fontSize))

      const smallestTarget = await assertTouchTargets(page)

      const before = await levelChoiceStates(page)
      assert(JSON.stringify(before.map((l) => l.label)) === JSON.stringify(LEVEL_WORDS), `levels in words, got ${before.map((l) => l.label).join(' ')}`)
      for (const level of before) {
        assert(level.role === 'radio' && level.group === 'radiogroup', `“${level.label}” is a radio of a radio group`)
        assert(level.ariaChecked === 'false' && !level.chosenClass, `“${level.label}” is not pre-selected`)
      }
      const contrastUntouched = await assertContrast(page)

      await page.getByText('基本满意', { exact: true }).click()
      await page.getByText('已选', { exact: true }).waitFor(WAIT)
      const after = await levelChoiceStates(page)
      const checked = after.filter((l) => l.ariaChecked === 'true' && l.chosenClass).map((l) => l.label)
      assert(JSON.stringify(checked) === JSON.stringify(['基本满意']), `only 基本满意 is checked after a tap, got ${checked.join(' ')}`)
      const contrastChosen = await assertContrast(page)
      console.log(
        `  text >= ${smallest} px, line height >= ${round(tightest)}x; targets >= ${smallestTarget} px; ` +
          `contrast >= ${contrastUntouched}:1 untouched, ${contrastChosen}:1 with a level chosen`,
      )
    } finally {
      await context.close()
    }
  })

  // WeChat's font size setting: 1.4 is 关怀模式 (23.8 px over the standard 17 px); 2 is past the
  // app's cap of 1.5, so the page is as large as it ever gets.
  await test('with WeChat font size turned up, the rating page still fits 375 px and cuts no text off', async () => {
    const [normal] = await (async () => {
      const { page, context } = await phonePage(browser, identity('dev-resident-3'))
      try {
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ02`)
        await page.locator('.level-choice__label').first().waitFor(WAIT)
        return await textMetrics(page, ['.level-choice__label'])
      } finally {
        await context.close()
      }
    })()
    for (const fontScale of [1.4, 2]) {
      const { page, context } = await phonePage(browser, identity('dev-resident-3'), { fontScale })
      try {
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ02`)
        await page.locator('.level-choice').nth(4).waitFor(WAIT)
        const [label] = await textMetrics(page, ['.level-choice__label'])
        const expected = normal.fontSize * Math.min(fontScale, 1.5)
        assert(Math.abs(label.fontSize - expected) < 0.5, `at ${fontScale}x a level label is ${label.fontSize} px, expected ${round(expected)} px`)
        const fit = await fitReport(page, RATING_MAIN_TEXT)
        assert(fit.documentScrollWidth <= 375 && fit.widest <= 375, `at ${fontScale}x the page is ${fit.widest} px wide (document ${fit.documentScrollWidth})`)
        assert(fit.pastEdge.length === 0, `at ${fontScale}x drawn past the right edge: ${fit.pastEdge.slice(0, 5).join(', ')}`)
        assert(fit.cutOff.length === 0, `at ${fontScale}x text cut off: ${fit.cutOff.slice(0, 5).join('; ')}`)
        const smallestTarget = await assertTouchTargets(page)
        console.log(`  at ${fontScale}x: labels ${label.fontSize} px, widest ${fit.widest} px, targets >= ${smallestTarget} px, nothing cut off`)
        if (fontScale === 2) {
          await screenshot(page, join(shots, 'rating-large-font.png'), { full: false })
          await screenshot(page, join(shots, 'rating-large-font-full.png'), { full: true })
        }
      } finally {
        await context.close()
      }
    }
  })

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

  await runSetupJourney({ browser, root, shots, test, assert })
  await runRatingFoldChecks({ browser, baseUrl, shots, test, assert })
  await runConflictJourney({ browser, baseUrl, shots, test, assert })
  await runMyGridJourney({ browser, baseUrl, shots, test, assert })
  await runPostsJourney({ browser, root, shots, test, assert })
  await runSettingsJourney({ browser, root, shots, test, assert })
  await runInviteJourney({ browser, root, shots, test, assert })
  await runOrgJourney({ browser, root, shots, test, assert })
  await runWorkerHomeJourney({ browser, root, shots, test, assert })
  await runVisitJourney({ browser, root, shots, test, assert })
  await runReportsJourney({ browser, baseUrl, shots, test, assert })
  await runReportExportJourney({ browser, baseUrl, test, assert })
  await runSheetJourney({ browser, root, shots, test, assert })
  await runRosterJourney({ browser, root, shots, test, assert })
  await runAppealJourney({ browser, root, shots, test, assert })
  await runCommentJourney({ browser, root, shots, test, assert })
  await runReviewJourney({ browser, root, shots, test, assert })
  await runAuditJourney({ browser, root, shots, test, assert })
  await runCaseJourney({ browser, root, shots, test, assert })
  await runPrivacyJourney({ browser, baseUrl, shots, test, assert })
} catch (error) {
  failed += 1
  console.log(`✗ setup: ${error?.message ?? error}`)
} finally {
  await browser?.close().catch(() => undefined)
  server.stop()
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

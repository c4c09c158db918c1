// The browser journey of 一次一评 and the worker's poster, on a local runtime of its own: the demo
// worker 刘建华 logs a service visit and shows its code; the person served opens the feedback page (the
// h5 route the code carries), which is measured against the elder-friendly rules like the rating page
// (DESIGN section 8), rates it and sees the result; the worker's list still says only that its window is
// open (never that it was rated: trust rule 5); a second person finds it already rated; the worker's poster shows the code with 扫码评价我的服务 and how to keep it in a
// browser. Screenshots at 375 x 667 go to screenshots/visit-*.png, feedback-*.png and poster.png.
import { join } from 'node:path'
import { boxes, contrastRatios, fitReport, levelChoiceStates, textMetrics } from './elderFriendly.mjs'
import { button, callApi, currentChinaMonth, phonePage, screenshot, startServer } from './harness.mjs'

const WORKER = { openid: 'dev-worker-YQ01', role: 'worker', name: '刘建华', workerCode: 'YQ01', communityId: 'yinquan', subdistrictId: 'fushan' }
const RECIPIENT = { openid: 'dev-resident-2', role: 'resident', name: '居民 李阿姨' }
const NEIGHBOUR = { openid: 'dev-resident-3', role: 'resident', name: '居民' }
const WAIT = { timeout: 15000 }
const LEVEL_WORDS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意']

/** The feedback page's main text: who served, what and when, the question, the levels, the button. */
const FEEDBACK_MAIN_TEXT = [
  '.feedback__intro',
  '.served-by__name',
  '.served-by__role',
  '.served-by__key',
  '.served-by__value',
  '.section-title',
  '.level-choice__label',
  '.rating-form__submit .nut-button-children',
]

const round = (x) => Math.round(x * 100) / 100

/** DESIGN section 8 on the open feedback form: 18 px text at 1.3, 60 x 60 targets, contrast 4.5:1, levels in words, none chosen. */
async function assertElderFriendly(page, assert) {
  const texts = await textMetrics(page, FEEDBACK_MAIN_TEXT)
  for (const selector of FEEDBACK_MAIN_TEXT) assert(texts.some((t) => t.selector === selector), `the page shows ${selector}`)
  for (const t of texts) {
    assert(t.fontSize >= 18, `${t.selector} “${t.text}” is ${t.fontSize} px, under 18 px`)
    assert(t.lineHeight >= 1.3 * t.fontSize - 0.01, `${t.selector} “${t.text}” has line height ${t.lineHeight} px for ${t.fontSize} px`)
  }
  const targets = [...(await boxes(page, '.level-choice')), ...(await boxes(page, '.rating-form__submit'))]
  assert(targets.length === 6, `5 level choices and a submit button, got ${targets.length}`)
  for (const box of targets) assert(box.width >= 60 && box.height >= 60, `“${box.text}” is ${round(box.width)} x ${round(box.height)} px, under 60 x 60`)
  const levels = await levelChoiceStates(page)
  assert(JSON.stringify(levels.map((l) => l.label)) === JSON.stringify(LEVEL_WORDS), `levels in words, got ${levels.map((l) => l.label).join(' ')}`)
  assert(levels.every((l) => l.role === 'radio' && l.ariaChecked === 'false' && !l.chosenClass), 'no level is pre-selected')
  const ratios = [...(await contrastRatios(page, '.level-choice__label')), ...(await contrastRatios(page, '.served-by__value')), ...(await contrastRatios(page, '.served-by__key'))]
  for (const { text, ratio } of ratios) assert(ratio >= 4.5, `“${text}” has contrast ${round(ratio)}:1, under 4.5:1`)
  return `text >= ${Math.min(...texts.map((t) => t.fontSize))} px, targets >= ${round(Math.min(...targets.map((b) => b.height)))} px high, contrast >= ${round(Math.min(...ratios.map((r) => r.ratio)))}:1`
}

export async function runVisitJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const month = currentChinaMonth()
    let visitCode = null

    await test('a worker logs a service visit and shows its code, with the visit first in their list', async () => {
      const { page, context } = await phonePage(browser, WORKER)
      try {
        await page.goto(`${baseUrl}/#/worker/visit/index`)
        await page.getByText('服务类型', { exact: true }).waitFor(WAIT)
        await page.locator('.visit-type', { hasText: '帮办代办' }).click()
        await page.locator('.visit-page__place input').fill('银泉花园3栋2单元')
        await page.locator('.visit-page__note textarea').fill('代办医保报销材料')
        await page.waitForTimeout(200)
        await screenshot(page, join(shots, 'visit-form.png'), { full: true })
        for (const box of await boxes(page, '.visit-type')) assert(box.width >= 44 && box.height >= 44, `“${box.text}” is ${box.width} x ${box.height} px, under 44 x 44`)

        const logged = page.waitForResponse((r) => r.url().endsWith('/cloud/api') && (r.request().postData() ?? '').includes('"visit.log"'), WAIT)
        await button(page, '生成评价码').click()
        visitCode = (await (await logged).json()).data.visitCode
        await page.getByText('请服务对象用微信扫一扫，评价这次服务').waitFor(WAIT)
        const image = page.locator('.visit-code__image img')
        await image.waitFor(WAIT)
        const size = await image.evaluate((img) => ({ natural: img.naturalWidth, shown: img.getBoundingClientRect().width }))
        assert(size.natural > 0 && size.shown >= 250, `the code is drawn and big: ${JSON.stringify(size)}`)
        await page.locator('.visit-list__row', { hasText: '评价期内' }).first().waitFor(WAIT)
        const fit = await fitReport(page, ['.visit-code__ask', '.visit-code__what', '.visit-list__type', '.visit-list__meta', '.visit-list__state'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await screenshot(page, join(shots, 'visit-code.png'))
        await screenshot(page, join(shots, 'visit-code-full.png'), { full: true })
      } finally {
        await context.close()
      }
    })

    await test('the person served opens the feedback page: elder-friendly, rates the visit, sees the result', async () => {
      assert(visitCode !== null, 'a visit was logged')
      const { page, context } = await phonePage(browser, RECIPIENT)
      try {
        await page.goto(`${baseUrl}/#/pages/feedback/index?scene=${encodeURIComponent(visitCode)}`)
        await page.getByText('您对这次服务满意吗？').waitFor(WAIT)
        assert(await page.getByText('刘建华', { exact: true }).isVisible(), 'the page names who served')
        assert(await page.getByText('帮办代办', { exact: true }).isVisible(), 'the page names the service')
        assert(!(await page.getByText('代办医保报销材料').count()), 'the note is never shown to the person served')
        await screenshot(page, join(shots, 'feedback.png'))
        await screenshot(page, join(shots, 'feedback-full.png'), { full: true })
        console.log(`  ${await assertElderFriendly(page, assert)}`)

        await page.getByText('满意', { exact: true }).click()
        await page.getByText('已选', { exact: true }).waitFor(WAIT)
        await page.locator('.rating-form__comment textarea').fill('跑了好几趟，帮我把报销办好了')
        await button(page, '提交评价').click()
        await page.getByText(`这条评价计入 ${month.label}。`, { exact: true }).waitFor(WAIT)
        assert(await page.getByText('您对刘建华这次帮办代办服务的评价：满意').isVisible(), 'the result repeats the level')
        await screenshot(page, join(shots, 'feedback-result.png'), { full: true })

        const visits = await callApi(baseUrl, 'visit.list', {}, WORKER.openid)
        const rated = visits.find((v) => v.visitCode === visitCode)
        assert(JSON.stringify(rated?.feedback) === '{"open":true}', `the worker sees only that its window is open, not that it was rated nor how: ${JSON.stringify(rated)}`)
      } finally {
        await context.close()
      }
    })

    await test('with WeChat font size turned up, the feedback page fits 375 px and cuts nothing off', async () => {
      const fresh = await callApi(baseUrl, 'visit.log', { type: '关爱走访' }, WORKER.openid)
      for (const fontScale of [1.4, 2]) {
        const { page, context } = await phonePage(browser, NEIGHBOUR, { fontScale })
        try {
          await page.goto(`${baseUrl}/#/pages/feedback/index?scene=${fresh.visitCode}`)
          await page.locator('.level-choice').nth(4).waitFor(WAIT)
          const fit = await fitReport(page, FEEDBACK_MAIN_TEXT)
          assert(fit.widest <= 375 && fit.pastEdge.length === 0, `at ${fontScale}x the page is ${fit.widest} px wide: ${fit.pastEdge.slice(0, 5).join(', ')}`)
          assert(fit.cutOff.length === 0, `at ${fontScale}x text cut off: ${fit.cutOff.slice(0, 5).join('; ')}`)
          if (fontScale === 2) await screenshot(page, join(shots, 'feedback-large-font.png'))
        } finally {
          await context.close()
        }
      }
    })

    await test('someone else scanning the rated visit is told it was rated already', async () => {
      const { page, context } = await phonePage(browser, NEIGHBOUR)
      try {
        await page.goto(`${baseUrl}/#/pages/feedback/index?scene=${encodeURIComponent(visitCode)}`)
        await page.getByText('这次服务已经评价过了').waitFor(WAIT)
        assert((await page.locator('.level-choice').count()) === 0, 'no form for a rated visit')
        await screenshot(page, join(shots, 'feedback-rated.png'))
        await page.goto(`${baseUrl}/#/pages/feedback/index?scene=V000000000000000`)
        await page.getByText('没有找到这次服务').waitFor(WAIT)
        await screenshot(page, join(shots, 'feedback-unknown.png'))
      } finally {
        await context.close()
      }
    })

    await test("the worker's poster: name, post, grid, the code and 扫码评价我的服务, and how to keep it in a browser", async () => {
      const { page, context } = await phonePage(browser, WORKER)
      try {
        await page.goto(`${baseUrl}/#/worker/poster/index`)
        await page.getByText('扫码评价我的服务', { exact: true }).waitFor(WAIT)
        for (const words of ['刘建华', '正职', '负责 银泉花园网格 · 468 户']) assert(await page.getByText(words, { exact: true }).isVisible(), `the poster shows ${words}`)
        const image = page.locator('.poster__code img')
        await image.waitFor(WAIT)
        assert((await image.evaluate((img) => img.naturalWidth)) > 0, 'the code is drawn')
        assert(await page.getByText(/长按上面的评价码图片/).isVisible(), 'a browser is told to long-press the image')
        assert((await button(page, '保存到相册').count()) === 0, 'no album button where there is no album')
        const fit = await fitReport(page, ['.poster__name', '.poster__grid', '.poster__call', '.poster-page__hint'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await screenshot(page, join(shots, 'poster.png'))
        await screenshot(page, join(shots, 'poster-full.png'), { full: true })
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
  }
}

// The elder-friendly checks of the rating page (DESIGN section 8): at 375 px, large text, 60 px targets,
// levels in words with nothing chosen, contrast of at least 4.5:1; and with WeChat's font size turned
// up, the page still fits and cuts no text off. Reads the shared demo server.
import { join } from 'node:path'
import { boxes, contrastRatios, fitReport, levelChoiceStates, RATING_MAIN_TEXT, textMetrics } from './elderFriendly.mjs'
import { assert, demoIdentities, phonePage, screenshot } from './harness.mjs'

const WAIT = { timeout: 15000 }

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

export async function runElderFriendlyChecks({ browser, baseUrl, shots, test }) {
  const identity = await demoIdentities(baseUrl)

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
}

// The rating page's folded duties (the 4 of 3456): at 375 x 667 the question and the first level
// choice are on the first screen, without scrolling — the worker's duties are folded after two lines, with
// 展开全部 to open them and 收起 to fold them back. Checked at the standard size and at the WeChat font sizes
// the elder-friendly test uses (1.4, 关怀模式; 2, past the app's cap of 1.5). Reads the shared demo server.
import { join } from 'node:path'
import { callApi, phonePage, screenshot } from './harness.mjs'

const WAIT = { timeout: 15000 }
const FIRST_SCREEN = 667

/** Where the question and the first level choice end, and how tall the duties are drawn (CSS px, page at the top). */
function layout(page) {
  return page.evaluate(() => {
    const question = [...document.querySelectorAll('.section-title')].find((el) => el.textContent.includes('满意吗'))
    const first = document.querySelector('.level-choice')
    const list = document.querySelector('.worker-card__duty-list')
    const fold = document.querySelector('.worker-card__fold')
    const box = (el) => el?.getBoundingClientRect() ?? null
    return {
      questionBottom: box(question)?.bottom ?? Infinity,
      firstLevelBottom: box(first)?.bottom ?? Infinity,
      dutiesHeight: box(list)?.height ?? 0,
      dutiesFull: list?.scrollHeight ?? 0,
      dutyLineHeight: list ? parseFloat(getComputedStyle(list.querySelector('.worker-card__duty-text')).lineHeight) : 0,
      fold: fold ? { text: fold.textContent.trim(), width: box(fold).width, height: box(fold).height, expanded: fold.getAttribute('aria-expanded') } : null,
      scrolled: document.scrollingElement.scrollTop,
    }
  })
}

export async function runRatingFoldChecks({ browser, baseUrl, shots, test, assert }) {
  const identities = await callApi(baseUrl, 'dev.identities', {})
  const resident = identities.find((i) => i.openid === 'dev-resident-3')
  const card = await callApi(baseUrl, 'worker.card', { workerCode: 'YQ01' })
  assert(card.duties.length === 4, `YQ01 (正职) has 4 duties, got ${card.duties.length}`)

  for (const fontScale of [1, 1.4, 2]) {
    await test(`the rating page at 375 x 667${fontScale === 1 ? '' : `, WeChat font ${fontScale}x`}: the question and the first level choice on the first screen, duties folded to two lines`, async () => {
      const { page, context } = await phonePage(browser, resident, fontScale === 1 ? {} : { fontScale })
      try {
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ01`)
        await page.locator('.level-choice').first().waitFor(WAIT)
        const folded = await layout(page)
        assert(folded.scrolled === 0, 'the page is at its top')
        assert(folded.questionBottom <= FIRST_SCREEN, `the question ends at ${folded.questionBottom} px, below ${FIRST_SCREEN}`)
        assert(folded.firstLevelBottom <= FIRST_SCREEN, `the first level choice ends at ${folded.firstLevelBottom} px, below ${FIRST_SCREEN}`)
        // Two lines of duties, each line 1.5 x the duty text: 54 px at 18 px text.
        assert(Math.abs(folded.dutiesHeight - 2 * folded.dutyLineHeight) < 1, `folded duties are ${folded.dutiesHeight} px, two lines are ${2 * folded.dutyLineHeight}`)
        assert(folded.dutiesFull > folded.dutiesHeight + folded.dutyLineHeight, 'more duties than the two lines shown')
        assert(folded.fold?.text === '展开全部' && folded.fold.expanded === 'false', `展开全部 offered, got ${JSON.stringify(folded.fold)}`)
        assert(folded.fold.width >= 60 && folded.fold.height >= 60, `展开全部 is ${folded.fold.width} x ${folded.fold.height} px, under 60 x 60`)
        console.log(`  at ${fontScale}x: question ends at ${Math.round(folded.questionBottom)} px, first level at ${Math.round(folded.firstLevelBottom)} px of ${FIRST_SCREEN}`)
        if (fontScale !== 1.4) await screenshot(page, join(shots, `rating-folded-${fontScale}x.png`), { full: false })

        await page.getByText('展开全部', { exact: true }).click()
        await page.getByText('收起', { exact: true }).waitFor(WAIT)
        const open = await layout(page)
        assert(open.dutiesHeight >= open.dutiesFull - 1, `opened, all duties are drawn (${open.dutiesHeight} of ${open.dutiesFull} px)`)
        for (const duty of card.duties) assert(await page.getByText(duty, { exact: true }).isVisible(), `opened, the card shows “${duty}”`)
        assert(open.fold?.expanded === 'true', '收起 says it is expanded')
        if (fontScale === 1) await screenshot(page, join(shots, 'rating-unfolded.png'), { full: true })

        await page.getByText('收起', { exact: true }).click()
        await page.getByText('展开全部', { exact: true }).waitFor(WAIT)
        const again = await layout(page)
        assert(Math.abs(again.dutiesHeight - folded.dutiesHeight) < 1, 'folded back to two lines')
      } finally {
        await context.close()
      }
    })
  }
}

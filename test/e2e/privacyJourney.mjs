// The browser journey of the privacy page (trust rule 5): a resident opens 隐私说明 from the foot of the
// home page and reads what is stored, who sees what and how long, in text of at least 18 px; the privacy
// dialog never shows in h5 (no onNeedPrivacyAuthorization there). Screenshots: screenshots/privacy-*.png.
import { join } from 'node:path'
import { boxes, fitReport, textMetrics } from './elderFriendly.mjs'
import { phonePage, screenshot } from './harness.mjs'

const RESIDENT = { openid: 'dev-resident-1', role: 'resident', name: '居民 张大爷' }
const WAIT = { timeout: 15000 }

export async function runPrivacyJourney({ browser, baseUrl, shots, test, assert }) {
  await test('a resident opens 隐私说明 from the home page and reads what is stored and who sees what', async () => {
    const { page, context } = await phonePage(browser, RESIDENT)
    try {
      await page.goto(`${baseUrl}/#/pages/index/index`)
      const link = page.locator('.privacy-footer')
      await link.waitFor(WAIT)
      for (const box of await boxes(page, '.privacy-footer')) assert(box.height >= 60, `the privacy link is ${box.height} px high, under 60`)
      assert((await page.locator('.privacy-dialog').count()) === 0, 'no privacy dialog in h5')
      await link.scrollIntoViewIfNeeded()
      await page.waitForTimeout(200)
      await screenshot(page, join(shots, 'privacy-home-footer.png'))
      await link.click()
      await page.getByText('我们保存什么', { exact: true }).waitFor(WAIT)
      for (const words of ['谁能看到什么', '留言先检查再显示', '差评的回访和整改', '保存多久', '不少于 5 条时才显示']) await page.getByText(words).first().waitFor(WAIT)
      // Taro's h5 router slides the new page in: measure once it has arrived.
      await page.waitForTimeout(500)
      for (const text of await textMetrics(page, ['.privacy__text', '.privacy__title', '.lead'])) {
        assert(text.fontSize >= 18, `“${text.text}” is ${text.fontSize} px, under 18`)
        assert(text.lineHeight / text.fontSize >= 1.3, `“${text.text}” has line-height ${text.lineHeight} px at ${text.fontSize} px, under 1.3`)
      }
      const fit = await fitReport(page, ['.privacy__text', '.privacy__title'])
      assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
      await screenshot(page, join(shots, 'privacy-page.png'))
      await screenshot(page, join(shots, 'privacy-page-full.png'), { full: true })
    } finally {
      await context.close()
    }
  })
}

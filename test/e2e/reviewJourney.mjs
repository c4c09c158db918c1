// The browser journey of the review queue (复核, trust rule 8), on a local runtime of its
// own over the demo: last month 唐建国 (QL06) got 12 ratings within an hour from first-time raters, six
// from one address, and the batch flagged them. 浮山's staff see UNDER_REVIEW on his row of last month's
// evaluation, open 可疑评价复核 from the home page, exclude one with a reason and keep another; once the
// rest are decided too, his row loses UNDER_REVIEW and counts one rating fewer. Screenshots at 375 x 667:
// screenshots/review-*.png.
import { join } from 'node:path'
import { boxes, fitReport } from './elderFriendly.mjs'
import { button, callApi, currentChinaMonth, phonePage, screenshot, startServer } from './harness.mjs'

const STAFF = { openid: 'dev-subdistrict-fushan', role: 'subdistrict', name: '浮山办事处', subdistrictId: 'fushan' }
const WAIT = { timeout: 15000 }
const UNDER_REVIEW = '有评价待街道复核，复核前照常计分'
const REASON = '同一地址连续评价，电话回访无此人'

/** 唐建国's row on last month's evaluation: its text and the number of resident ratings. */
async function rowOfQL06(page, baseUrl, month) {
  await page.goto(`${baseUrl}/#/staff/evaluation/index?period=${month}`)
  const row = page.locator('.eval-row[data-worker="QL06"]')
  await row.waitFor(WAIT)
  const text = await row.innerText()
  const n = Number(/居民[\s\S]*?(\d+) 条评价/.exec(text)?.[1])
  return { row, text, n }
}

export async function runReviewJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const { previousKey: month } = currentChinaMonth()
    let before = 0

    await test('last month’s evaluation marks 唐建国 (QL06) UNDER_REVIEW while his flagged ratings wait', async () => {
      const { page, context } = await phonePage(browser, STAFF)
      try {
        const { row, text, n } = await rowOfQL06(page, baseUrl, month)
        assert(text.includes(UNDER_REVIEW), `QL06's row says a review is open: ${text}`)
        before = n
        await row.scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'review-evaluation-open.png'))
      } finally {
        await context.close()
      }
    })

    await test('浮山’s staff open 可疑评价复核, exclude one rating with a reason and keep another', async () => {
      const { page, context } = await phonePage(browser, STAFF)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await button(page, '可疑评价复核').click()
        await page.getByText('待复核 12 条').waitFor(WAIT)
        const text = await page.locator('body').innerText()
        assert(text.includes('唐建国') && text.includes('一小时内收到的评价远多于平时') && /评价人 [A-Z2-9]{6}/.test(text), `cards name the worker, the reasons and a pseudonym: ${text.slice(0, 400)}`)
        assert(!text.includes('seed-burst') && !text.includes('198.51.100'), 'no rater identity, no address')
        await page.waitForTimeout(200)
        await screenshot(page, join(shots, 'review-queue.png'))
        await screenshot(page, join(shots, 'review-queue-full.png'), { full: true })
        for (const box of await boxes(page, '.review-card__decide taro-button-core')) assert(box.width >= 44 && box.height >= 44, `“${box.text}” is ${box.width} x ${box.height} px, under 44 x 44`)
        const fit = await fitReport(page, ['.review-card__who', '.review-card__rating', '.review-card__meta', '.review-card__reason', '.staff-summary__note'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)

        const first = page.locator('.review-card--open').first()
        await first.locator('.review-card__note textarea').fill(REASON)
        await screenshot(page, join(shots, 'review-exclude-reason.png'))
        await first.locator('.review-card__second').click()
        await page.getByText('已复核 1 条').waitFor(WAIT)
        await page.getByText(`理由：${REASON}`).waitFor(WAIT)

        await button(page.locator('.review-card--open').first(), '保留，照常计分').click()
        await page.getByText('已复核 2 条').waitFor(WAIT)
        await page.getByText('待复核 10 条').waitFor(WAIT)
        const decided = await page.locator('.review-card--excluded, .review-card--kept').allInnerTexts()
        assert(decided.some((t) => t.includes('已排除，不再计分')) && decided.some((t) => t.includes('已保留，照常计分')), `both decisions show: ${decided.join(' | ')}`)
        await page.locator('.review-card--excluded').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'review-decided.png'))
      } finally {
        await context.close()
      }
    })

    await test('the other 10, flagged together, are kept at once; then 唐建国’s row loses UNDER_REVIEW and counts one rating fewer', async () => {
      const { items } = await callApi(baseUrl, 'review.list', {}, STAFF.openid)
      const open = items.filter((item) => item.status === 'open')
      assert(open.length === 10, `10 still open: ${open.length}`)
      const burst = await phonePage(browser, STAFF)
      try {
        await burst.page.goto(`${baseUrl}/#/staff/review/index`)
        await burst.page.getByText('这 10 条评价是同一次检查一起标记的').waitFor(WAIT)
        await screenshot(burst.page, join(shots, 'review-burst.png'))
        await burst.page.locator('taro-button-core', { hasText: '10 条都保留' }).click()
        await burst.page.getByText('已复核 12 条').waitFor(WAIT)
      } finally {
        await burst.context.close()
      }
      const { page, context } = await phonePage(browser, STAFF)
      try {
        const { row, text, n } = await rowOfQL06(page, baseUrl, month)
        assert(!text.includes(UNDER_REVIEW), `no review open any more: ${text}`)
        assert(n === before - 1, `one rating fewer: ${before} → ${n}`)
        await row.scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'review-evaluation-after.png'))
      } finally {
        await context.close()
      }
      const empty = await phonePage(browser, STAFF)
      try {
        await empty.page.goto(`${baseUrl}/#/staff/review/index`)
        await empty.page.getByText('已复核 12 条').waitFor(WAIT)
        await empty.page.getByText('没有待复核的评价').waitFor(WAIT)
        await screenshot(empty.page, join(shots, 'review-empty.png'))
      } finally {
        await empty.context.close()
      }
    })
  } finally {
    server.stop()
  }
}

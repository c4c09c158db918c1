// The browser journey of an appeal (申诉 / 复核), on a local runtime of its own: a resident
// gives 刘建华 (YQ01) 非常不满意 with a comment on the rating page, a second resident 满意 (so this month's
// residents n is 2); while the month runs the worker's 差评申诉 lists nothing (trust rule 5). The runtime is
// then restarted on the same data with its clock at the 1st of next month (LOCAL_NOW): the worker sees the
// rating by month (never who gave it, nor the day) and appeals it with a reason; 浮山's staff open 申诉复核
// and uphold it with a note; the worker reads 已撤销该评价, and the staff evaluation page's residents n for
// YQ01 drops from 2 to 1. Screenshots at 375 x 667: screenshots/appeal-*.png.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boxes, fitReport } from './elderFriendly.mjs'
import { button, callApi, currentChinaMonth, nextMonthStart, phonePage, screenshot, startServer } from './harness.mjs'

const RESIDENT = { openid: 'dev-resident-1', role: 'resident', name: '居民 张大爷' }
const WORKER = { openid: 'dev-worker-YQ01', role: 'worker', name: '刘建华', workerCode: 'YQ01', communityId: 'yinquan', subdistrictId: 'fushan' }
const STAFF = { openid: 'dev-subdistrict-fushan', role: 'subdistrict', name: '浮山办事处', subdistrictId: 'fushan' }
const WAIT = { timeout: 15000 }
const COMMENT = '约好上午来，下午才到'
const REASON = '当天上午我在社区服务大厅值班，已电话告知下午上门，评价人也同意了'
const NOTE = '调阅值班记录和通话记录，属实'

/** YQ01's residents party on the staff evaluation page of this month: “N 条评价”. */
async function residentsOfYQ01(page, baseUrl, month) {
  await page.goto(`${baseUrl}/#/staff/evaluation/index?period=${month.key}`)
  const row = page.locator('.eval-row[data-worker="YQ01"]')
  await row.waitFor(WAIT)
  return row.locator('.party').first().innerText()
}

export async function runAppealJourney({ browser, root, shots, test, assert }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-appeal-'))
  let server = startServer(root, { dataDir })
  try {
    let baseUrl = await server.url
    const month = currentChinaMonth()
    const monthWords = `${month.key.slice(0, 4)}年${Number(month.key.slice(5, 7))}月`

    await test('a resident gives 非常不满意 with a comment; with a second resident’s 满意, YQ01 has 2 ratings this month', async () => {
      const { page, context } = await phonePage(browser, RESIDENT)
      try {
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ01`)
        await page.getByText('非常不满意', { exact: true }).click()
        await page.locator('.rating-form__comment textarea').fill(COMMENT)
        await button(page, '提交评价').click()
        await page.getByText('评价已提交，谢谢您').waitFor(WAIT)
      } finally {
        await context.close()
      }
      await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ01', level: 4, idempotencyKey: 'appeal-journey-r2' }, 'dev-resident-2')
      const staff = await phonePage(browser, STAFF)
      try {
        const residents = await residentsOfYQ01(staff.page, baseUrl, month)
        assert(residents.includes('2 条评价'), `YQ01's residents n is 2 before the appeal, got: ${residents}`)
      } finally {
        await staff.context.close()
      }
    })

    await test('while the month runs, the worker’s 差评申诉 lists nothing of the new bad rating', async () => {
      const { page, context } = await phonePage(browser, WORKER)
      try {
        await page.goto(`${baseUrl}/#/worker/home/index`)
        await page.getByText('差评申诉', { exact: true }).click()
        await page.getByText('现在没有可以申诉的差评').waitFor(WAIT)
        assert((await page.locator('.bad-rating', { hasText: COMMENT }).count()) === 0, 'the bad rating is not listed while its month runs')
        await page.waitForTimeout(300)
        await screenshot(page, join(shots, 'appeal-worker-empty.png'))
        const fit = await fitReport(page, ['.appeals__lead', '.notice__title', '.notice__detail'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
      } finally {
        await context.close()
      }
    })

    // The same data, the clock at 10:00 China time on the 1st of next month: the month has closed.
    server.stop()
    await server.exited
    server = startServer(root, { dataDir, env: { LOCAL_NOW: nextMonthStart(month.key) } })
    baseUrl = await server.url

    await test('once the month closed, the worker sees the bad rating by month, without its rater, and appeals it with a reason', async () => {
      const { page, context } = await phonePage(browser, WORKER)
      try {
        await page.goto(`${baseUrl}/#/worker/home/index`)
        await page.getByText('差评申诉', { exact: true }).click()
        const card = page.locator('.bad-rating', { hasText: COMMENT })
        await card.waitFor(WAIT)
        const text = await card.innerText()
        // Open from the 1st of next month for 10 days: until the 10th, written as a date.
        const deadline = `可申诉至 ${(Number(month.key.slice(5, 7)) % 12) + 1}月10日（还有 10 天）`
        assert(text.includes(`非常不满意 · 居民评价 · ${monthWords}`) && text.includes(deadline), `the card names the level, the month and the deadline ${deadline}: ${text}`)
        assert(!(await page.locator('body').innerText()).includes(RESIDENT.openid), 'no rater identity on the page')
        // Past the h5 router's slide-in, which a screenshot would otherwise catch half-way.
        await page.waitForTimeout(300)
        await screenshot(page, join(shots, 'appeal-worker-list.png'), { full: true })

        await button(card, '申诉').click()
        await card.locator('.appeal-form__reason textarea').fill(REASON)
        await page.waitForTimeout(200)
        await screenshot(page, join(shots, 'appeal-worker-form.png'), { full: true })
        for (const box of await boxes(page, '.appeal-form .big-button')) assert(box.width >= 44 && box.height >= 44, `“${box.text}” is ${box.width} x ${box.height} px, under 44 x 44`)
        await button(card, '提交申诉').click()
        await card.getByText('审核中').waitFor(WAIT)
        const fit = await fitReport(page, ['.bad-rating__level', '.bad-rating__comment', '.bad-rating__status-line', '.appeals__lead'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await screenshot(page, join(shots, 'appeal-worker-pending.png'), { full: true })
      } finally {
        await context.close()
      }
    })

    await test('浮山’s staff uphold the appeal with a note: the rating is withdrawn and YQ01’s residents n drops to 1', async () => {
      const { page, context } = await phonePage(browser, STAFF)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await button(page, '申诉复核').click()
        const card = page.locator('.appeal-card', { hasText: REASON })
        await card.waitFor(WAIT)
        const text = await card.innerText()
        assert(text.includes('刘建华') && text.includes(`留言：${COMMENT}`), `the card names the worker and the comment: ${text}`)
        assert(!(await page.locator('body').innerText()).includes(RESIDENT.openid), 'no rater identity on the page')
        await card.locator('.appeal-card__note textarea').fill(NOTE)
        await page.waitForTimeout(200)
        await screenshot(page, join(shots, 'appeal-staff-pending.png'), { full: true })
        for (const box of await boxes(page, '.appeal-card .big-button')) assert(box.width >= 44 && box.height >= 44, `“${box.text}” is ${box.width} x ${box.height} px, under 44 x 44`)
        await button(card, '撤销该评价（申诉成立）').click()
        await page.locator('.appeal-card--upheld', { hasText: REASON }).getByText(`复核意见：${NOTE}`).waitFor(WAIT)
        const fit = await fitReport(page, ['.appeal-card__who', '.appeal-card__rating', '.appeal-card__line', '.appeal-card__outcome-title'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await screenshot(page, join(shots, 'appeal-staff-decided.png'), { full: true })

        const residents = await residentsOfYQ01(page, baseUrl, month)
        assert(residents.includes('1 条评价'), `YQ01's residents n is 1 after the upheld appeal, got: ${residents}`)
      } finally {
        await context.close()
      }
    })

    await test('the worker reads 已撤销该评价 with the sub-district’s note', async () => {
      const { page, context } = await phonePage(browser, WORKER)
      try {
        await page.goto(`${baseUrl}/#/worker/appeals/index`)
        const card = page.locator('.bad-rating', { hasText: COMMENT })
        await card.getByText('申诉成立：已撤销该评价').waitFor(WAIT)
        assert((await card.innerText()).includes('这条评价不再计入考核。'), 'the worker is told it no longer counts')
        assert((await card.innerText()).includes(`街道复核意见：${NOTE}`), 'the worker reads the note')
        assert((await card.innerText()).includes('差评回访整改：评价已撤销'), 'the worker reads that the case was closed as 评价已撤销')
        await screenshot(page, join(shots, 'appeal-worker-upheld.png'), { full: true })
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
    await server.exited
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// The browser journey of a held comment (DESIGN trust rules 5 and 6), on a local runtime of
// its own: a resident gives 刘建华 (YQ01) 不满意 with a comment the local keyword list holds (骗子), and four
// more residents rate him this month, one with a comment that passes. While the month runs the worker's
// 我的工作台 shows no comment at all (results are published when the month closes); the runtime is then
// restarted on the same data with its clock at the 1st of next month (LOCAL_NOW), and the month's results
// (5 ratings) show the passed comment and not the held one; 浮山's staff open 留言审核 from the home page,
// see the held comment with a pseudonym (never who) and its phone number masked (139****5678), tap 通过
// and confirm (确认通过); it leaves the list with a confirmation, and now the worker sees it too, masked.
// Screenshots at 375 x 667: screenshots/comments-*.png.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boxes, fitReport } from './elderFriendly.mjs'
import { button, callApi, currentChinaMonth, nextMonthStart, phonePage, screenshot, startServer } from './harness.mjs'

const RESIDENT = { openid: 'dev-resident-1', role: 'resident', name: '居民 张大爷' }
const WORKER = { openid: 'dev-worker-YQ01', role: 'worker', name: '刘建华', workerCode: 'YQ01', communityId: 'yinquan', subdistrictId: 'fushan' }
const STAFF = { openid: 'dev-subdistrict-fushan', role: 'subdistrict', name: '浮山办事处', subdistrictId: 'fushan' }
const WAIT = { timeout: 15000 }
const HELD = '说好周三上门，像个骗子一样一直推，电话 139 1234 5678'
/** What anyone but the writer reads of it: the phone number masked (trust rule 9). */
const HELD_MASKED = '说好周三上门，像个骗子一样一直推，电话 139****5678'
const PASSED = '办事很耐心，谢谢刘师傅'

/** The worker's 我的工作台 on this month's results: the comments under 小区居民. */
async function workerComments(browser, baseUrl, month) {
  const { page, context } = await phonePage(browser, WORKER)
  await page.goto(`${baseUrl}/#/worker/home/index`)
  await page.locator(`.worker-chip[data-period="${month.key}"]`).click(WAIT)
  await page.getByText('（5 条评价）').waitFor(WAIT)
  await page.locator('.own-comments').first().waitFor(WAIT)
  return { page, context, text: await page.locator('.own-results').innerText() }
}

export async function runCommentJourney({ browser, root, shots, test, assert }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-comments-'))
  let server = startServer(root, { dataDir })
  try {
    let baseUrl = await server.url
    const month = currentChinaMonth()

    await test('a resident’s comment is held, four more rate; while the month runs the worker sees no comment yet', async () => {
      const { page, context } = await phonePage(browser, RESIDENT)
      try {
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ01`)
        await page.getByText('不满意', { exact: true }).click()
        await page.locator('.rating-form__comment textarea').fill(HELD)
        await button(page, '提交评价').click()
        await page.getByText('评价已提交，谢谢您').waitFor(WAIT)
      } finally {
        await context.close()
      }
      for (const [i, level] of [4, 5, 4, 5].entries()) {
        const comment = i === 0 ? { comment: PASSED } : {}
        await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ01', level, ...comment, idempotencyKey: `comment-journey-${i}` }, `comment-journey-rater-${i}`)
      }
      const worker = await phonePage(browser, WORKER)
      try {
        await worker.page.goto(`${baseUrl}/#/worker/home/index`)
        await worker.page.locator(`.worker-chip[data-period="${month.key}"]`).click(WAIT)
        await worker.page.getByText(/结束后公布/).waitFor(WAIT)
        const text = await worker.page.locator('.own-results').innerText()
        assert(!text.includes(PASSED) && !text.includes('139') && !text.includes('条评价'), `nothing of the running month shows: ${text}`)
      } finally {
        await worker.context.close()
      }
    })

    // The same data, the clock at 10:00 China time on the 1st of next month: the month has closed.
    server.stop()
    await server.exited
    server = startServer(root, { dataDir, env: { LOCAL_NOW: nextMonthStart(month.key) } })
    baseUrl = await server.url

    await test('once the month closed, the worker (5 ratings) sees only the passed comment', async () => {
      const worker = await workerComments(browser, baseUrl, month)
      try {
        assert(worker.text.includes(PASSED), `the passed comment shows: ${worker.text}`)
        assert(!worker.text.includes(HELD_MASKED) && !worker.text.includes('139'), 'the held comment does not show to the worker')
        assert(!worker.text.includes(RESIDENT.openid) && !worker.text.includes('comment-journey-rater'), 'no rater identity')
        await screenshot(worker.page, join(shots, 'comments-worker-before.png'), { full: true })
      } finally {
        await worker.context.close()
      }
    })

    await test('浮山’s staff open 留言审核 from the home page and release the held comment', async () => {
      const { page, context } = await phonePage(browser, STAFF)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await button(page, '留言审核').click()
        const card = page.locator('.held-comment', { hasText: HELD_MASKED })
        await card.waitFor(WAIT)
        const text = await card.innerText()
        assert(!text.includes('1234 5678'), `the moderator reads the number masked: ${text}`)
        assert(text.includes('刘建华') && text.includes('居民评价 · 不满意') && /评价人 [A-Z2-9]{6}/.test(text), `the card names the worker, the level in words and a pseudonym: ${text}`)
        assert(!(await page.locator('body').innerText()).includes(RESIDENT.openid), 'no rater identity on the page')
        await page.getByText(/先经过内容检查/).waitFor(WAIT)
        await page.waitForTimeout(200)
        await screenshot(page, join(shots, 'comments-staff.png'), { full: true })
        await screenshot(page, join(shots, 'comments-staff-top.png'))
        for (const box of await boxes(page, '.held-comment__button')) assert(box.width >= 44 && box.height >= 44, `“${box.text}” is ${box.width} x ${box.height} px, under 44 x 44`)
        const fit = await fitReport(page, ['.held-comment__worker', '.held-comment__meta', '.held-comment__text', '.held-comment__rater', '.comments-why'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)

        await card.locator('.held-comment__button--release').click()
        await card.getByText(/确定通过吗/).waitFor(WAIT)
        await screenshot(page, join(shots, 'comments-staff-confirm.png'), { full: true })
        for (const box of await boxes(page, '.held-comment__button')) assert(box.width >= 44 && box.height >= 44, `“${box.text}” is ${box.width} x ${box.height} px, under 44 x 44`)
        await card.locator('.held-comment__button--release', { hasText: '确认通过' }).click()
        await page.getByText('已通过', { exact: true }).waitFor(WAIT)
        await page.getByText('没有待审核的留言').waitFor(WAIT)
        assert((await page.locator('.held-comment', { hasText: HELD_MASKED }).count()) === 0, 'the decided comment left the list')
        await screenshot(page, join(shots, 'comments-staff-done.png'), { full: true })
      } finally {
        await context.close()
      }
    })

    await test('now the worker sees the released comment, still without who wrote it', async () => {
      const worker = await workerComments(browser, baseUrl, month)
      try {
        // The comment of a level 1-2 also shows in the bad-review notice (worker-cases); here: the comments list.
        await worker.page.locator('.own-comments__text', { hasText: HELD_MASKED }).waitFor(WAIT)
        const text = await worker.page.locator('.own-results').innerText()
        assert(text.includes(PASSED) && text.includes(HELD_MASKED) && !text.includes('1234 5678'), `both comments show, the number masked: ${text}`)
        assert(!text.includes(RESIDENT.openid) && !/评价人 [A-Z2-9]{6}/.test(text), 'no rater identity, not even a pseudonym')
        await screenshot(worker.page, join(shots, 'comments-worker-after.png'), { full: true })
      } finally {
        await worker.context.close()
      }
    })
  } finally {
    server.stop()
    await server.exited
    rmSync(dataDir, { recursive: true, force: true })
  }
}

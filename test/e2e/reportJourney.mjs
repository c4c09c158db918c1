// The browser journey of 投诉/举报, on a local runtime of its own: a resident's 非常不满意 of YQ02 is called
// back and rectified by 银泉's admin; the resident reads the note on 整改结果, taps 举报, picks 泄露隐私 and
// 提交举报; 浮山's staff find the note in 留言审核 with the reason and hide it (不通过，隐藏); the resident then
// reads 整改说明已被隐藏. The worker reports the comment of a bad review about them from their home page.
// Screenshots: screenshots/report-*.png.
import { join } from 'node:path'
import { fitReport } from './elderFriendly.mjs'
import { button, callApi, phonePage, screenshot, startServer } from './harness.mjs'

const RESIDENT = { openid: 'dev-resident-7', role: 'resident', name: '居民 李阿姨' }
const ADMIN = 'dev-community-yinquan'
const STAFF = { openid: 'dev-subdistrict-fushan', role: 'subdistrict', name: '浮山办事处', subdistrictId: 'fushan' }
const WORKER = { openid: 'dev-worker-YQ02', role: 'worker', name: 'YQ02', workerCode: 'YQ02', communityId: 'yinquan', subdistrictId: 'fushan' }
const WAIT = { timeout: 15000 }
const NOTE = '调整走访排班，上门前一天电话确认时间'

export async function runReportJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ02', level: 1, comment: '约好上门没有来', idempotencyKey: 'report-journey-1' }, RESIDENT.openid)
    const [{ caseId }] = (await callApi(baseUrl, 'case.mine', {}, RESIDENT.openid)).cases
    await callApi(baseUrl, 'case.callback', { caseId, reached: true, outcome: '已电话联系居民', idempotencyKey: 'report-journey-2' }, ADMIN)
    await callApi(baseUrl, 'case.rectify', { caseId, note: NOTE, idempotencyKey: 'report-journey-3' }, ADMIN)
    const casePage = `${baseUrl}/#/pages/case/index?caseId=${encodeURIComponent(caseId)}`

    await test('a resident reports the rectification note; staff hide it; the resident reads 整改说明已被隐藏', async () => {
      const { page, context } = await phonePage(browser, RESIDENT)
      try {
        await page.goto(casePage)
        await page.getByText(NOTE).waitFor(WAIT)
        await page.locator('.report-sheet__link').click()
        await page.getByText('举报这条整改说明').waitFor(WAIT)
        const fit = await fitReport(page, ['.report-sheet__title', '.report-sheet__hint', '.report-sheet__choice'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await page.getByText('泄露隐私', { exact: true }).click()
        await screenshot(page, join(shots, 'report-note-sheet.png'), { full: true })
        await button(page, '提交举报').click()
        await page.getByText('已提交，我们会尽快处理').waitFor(WAIT)
      } finally {
        await context.close()
      }
      const staff = await phonePage(browser, STAFF)
      try {
        await staff.page.goto(`${baseUrl}/#/staff/comments/index`)
        await staff.page.getByText('被举报的整改说明 · 原因：泄露隐私').waitFor(WAIT)
        assert(!(await staff.page.locator('body').innerText()).includes(RESIDENT.openid), 'no reporter on the moderation page')
        await screenshot(staff.page, join(shots, 'report-queue.png'), { full: true })
        await staff.page.getByText('不通过，隐藏').click()
        await staff.page.getByText('已隐藏', { exact: true }).waitFor(WAIT)
      } finally {
        await staff.context.close()
      }
      const again = await phonePage(browser, RESIDENT)
      try {
        await again.page.goto(casePage)
        await again.page.getByText('整改说明已被隐藏').waitFor(WAIT)
        assert(!(await again.page.locator('body').innerText()).includes(NOTE), 'the hidden note is not shown to the resident')
        await screenshot(again.page, join(shots, 'report-note-hidden.png'))
      } finally {
        await again.context.close()
      }
    })

    await test('the worker reports the comment of a bad review about them from their home page', async () => {
      await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ02', level: 2, comment: '这个人就是个废物', idempotencyKey: 'report-journey-4' }, 'dev-resident-8')
      const second = (await callApi(baseUrl, 'case.list', {}, ADMIN)).cases.find((c) => c.workerCode === 'YQ02' && c.stage === 'callback')
      await callApi(baseUrl, 'case.callback', { caseId: second.caseId, reached: false, outcome: '无法联系', idempotencyKey: 'report-journey-5' }, ADMIN)
      const { page, context } = await phonePage(browser, WORKER)
      try {
        await page.goto(`${baseUrl}/#/worker/home/index`)
        await page.getByText('“这个人就是个废物”').waitFor(WAIT)
        await page.locator('.report-sheet__link').first().click()
        await page.getByText('辱骂/人身攻击', { exact: true }).click()
        await button(page, '提交举报').click()
        await page.getByText('已提交，我们会尽快处理').waitFor(WAIT)
        await screenshot(page, join(shots, 'report-worker-sent.png'))
        const { comments } = await callApi(baseUrl, 'comment.list', {}, STAFF.openid)
        assert(comments.some((c) => c.comment === '这个人就是个废物' && c.reported?.reasons?.[0] === '辱骂/人身攻击'), `the comment is held for 留言审核 with the reason: ${JSON.stringify(comments)}`)
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
  }
}

// The browser journey of a bad review (差评回访整改), on a local runtime of its own: a resident
// gives 王秀兰's colleague YQ02 非常不满意 on the rating page; 银泉's community admin opens 差评回访整改, sees the
// case (never who gave it), records the call-back and the rectification; the resident's home page shows
// the notice (locally in place of WeChat's subscribe message), they choose 基本满意 and the case is closed
// with that verdict. 浮山's sub-district staff read 已留电话 where the admin reads the number (trust rule 9).
// A case opened weeks ago (written into the runtime's SQLite file, as an old rating
// would have opened it) shows first, in red, with its working days over. Screenshots: screenshots/case-*.png.
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boxes, fitReport } from './elderFriendly.mjs'
import { button, callApi, phonePage, screenshot, startServer } from './harness.mjs'

const require = createRequire(import.meta.url)
const RESIDENT = { openid: 'dev-resident-7', role: 'resident', name: '居民 李阿姨' }
const ADMIN = { openid: 'dev-community-yinquan', role: 'community', name: '银泉社区', communityId: 'yinquan', subdistrictId: 'fushan' }
const STAFF = { openid: 'dev-subdistrict-fushan', role: 'subdistrict', name: '浮山办事处', subdistrictId: 'fushan' }
const WORKER = { openid: 'dev-worker-YQ02', role: 'worker', name: 'YQ02', workerCode: 'YQ02', communityId: 'yinquan', subdistrictId: 'fushan' }
const WAIT = { timeout: 15000 }
const OUTCOME = '已电话联系居民，反映约好的上门时间没有来，已当面致歉'
const NOTE = '调整走访排班，上门前一天电话确认时间'
const PHONE = '13800001234'

/** A case opened on Mon 2026-09-07: call-back due 09-08, rectification 09-28 — long overdue by now. */
function seedOverdueCase(dataDir) {
  const Database = require('better-sqlite3')
  const db = new Database(join(dataDir, 'community-3456.db'))
  db.pragma('busy_timeout = 5000')
  const record = {
    id: 'case-old-e2e', ref: { kind: 'resident', id: 'rating-old-e2e' }, raterOpenid: 'dev-resident-old', workerCode: 'YQ03', communityId: 'yinquan', subdistrictId: 'fushan',
    month: '2026-09', level: 2, openedAt: '2026-09-07T02:00:00.000Z', callbackDue: '2026-09-08', rectifyDue: '2026-09-28', version: 1,
  }
  db.prepare('INSERT INTO cases (id, worker_code, community_id, subdistrict_id, rater_openid, version, json) VALUES (?, ?, ?, ?, ?, 1, ?)').run(record.id, record.workerCode, record.communityId, record.subdistrictId, record.raterOpenid, JSON.stringify(record))
  db.close()
}

export async function runCaseJourney({ browser, root, shots, test, assert }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-cases-'))
  const server = startServer(root, { env: { DATA_DIR: dataDir } })
  try {
    const baseUrl = await server.url
    await callApi(baseUrl, 'session.me', {}, ADMIN.openid) // the demo is in once the runtime answers
    seedOverdueCase(dataDir)

    await test('a resident gives 非常不满意: the community admin sees the case, overdue ones first in red', async () => {
      const { page, context } = await phonePage(browser, RESIDENT)
      try {
        await page.goto(`${baseUrl}/#/pages/rate/index?scene=YQ02`)
        await page.getByText('非常不满意', { exact: true }).click()
        await button(page, '提交评价').click()
        await page.getByText('评价已提交，谢谢您').waitFor(WAIT)
        // The result screen offers to leave a number for the call-back (kept on the case only).
        await page.getByText('社区会回访并整改').waitFor(WAIT)
        // One digit short, 留下电话 is grey and the page says why.
        await page.locator('.follow-up__phone input').fill(PHONE.slice(0, 10))
        await page.getByText('手机号是 11 位数字，还差 1 位').waitFor(WAIT)
        await screenshot(page, join(shots, 'case-rate-phone-short.png'), { full: true })
        await page.locator('.follow-up__phone input').fill(PHONE)
        await button(page, '留下电话').click()
        await page.getByText('已告诉社区，谢谢您').waitFor(WAIT)
        await page.getByText('社区会打 138 0000 1234 回访您。').waitFor(WAIT)
        await screenshot(page, join(shots, 'case-rate-follow-up.png'), { full: true })
      } finally {
        await context.close()
      }
      const { page: admin, context: adminContext } = await phonePage(browser, ADMIN)
      try {
        await admin.goto(`${baseUrl}/#/staff/cases/index`)
        await admin.locator('.case-row').nth(1).waitFor(WAIT)
        const first = await admin.locator('.case-row').first()
        assert((await first.getAttribute('class')).includes('case-row--overdue'), 'the overdue case comes first, marked overdue')
        assert(/逾期 \d+ 个工作日/.test(await first.innerText()), `the overdue case says how many working days over: ${await first.innerText()}`)
        const color = await first.locator('.case-row__stage').evaluate((el) => getComputedStyle(el).color)
        assert(color === 'rgb(180, 35, 24)', `overdue is shown in red, got ${color}`)
        const second = await admin.locator('.case-row').nth(1).innerText()
        assert(second.includes('待回访') && second.includes('非常不满意'), `the new case waits for its call-back: ${second}`)
        assert(!(await admin.locator('body').innerText()).includes(RESIDENT.openid), 'no rater identity on the page')
        for (const box of await boxes(admin, '.cases__filter')) assert(box.width >= 44 && box.height >= 44, `filter “${box.text}” is ${box.width} x ${box.height}`)
        await screenshot(admin, join(shots, 'case-list.png'), { full: true })
        await admin.getByText('逾期', { exact: true }).click()
        assert((await admin.locator('.case-row').count()) === 1, 'the 逾期 filter keeps the overdue case only')
        await admin.getByText('全部', { exact: true }).click()

        await admin.locator('.case-row').nth(1).click()
        await admin.getByText('回访情况').waitFor(WAIT)
        // 联系方式 under its own heading; the number is a tap to call it (in h5 what a tel: link does).
        assert((await admin.locator('.case-detail__phone').innerText()).trim() === PHONE, 'the number the resident left is shown to the admin, tappable')
        await admin.locator('.case-form__note textarea').fill(OUTCOME)
        await button(admin, '已联系上，保存回访').click()
        await admin.getByText('整改情况').waitFor(WAIT)
        await admin.locator('.case-form__note textarea').fill(NOTE)
        await admin.waitForTimeout(200)
        await screenshot(admin, join(shots, 'case-detail.png'), { full: true })
        await button(admin, '保存整改，通知评价人').click()
        await admin.getByText('已通知评价人，等待评价整改结果').waitFor(WAIT)
        const fit = await fitReport(admin, ['.case-detail__line', '.case-row__meta'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
      } finally {
        await adminContext.close()
      }
    })

    await test('浮山’s sub-district staff read 已留电话 on the case, never the number', async () => {
      const { cases } = await callApi(baseUrl, 'case.list', {}, STAFF.openid)
      const open = cases.find((c) => c.workerCode === 'YQ02' && c.level === 1)
      assert(open && open.contact && open.contact.left === true && !JSON.stringify(cases).includes(PHONE), `the list gives staff 已留电话 only: ${JSON.stringify(open?.contact)}`)
      const { page, context } = await phonePage(browser, STAFF)
      try {
        await page.goto(`${baseUrl}/#/staff/case/index?caseId=${encodeURIComponent(open.caseId)}`)
        await page.getByText(/^已留电话/).waitFor(WAIT)
        assert((await page.locator('.case-detail__phone').count()) === 0, 'nothing to call on the staff page')
        assert(!(await page.locator('body').innerText()).includes(PHONE), 'the number is not on the staff page')
        await screenshot(page, join(shots, 'case-detail-subdistrict.png'), { full: true })
      } finally {
        await context.close()
      }
    })

    await test('a new bad review reaches the worker’s home only once the admin recorded its call-back, without the rater', async () => {
      const fresh = await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ02', level: 2, idempotencyKey: 'case-journey-second' }, 'dev-resident-8')
      assert(fresh.ratingId, 'a second bad rating is stored')
      const { page, context } = await phonePage(browser, WORKER)
      try {
        // Just rated: nothing on the worker's home yet (trust rule 5: not at the moment of the rating).
        await page.goto(`${baseUrl}/#/worker/home/index`)
        await page.getByText('我的评价结果').waitFor(WAIT)
        await page.waitForTimeout(500)
        assert((await page.locator('.worker-cases').count()) === 0, 'no case notice at the moment of the rating')
        const { cases } = await callApi(baseUrl, 'case.list', {}, ADMIN.openid)
        const second = cases.find((c) => c.workerCode === 'YQ02' && c.level === 2 && c.stage === 'callback')
        assert(second, `the admin sees the new case: ${JSON.stringify(cases.map((c) => [c.workerCode, c.level, c.stage]))}`)
        await callApi(baseUrl, 'case.callback', { caseId: second.caseId, reached: false, outcome: '无法联系', idempotencyKey: 'case-journey-callback-2' }, ADMIN.openid)
        await page.reload()
        await page.getByText('有 1 条差评待整改').waitFor(WAIT)
        assert(!(await page.locator('body').innerText()).includes('dev-resident'), 'no rater identity on the worker page')
        const fit = await fitReport(page, ['.worker-cases__title', '.worker-cases__line', '.worker-cases__note'])
        assert(fit.widest <= fit.viewport && fit.pastEdge.length === 0 && fit.cutOff.length === 0, `does not fit 375 px: ${JSON.stringify(fit)}`)
        await screenshot(page, join(shots, 'case-worker-notice.png'))
      } finally {
        await context.close()
      }
    })

    await test('the resident’s home shows the notice; they choose 基本满意 and the case is closed with it', async () => {
      const { page, context } = await phonePage(browser, RESIDENT)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.getByText('您反映的问题已整改').waitFor(WAIT)
        await button(page, '查看并评价整改').click()
        await page.getByText('您对这次整改满意吗？').waitFor(WAIT)
        assert((await page.locator('.level-choice--chosen').count()) === 0, 'no verdict is pre-selected')
        assert((await page.getByText(NOTE).count()) === 1, 'the rectification is shown to the rater')
        for (const box of await boxes(page, '.level-choice')) assert(box.width >= 60 && box.height >= 60, `“${box.text}” is ${box.width} x ${box.height}, under 60 x 60`)
        await screenshot(page, join(shots, 'case-confirm.png'), { full: true })
        await page.getByText('基本满意', { exact: true }).click()
        await button(page, '提交').click()
        await page.getByText('您对整改的评价：基本满意').waitFor(WAIT)
      } finally {
        await context.close()
      }
      const { page: admin, context: adminContext } = await phonePage(browser, ADMIN)
      try {
        await admin.goto(`${baseUrl}/#/staff/cases/index`)
        const closed = admin.locator('.case-row--closed')
        await closed.waitFor(WAIT)
        const text = await closed.innerText()
        assert(text.includes('已办结') && text.includes('评价人：基本满意'), `the case is closed with the verdict: ${text}`)
      } finally {
        await adminContext.close()
      }
    })
  } finally {
    server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

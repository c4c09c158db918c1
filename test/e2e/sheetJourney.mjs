// The sub-district's scoring sheet in the browser, at 375x667 and at 1280 px: from the
// home page's 录入街道评分 to staff/sheet/index; a draft typed and saved (38.5 + 36 + 18.7 = 93.2 as the
// running total; a 45 in a 40-point item marked beside its box and left out of the save, 提交 closed
// while 29 are unscored), the rest scored, submitted after the in-place confirmation, then locked (a
// save is refused with 409); 修改 with a reason, and the history shows it. It writes scores, so it runs
// on a server of its own (a fresh DATA_DIR).
import { join } from 'node:path'
import { callApi, phonePage, screenshot, startServer } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 15000 }
const STAFF = 'dev-subdistrict-fushan'

/** This month in China time, `YYYY-MM` (the page opens on it). */
function thisMonth() {
  const china = new Date(Date.now() + 8 * 3600 * 1000)
  return `${china.getUTCFullYear()}-${String(china.getUTCMonth() + 1).padStart(2, '0')}`
}

export async function runSheetJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  try {
    const baseUrl = await server.url
    const identities = await callApi(baseUrl, 'dev.identities', {})
    const staffIdentity = identities.find((i) => i.openid === STAFF)
    const period = thisMonth()
    const sheetOf = () => callApi(baseUrl, 'sheet.get', { kind: 'period', period }, STAFF)

    await test('sub-district staff save a draft, submit it, find it locked, change it with a reason and see the history', async () => {
      const { page, context } = await phonePage(browser, staffIdentity)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await page.locator('taro-button-core', { hasText: '录入街道评分' }).click()
        // The sheet's own status (the home page, kept behind it, has the same words in its workbench row).
        await page.locator('.sheet-status', { hasText: '尚未填写 · 已评 0 / 30 人' }).waitFor(WAIT)
        await pageSettled(page, '尚未填写')
        await screenshot(page, join(shots, 'sheet-new.png'), { full: false })

        const box = (i) => page.locator('.sheet-table__input').nth(i).locator('input')
        await box(0).fill('38.5')
        await box(1).fill('36')
        await box(2).fill('18.7')
        await page.locator('.sheet-table__total').nth(1).getByText('93.2').waitFor(WAIT)
        // A slip on the second worker: 45 in a 40-point item, marked beside the box as typed.
        await box(3).fill('45')
        await page.locator('.sheet-table__problem', { hasText: '超过满分 40' }).waitFor(WAIT)
        await page.locator('.sheet-status__title', { hasText: '草稿 · 已评 1 / 30 人' }).waitFor(WAIT)
        await page.locator('.sheet-status').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-typed.png'), { full: false })
        await page.getByText('还有 29 人没有评完，全部评完后才能提交').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-submit-closed.png'), { full: false })
        await page.locator('taro-button-core', { hasText: '保存草稿' }).click()
        // The rest is kept; the one box is named as not saved.
        await page.getByText('有 1 格没有保存，其余已保存为草稿').waitFor(WAIT)
        await page.locator('.sheet-status__title', { hasText: '草稿 · 已评 1 / 30 人' }).waitFor(WAIT)
        await page.locator('.sheet-refused__line').first().scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-draft.png'), { full: false })
        const draft = await sheetOf()
        assert(draft.status === 'draft' && draft.version === 1 && draft.rows[0].score === 93.2, `a draft at version 1: ${JSON.stringify(draft.rows[0])}`)
        assert(draft.rows[1].points.every((p) => p === null), `nothing stored for the 45: ${JSON.stringify(draft.rows[1])}`)

        // The other 29 scored 35 + 35 + 17.5 = 87.5 (as a second clerk would), then the page reloaded.
        const rest = draft.rows.slice(1).map((row) => ({ workerCode: row.workerCode, points: [35, 35, 17.5] }))
        await callApi(baseUrl, 'sheet.save', { kind: 'period', period, version: 1, rows: rest }, STAFF)
        await page.reload()
        await page.locator('.sheet-status__title', { hasText: '草稿 · 已评 30 / 30 人' }).waitFor(WAIT)

        await page.locator('taro-button-core', { hasText: /^提交$/ }).click()
        await page.getByText('提交后将锁定，修改需要填写理由。确定提交吗？').waitFor(WAIT)
        await page.getByText('提交后将锁定，修改需要填写理由。确定提交吗？').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-confirm.png'), { full: false })
        await page.locator('taro-button-core', { hasText: '确认提交' }).click()
        await page.getByText('评分表已提交').waitFor(WAIT)
        await page.locator('.sheet-status__title', { hasText: '已提交' }).waitFor(WAIT)
        assert((await page.locator('.sheet-table__input').count()) === 0, 'no boxes on a submitted sheet')
        await page.locator('.sheet-status').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-submitted.png'), { full: false })

        const locked = await callApi(baseUrl, 'sheet.save', { kind: 'period', period, version: 3, rows: [] }, STAFF).then(() => 'saved', (e) => e.message)
        assert(locked === 'sheet.save failed: CONFLICT 评分表已提交，如需修改请填写修改理由', `a save of the submitted sheet is refused: ${locked}`)

        await page.locator('taro-button-core', { hasText: '修改' }).click()
        await page.locator('.sheet-table__input').first().waitFor(WAIT)
        await box(2).fill('19.7')
        await page.locator('.sheet-reason textarea').fill('复核考勤记录后更正纪律作风得分')
        await page.locator('.sheet-reason').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-change.png'), { full: false })
        await page.locator('taro-button-core', { hasText: '保存修改' }).click()
        await page.getByText('修改已保存，并记入修改记录').waitFor(WAIT)
        await page.locator('.sheet-status__title', { hasText: '已提交，已修改 1 次' }).waitFor(WAIT)
        await page.getByText('理由：复核考勤记录后更正纪律作风得分').waitFor(WAIT)
        await page.getByText('理由：复核考勤记录后更正纪律作风得分').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-history.png'), { full: false })
        const changed = await sheetOf()
        assert(changed.rows[0].score === 94.2 && changed.changes.length === 1, `94.2 after the change: ${JSON.stringify(changed.rows[0])}`)

        await page.setViewportSize({ width: 1280, height: 800 })
        await page.locator('.staff-title').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-1280.png'), { full: false })
        await page.locator('.sheet-history').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'sheet-1280-history.png'), { full: false })
      } finally {
        await context.close()
      }
    })

    await test('the bureau sees the scoring sheet’s criteria on the settings page, 40 + 40 + 20 = 100', async () => {
      const bureau = identities.find((i) => i.openid === 'dev-bureau')
      const { page, context } = await phonePage(browser, bureau)
      try {
        await page.goto(`${baseUrl}/#/staff/settings/index`)
        const group = page.locator('[data-setting="sheetCriteria"]')
        await group.waitFor(WAIT)
        await group.getByText('合计 100 分（须为 100）').waitFor(WAIT)
        assert((await group.locator('.settings-criterion__name').count()) === 3, 'three criteria by default')
        await group.scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'settings-criteria.png'), { full: false })
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
  }
}

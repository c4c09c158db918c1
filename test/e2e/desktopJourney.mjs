// Every staff page at a desk (WeChat for PC, 1280 x 800) and on a phone (375 x 667), on a runtime of its
// own: two bad ratings of 刘建华 (YQ01) this month, one with a comment moderation holds, open two cases; the
// clock then moves to the 1st of next month (LOCAL_NOW) and the worker appeals one, so every queue has
// something to show. Each page is opened as the staff who use it and saved as screenshots/desktop-<page>.png
// and screenshots/phone-<page>.png. At 1280 px a clerk's page has no horizontal scrollbar, a content width
// of at most 1240 px, body text of 14-20 px, and period chips that all show.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callApi, currentChinaMonth, demoIdentities, nextMonthStart, phonePage, screenshot, startServer } from './harness.mjs'
import { desktopProblems } from './desktopFit.mjs'

const WAIT = { timeout: 20000 }
const BUREAU = 'dev-bureau'
const SUBDISTRICT = 'dev-subdistrict-fushan'
const COMMUNITY = 'dev-community-yinquan'
const WORKER = 'dev-worker-YQ01'

/** The staff pages, each as the staff who use it; `ready`: what shows once the page has its data. */
function staffPages(caseId) {
  return [
    { name: 'home', who: SUBDISTRICT, path: '/pages/index/index', ready: '.workbench-row' },
    { name: 'evaluation', who: SUBDISTRICT, path: '/staff/evaluation/index', ready: '.eval-row' },
    { name: 'reports', who: SUBDISTRICT, path: '/reports/index/index', ready: '.report-row:not(.report-row--head)' },
    { name: 'report-trend', who: SUBDISTRICT, path: '/reports/trend/index?workerCode=YQ01', ready: '.trend-item' },
    { name: 'sheet', who: SUBDISTRICT, path: '/staff/sheet/index', ready: '.sheet-table' },
    { name: 'cases', who: COMMUNITY, path: '/staff/cases/index', ready: '.case-row' },
    { name: 'case', who: COMMUNITY, path: `/staff/case/index?caseId=${encodeURIComponent(caseId)}`, ready: '.case-detail__section' },
    { name: 'appeals', who: SUBDISTRICT, path: '/staff/appeals/index', ready: '.appeal-card' },
    { name: 'review', who: SUBDISTRICT, path: '/staff/review/index', ready: '.staff-card' },
    { name: 'comments', who: SUBDISTRICT, path: '/staff/comments/index', ready: '.held-comment' },
    { name: 'posts', who: BUREAU, path: '/staff/posts/index', ready: '.post-row' },
    { name: 'settings', who: BUREAU, path: '/staff/settings/index', ready: '.settings-item' },
    { name: 'roster', who: BUREAU, path: '/staff/roster/index', ready: '.roster-step' },
    { name: 'audit', who: BUREAU, path: '/staff/audit/index', ready: '.audit-entry' },
    { name: 'org', who: BUREAU, path: '/staff/org/index', ready: '.org-row' },
    { name: 'community', who: COMMUNITY, path: '/staff/community/index', ready: '.org-row' },
    { name: 'workers', who: COMMUNITY, path: '/staff/workers/index', ready: '.invite-row' },
  ]
}

/** Opens `path` as `identity` at the given size and waits for its data and the end of the slide-in. */
async function openAt(browser, baseUrl, identity, { path, ready }, viewport) {
  const opened = await phonePage(browser, identity)
  await opened.page.setViewportSize(viewport)
  await opened.page.goto(`${baseUrl}/#${path}`)
  await opened.page.locator(ready).first().waitFor(WAIT)
  await opened.page.waitForFunction(() => {
    const screen = [...document.querySelectorAll('.screen')].find((el) => el.getClientRects().length > 0)
    return screen !== undefined && Math.abs(screen.getBoundingClientRect().left) < 0.5 && screen.querySelector('.notice--loading') === null
  }, undefined, WAIT)
  await opened.page.waitForTimeout(300)
  return opened
}

/** Two bad ratings of YQ01 this month (a case each; one comment held), then, next month, the worker's appeal. */
async function seedQueues(root, dataDir, assert) {
  let server = startServer(root, { dataDir })
  let baseUrl = await server.url
  const month = currentChinaMonth()
  // Moderation holds a comment that calls someone names (骗子).
  const held = { comment: '约好上午上门，拖到下午也没来，像个骗子一样一直推' }
  await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ01', level: 1, ...held, idempotencyKey: 'desktop-bad-1' }, 'desktop-rater-1')
  await callApi(baseUrl, 'rating.submit', { workerCode: 'YQ01', level: 2, comment: '', idempotencyKey: 'desktop-bad-2' }, 'desktop-rater-2')
  server.stop()
  await server.exited
  server = startServer(root, { dataDir, env: { LOCAL_NOW: nextMonthStart(month.key) } })
  baseUrl = await server.url
  const { ratings } = await callApi(baseUrl, 'appeal.mine', {}, WORKER)
  assert(ratings.length >= 1, `YQ01 may appeal last month's bad ratings: ${ratings.length}`)
  const reason = '当天上午在社区服务大厅值班，已电话告知下午上门，评价人也同意了'
  await callApi(baseUrl, 'appeal.file', { token: ratings[0].token, reason, idempotencyKey: 'desktop-appeal' }, WORKER)
  const { cases } = await callApi(baseUrl, 'case.list', {}, COMMUNITY)
  assert(cases.length >= 1, 'the bad ratings opened cases')
  return { server, baseUrl, caseId: cases[0].caseId }
}

export async function runDesktopJourney({ browser, root, shots, test, assert }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-desktop-'))
  let seeded
  try {
    await test('two bad ratings open cases, one comment is held, and next month the worker appeals one', async () => {
      seeded = await seedQueues(root, dataDir, assert)
    })
    if (seeded === undefined) return
    const identity = await demoIdentities(seeded.baseUrl)
    for (const page of staffPages(seeded.caseId)) {
      await test(`${page.name} at 1280 x 800 reads at a desk: no sideways scroll, a content width, desktop text`, async () => {
        const { page: tab, context } = await openAt(browser, seeded.baseUrl, identity(page.who), page, { width: 1280, height: 800 })
        try {
          await screenshot(tab, join(shots, `desktop-${page.name}.png`))
          const problems = await desktopProblems(tab)
          assert(problems.length === 0, `${page.name} at 1280 px: ${problems.join('; ')}`)
        } finally {
          await context.close()
        }
      })
      await test(`${page.name} at 375 x 667`, async () => {
        const { page: tab, context } = await openAt(browser, seeded.baseUrl, identity(page.who), page, { width: 375, height: 667 })
        try {
          await screenshot(tab, join(shots, `phone-${page.name}.png`))
          const wide = await tab.evaluate(() => document.documentElement.scrollWidth)
          assert(wide <= 375, `${page.name} scrolls sideways on a phone: ${wide} px`)
        } finally {
          await context.close()
        }
      })
    }
  } finally {
    seeded?.server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

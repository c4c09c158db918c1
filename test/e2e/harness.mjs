// Helpers for the browser test: the local runtime on a free port with a throwaway database,
// Debian's chromium through playwright-core, and the demo identities the app would pick.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { spawnRuntime } from '../support/runtimeProcess.cjs'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_MISSING = 'Chromium 未安装：请运行 apt-get update && apt-get install -y chromium fonts-wqy-microhei'
/** The key src/platform/device.h5.ts keeps the demo identity under. */
export const DEV_IDENTITY_KEY = 'community3456.devIdentity'
/** The key src/platform/device.h5.ts reads WeChat's font size setting from, simulated (1 = standard). */
export const FONT_SCALE_KEY = 'community3456.fontScale'

/** Stops with a clear message when something the test needs was not built or installed. */
export function checkPrerequisites(root) {
  const problems = []
  if (!existsSync(CHROMIUM)) problems.push(CHROMIUM_MISSING)
  if (!existsSync(join(root, 'dist-h5', 'index.html'))) problems.push('dist-h5/ 不存在：请先运行 npm run build:h5')
  if (!existsSync(join(root, 'server', 'dist', 'main.cjs'))) problems.push('server/dist/main.cjs 不存在：请先运行 npm run build:server')
  return problems
}

/**
 * Starts `node server/dist/main.cjs` (test/support/runtimeProcess.cjs) with a temporary DATA_DIR;
 * `url` resolves with its address. `dataDir`: a data directory to start on and keep, so a second
 * runtime can continue the first one's data.
 */
export function startServer(root, { timeoutMs = 30000, env = {}, dataDir: keptDir } = {}) {
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), 'e2e-data-'))
  const { child, url, exited, output } = spawnRuntime(root, { DATA_DIR: dataDir, ...env }, timeoutMs)
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    if (keptDir === undefined) rmSync(dataDir, { recursive: true, force: true })
  }
  return { url, stop, exited, output }
}

/** One call to the local runtime, as the app makes it. */
export async function callApi(baseUrl, action, payload, openid) {
  const headers = { 'Content-Type': 'application/json' }
  if (openid) headers['X-Openid'] = openid
  const response = await fetch(`${baseUrl}/cloud/api`, { method: 'POST', headers, body: JSON.stringify({ action, payload }) })
  const body = await response.json()
  if (!body.ok) throw new Error(`${action} failed: ${body.code} ${body.message}`)
  return body.data
}

/** The demo identities the runtime at `baseUrl` offers; the function it resolves with throws for an openid it lacks. */
export async function demoIdentities(baseUrl) {
  const identities = await callApi(baseUrl, 'dev.identities', {})
  return (openid) => {
    const found = identities.find((i) => i.openid === openid)
    if (!found) throw new Error(`dev.identities has no ${openid}`)
    return found
  }
}

/** Fails the test at hand with `message` unless `condition` holds. */
export function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** A button by its words (a tap lands on the button, not on its label). */
export function button(scope, words) {
  return scope.locator('taro-button-core', { hasText: words })
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/**
 * A phone-sized page acting as `identity` (set the way the app's identity switcher sets it);
 * `fontScale` plays WeChat's font size setting (e.g. 1.4, 关怀模式).
 */
export async function phonePage(browser, identity, { fontScale } = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const stored = []
  if (identity) stored.push([DEV_IDENTITY_KEY, JSON.stringify(identity)])
  if (fontScale) stored.push([FONT_SCALE_KEY, String(fontScale)])
  if (stored.length > 0) {
    await context.addInitScript((entries) => {
      for (const [key, value] of entries) window.localStorage.setItem(key, value)
    }, stored)
  }
  const page = await context.newPage()
  return { page, context }
}

/** The month a rating made now counts for, as the app words it: China time (UTC+8), e.g. 2026年3月. */
export function currentChinaMonth(now = new Date()) {
  const china = new Date(now.getTime() + 8 * 3600 * 1000)
  const year = china.getUTCFullYear()
  const month = china.getUTCMonth() + 1
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 }
  return {
    key: `${year}-${String(month).padStart(2, '0')}`,
    label: `${year}年${month}月`,
    previousKey: `${previous.year}-${String(previous.month).padStart(2, '0')}`,
    previousLabel: `${previous.year}年${previous.month}月`,
  }
}

/**
 * Saves a screenshot at phone width. Taro's h5 pages scroll inside their own container, so a
 * full-length shot grows the viewport to the page's content height for the moment of the shot.
 */
export async function screenshot(page, path, { full = false } = {}) {
  if (!full) {
    await page.screenshot({ path })
    return
  }
  const viewport = page.viewportSize()
  const height = await page.evaluate(() => {
    const content = [...document.querySelectorAll('.screen')].find((el) => el.getClientRects().length > 0)
    return Math.ceil(content ? content.getBoundingClientRect().height : document.documentElement.scrollHeight)
  })
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) })
  await page.waitForTimeout(100)
  await page.screenshot({ path })
  await page.setViewportSize(viewport)
}

/** 10:00 China time on the 1st of the month after `key` (`2026-11` → `2026-12-01T02:00:00.000Z`), for LOCAL_NOW. */
export function nextMonthStart(key) {
  const [year, month] = key.split('-').map(Number)
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
  return `${next}-01T02:00:00.000Z`
}

// The bureau imports a roster in the browser: from the home page's 花名册导入 to
// staff/roster/index; the template downloads with exactly the seven headers in row 1; a roster with a
// bad 户数 and a repeated 工号 is listed row by row and nothing is written; a good one is checked
// (counts, the 36 demo workers it leaves out), imported, and its communities are then in the directory.
// It writes the organisation, so it runs on a server of its own (a fresh DATA_DIR).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { button, callApi, phonePage, screenshot, startServer } from './harness.mjs'
import { pageSettled } from './pageSettled.mjs'

const WAIT = { timeout: 20000 }
const HEADERS = ['街道', '社区', '网格', '户数', '工号', '姓名', '岗位']

/** `count` workers of 江南办事处: two communities, grids of five; row i + 2 in Excel. */
function rosterRows(count) {
  return Array.from({ length: count }, (_, i) => [
    '江南办事处',
    i < count / 2 ? '江南一社区' : '江南二社区',
    `${Math.floor(i / 5) + 1}号网格`,
    320 + Math.floor(i / 5),
    `JN${String(i + 1).padStart(3, '0')}`,
    `江南工作者${i + 1}`,
    i % 5 === 0 ? '正职' : '专职社区工作者',
  ])
}

async function writeRoster(path, rows) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow(HEADERS)
  for (const row of rows) sheet.addRow(row)
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()))
}

export async function runRosterJourney({ browser, root, shots, test, assert }) {
  const server = startServer(root)
  const dir = mkdtempSync(join(tmpdir(), 'e2e-roster-'))
  try {
    const baseUrl = await server.url
    const identities = await callApi(baseUrl, 'dev.identities', {})
    const bureauIdentity = identities.find((i) => i.openid === 'dev-bureau')
    const communities = async () => (await callApi(baseUrl, 'grid.directory', {})).communities.map((c) => c.name)

    await test('the bureau downloads the template, sees a bad roster row by row, then imports a good one', async () => {
      const bad = join(dir, '花名册-有错.xlsx')
      const good = join(dir, '花名册.xlsx')
      const rows = rosterRows(60)
      // Row 5 (the 4th worker): 户数 “abc”; row 9 repeats row 2's 工号.
      await writeRoster(bad, rows.map((row, i) => (i === 3 ? row.map((c, k) => (k === 3 ? 'abc' : c)) : i === 7 ? row.map((c, k) => (k === 4 ? 'JN001' : c)) : row)))
      await writeRoster(good, rows)

      const { page, context } = await phonePage(browser, bureauIdentity)
      try {
        await page.goto(`${baseUrl}/#/pages/index/index`)
        await button(page, '花名册导入').click()
        await button(page, '下载模板').waitFor(WAIT)
        await pageSettled(page, '花名册导入')
        await screenshot(page, join(shots, 'roster.png'), { full: false })

        const download = page.waitForEvent('download', WAIT)
        await button(page, '下载模板').click()
        const file = await download
        assert(file.suggestedFilename() === '花名册模板.xlsx', `the template downloads as 花名册模板.xlsx: ${file.suggestedFilename()}`)
        const template = new ExcelJS.Workbook()
        await template.xlsx.load(readFileSync(await file.path()))
        const header = template.worksheets[0].getRow(1).values.slice(1)
        assert(JSON.stringify(header) === JSON.stringify(HEADERS), `row 1 is exactly the headers: ${JSON.stringify(header)}`)

        let chooser = page.waitForEvent('filechooser', WAIT)
        await button(page, '选择文件').click()
        await (await chooser).setFiles(bad)
        await page.getByText('发现 2 处错误，没有导入任何数据').waitFor(WAIT)
        const errors = await page.locator('.roster-error').allTextContents()
        assert(errors.length === 2, `two errors listed: ${JSON.stringify(errors)}`)
        assert(errors[0].includes('第 5 行 · 户数') && errors[0].includes('“abc”'), `row 5, 户数: ${errors[0]}`)
        assert(errors[1].includes('第 9 行 · 工号') && errors[1].includes('与第 2 行重复'), `row 9, 工号: ${errors[1]}`)
        assert(!(await communities()).includes('江南一社区'), 'nothing written after a bad roster')
        await page.locator('.roster-errors').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'roster-errors.png'), { full: false })

        chooser = page.waitForEvent('filechooser', WAIT)
        await button(page, '换一个文件').click()
        await (await chooser).setFiles(good)
        await page.getByText('检查通过，可以导入').waitFor(WAIT)
        await page.getByText('新增工作者 60 名').waitFor(WAIT)
        await page.getByText('36 名工作者不在新花名册中').waitFor(WAIT)
        assert(!(await communities()).includes('江南一社区'), 'nothing written by the check')
        await page.getByText('检查通过，可以导入').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'roster-checked.png'), { full: false })
        await button(page, '导入').last().scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'roster-checked-import.png'), { full: false })

        await button(page, '导入').last().click()
        await page.getByText('导入完成').waitFor(WAIT)
        const after = await communities()
        assert(after.includes('江南一社区') && after.includes('江南二社区'), `both communities imported: ${JSON.stringify(after)}`)
        await page.getByText('导入完成').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'roster-imported.png'), { full: false })
        await page.setViewportSize({ width: 1280, height: 800 })
        // Taro's h5 page scrolls inside its own container: bring the title back into view.
        await page.locator('.staff-title').scrollIntoViewIfNeeded()
        await screenshot(page, join(shots, 'roster-1280.png'), { full: false })
      } finally {
        await context.close()
      }
    })

    await test('sub-district staff are told the roster is the bureau\'s, with no buttons to import', async () => {
      const staff = identities.find((i) => i.openid === 'dev-subdistrict-fushan')
      const { page, context } = await phonePage(browser, staff)
      try {
        await page.goto(`${baseUrl}/#/staff/roster/index`)
        await page.getByText('花名册由市民政局统一导入').waitFor(WAIT)
        assert((await button(page, '选择文件').count()) === 0, 'no file to choose')
      } finally {
        await context.close()
      }
    })
  } finally {
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

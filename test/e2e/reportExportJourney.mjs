// 导出 Excel on the reports page in the browser: 浮山办事处's staff export the last
// half-year's report; the browser downloads an .xlsx (the local runtime's link) whose summary and rows
// are report.get's numbers — 30 workers, the average grid time, every worker's 工号, 总分 and 等次 in
// order. Reads the shared demo server (an export only writes its file under DATA_DIR/files).
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { callApi, phonePage } from './harness.mjs'

const WAIT = { timeout: 20000 }
const STAFF = 'dev-subdistrict-fushan'

function lastHalf(now = new Date()) {
  const china = new Date(now.getTime() + 8 * 3600 * 1000)
  const year = china.getUTCFullYear()
  return china.getUTCMonth() + 1 > 6 ? { key: `${year}-H1`, label: `${year}年上半年` } : { key: `${year - 1}-H2`, label: `${year - 1}年下半年` }
}

export async function runReportExportJourney({ browser, baseUrl, test, assert }) {
  const identities = await callApi(baseUrl, 'dev.identities', {})
  const staff = identities.find((i) => i.openid === STAFF)
  const half = lastHalf()

  await test('浮山 staff export the half-year report: the downloaded .xlsx has the page\'s 30 rows and summary', async () => {
    const expected = await callApi(baseUrl, 'report.get', { kind: 'halfyear', period: half.key }, STAFF)
    const { page, context } = await phonePage(browser, staff)
    try {
      await page.goto(`${baseUrl}/#/reports/index/index`)
      await page.getByText(`浮山办事处 ${half.label}考核报告`).waitFor(WAIT)
      const download = page.waitForEvent('download', WAIT)
      await page.locator('taro-button-core', { hasText: '导出 Excel' }).click()
      const file = await download
      assert(/浮山办事处.*\.xlsx$/.test(file.suggestedFilename()), `named after the report: ${file.suggestedFilename()}`)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(readFileSync(await file.path()))
      const rows = []
      workbook.worksheets[0].eachRow((row, n) => (rows[n - 1] = row.values.slice(1)))
      const value = (label) => rows.find((r) => r?.[0] === label)?.[1]
      assert(value('人数') === 30, `人数 30: ${value('人数')}`)
      assert(value('平均在网格时间') === expected.avgGridTimeRatio, `average grid time ${expected.avgGridTimeRatio}: ${value('平均在网格时间')}`)
      assert(value('优秀') === expected.grades['优秀'], `优秀 ${expected.grades['优秀']}: ${value('优秀')}`)
      const at = rows.findIndex((r) => r?.[0] === '排名')
      const body = rows.slice(at + 1)
      const seen = body.map((r) => [r[1], r[9] ?? null, r[10]])
      const want = expected.rows.map((r) => [r.workerCode, r.total, r.grade])
      assert(JSON.stringify(seen) === JSON.stringify(want), `rows as the page: ${JSON.stringify(seen.slice(0, 3))} vs ${JSON.stringify(want.slice(0, 3))}`)
    } finally {
      await context.close()
    }
  })
}

// report.export through the BUILT local runtime over the demo: the 浮山办事处 report of
// the last half-year, as report.get answers it for the page, and as the downloaded .xlsx says it — the
// summary (30 workers, the average grid time, each grade's count and share, the quota, the settings
// version) and every cell of every worker's row are the same numbers.
import http from 'node:http'
import { DEMO_SUBDISTRICT_ID } from '@backend/demo/seed'
import { monthOf } from '@core/periods'
import type { Report } from '@core/reports'
import { request, useLocalRuntime } from './support/localRuntime'
import { expectedCells, sheetValues, summaryValue, workerTable } from './support/reportSheet'

const BUREAU = 'dev-bureau'
/** The half-year before the current one: every month of it is before this month, so the demo filled it. */
function lastHalfYear(now = new Date()): string {
  const [year, month] = monthOf(now).split('-').map(Number) as [number, number]
  return month <= 6 ? `${year - 1}-H2` : `${year}-H1`
}
const PAYLOAD = { kind: 'halfyear', period: lastHalfYear(), subdistrictId: DEMO_SUBDISTRICT_ID }

const runtime = useLocalRuntime()

const download = (url: string) =>
  new Promise<{ status: number; bytes: Buffer; disposition: string }>((resolve, reject) => {
    http.get(new URL(url, runtime.url), (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), disposition: String(res.headers['content-disposition']) }))
    }).on('error', reject)
  })
const filesCall = (action: string, payload: unknown, openid?: string) =>
  request(runtime.url, { method: 'POST', path: '/cloud/files', headers: { 'Content-Type': 'application/json', ...(openid === undefined ? {} : { 'X-Openid': openid }) }, body: JSON.stringify({ action, payload }) })

it('writes the page\'s numbers into the .xlsx: the summary and every cell of all 30 rows', async () => {
  const page = (await runtime.call('report.get', PAYLOAD, BUREAU)).json as { ok: true; data: Report }
  const report = page.data
  expect(report.workers).toBe(30)
  expect(report.grades.优秀).toBeLessThanOrEqual(6)

  const exported = await filesCall('report.export', PAYLOAD, BUREAU)
  expect(exported.status).toBe(200)
  const { url } = (exported.json as { data: { url: string } }).data
  const file = await download(url)
  expect(file.status).toBe(200)
  expect(decodeURIComponent(file.disposition)).toContain('浮山办事处')
  const rows = await sheetValues(file.bytes)

  expect(summaryValue(rows, '街道').value).toBe('浮山办事处')
  expect(summaryValue(rows, '人数').value).toBe(30)
  expect(summaryValue(rows, '平均在网格时间').value).toBe(report.avgGridTimeRatio)
  for (const grade of ['优秀', '称职', '基本称职', '不称职', '未评定'] as const) {
    const { value, extra } = summaryValue(rows, grade)
    expect({ grade, count: value, share: extra }).toEqual({ grade, count: report.grades[grade], share: Math.round((report.grades[grade] / 30) * 1000) / 1000 })
  }
  expect(summaryValue(rows, '优秀名额').value).toBe(report.quotaNote)
  expect(summaryValue(rows, '设置版本').value).toBe(report.settingsVersion)
  // 银泉's hall duty over the half-year, as the page's hallSpread says it.
  const [yinquan] = report.hallSpread
  expect(summaryValue(rows, '大厅值班（银泉社区）').value).toBe(`每人 ${yinquan.fewest}–${yinquan.most} 天`)

  const { header, body } = workerTable(rows)
  expect(header).toEqual(['排名', '工号', '姓名', '社区', '居民评价人数', '居民得分', '服务对象评价人数', '服务对象得分', '街道评分', '总分', '等次', '在网格时间', '大厅值班天数', '说明'])
  expect(body).toHaveLength(30)
  body.forEach((cells, i) => {
    const expected = expectedCells('halfyear', report.rows[i] as Report['rows'][number])
    expect(header.map((name, k) => [name, cells[k] ?? null])).toEqual(header.map((name, k) => [name, expected[k]]))
  })
})

it('keeps to report.get\'s scope: other sub-district staff 403, anonymous 401', async () => {
  expect(await filesCall('report.export', PAYLOAD, 'dev-subdistrict-wenquan')).toMatchObject({ status: 403, json: { code: 'FORBIDDEN' } })
  expect(await filesCall('report.export', PAYLOAD)).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } })
})

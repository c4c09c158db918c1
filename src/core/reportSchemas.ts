// Payloads and results of the report actions. report.get and report.export
// take the same payload, so the file is the page.
import * as v from 'valibot'
import type { FileLink } from './fileLink'
import { period, workerCode } from './payloadFields'
import type { Report, WorkerTrend } from './reports'

const optionalId = (what: string) =>
  v.optional(v.pipe(v.string(`${what}编号格式不对`), v.trim(), v.minLength(1, `请选择${what}`), v.maxLength(64, `${what}编号格式不对`)))

export const reportPayload = v.object({
  kind: v.picklist(['month', 'halfyear', 'year'], '请选择报表类型：月度、半年或年度'),
  period,
  subdistrictId: optionalId('街道'),
  communityId: optionalId('社区'),
})

export const reportPayloads = {
  'report.get': reportPayload,
  'report.export': reportPayload,
  /** A worker's totals and grades month by month, the last 12 months. */
  'report.trend': v.object({ workerCode }),
} as const

export interface ReportResults {
  'report.get': Report
  /** The .xlsx: its cloud file ID in the cloud, a download path locally (fileLink.ts). */
  'report.export': FileLink
  'report.trend': WorkerTrend
}

// Payloads and results of the audit log reader actions; spread into contract.ts.
import * as v from 'valibot'
import { isCalendarDate } from './periods'

const chinaDate = (what: string) => v.optional(v.pipe(v.string(`${what}格式不对`), v.trim(), v.check((s: string) => isCalendarDate(s), `${what}格式不对，应为 2026-03-01 这样的日期`)))

/** Entries per page unless the payload asks for fewer or more. */
export const AUDIT_PAGE_SIZE = 20

export const auditPayloads = {
  /** The bureau reads the audit log, newest first, filtered by action, sub-district and China dates (both included). */
  'audit.list': v.pipe(
    v.object({
      action: v.optional(v.pipe(v.string('操作类型格式不对'), v.trim(), v.minLength(1, '请选择操作类型'), v.maxLength(40, '操作类型格式不对'))),
      subdistrictId: v.optional(v.pipe(v.string('街道编号格式不对'), v.trim(), v.minLength(1, '请选择街道'), v.maxLength(64, '街道编号格式不对'))),
      from: chinaDate('开始日期'),
      to: chinaDate('结束日期'),
      /** The `next` of the page before: entries older than it. */
      before: v.optional(v.pipe(v.string('翻页位置格式不对'), v.minLength(1, '翻页位置格式不对'), v.maxLength(80, '翻页位置格式不对'))),
      limit: v.optional(v.pipe(v.number('每页条数格式不对'), v.integer('每页条数必须是整数'), v.minValue(1, '每页至少 1 条'), v.maxValue(50, '每页最多 50 条'))),
    }),
    v.check((p) => p.from === undefined || p.to === undefined || p.from <= p.to, '开始日期不能晚于结束日期'),
  ),
} as const satisfies Record<string, v.GenericSchema>

/** One entry as the bureau reads it: who by name and role (never an openid), what, when, why. */
export interface AuditEntryView {
  id: string
  /** ISO time. */
  at: string
  action: string
  /** 修改考核设置, 提交评分表, … (src/core/auditLabels.ts); the raw action when unknown. */
  actionLabel: string
  by: { name: string; roleLabel: string }
  subdistrictId?: string
  subdistrictName?: string
  target: string
  targetLabel: string
  reason?: string
  /** What the reason is, with it: 理由, 回访情况, 申诉理由, … (auditReasonLabel). */
  reasonLabel?: string
  /** The details in a few lines of Chinese: whose, what changed from what to what. */
  summary: string[]
}

export interface AuditResults {
  /** `next`: pass as `before` for the next (older) page; absent on the last. */
  'audit.list': { entries: AuditEntryView[]; next?: string }
}

// Payloads and results of the appeal actions, 申诉 / 复核; spread into contract.ts.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { APPEAL_NOTE_MAX, APPEAL_NOTE_MIN, APPEAL_REASON_MAX, APPEAL_REASON_MIN, type AppealForReview, type AppealableRating, type AppealView } from './appeals'
import { idempotencyKey } from './payloadFields'

/** A bad rating as appeal.mine names it (AppealableRating.token). */
const ratingToken = v.pipe(v.string('请选择要申诉的评价'), v.regex(/^[0-9a-f]{32}$/, '评价编号格式不对，请刷新页面后重试'))

const text = (what: string, min: number, max: number) =>
  v.pipe(v.string(`请填写${what}`), cleaned, v.minLength(min, `${what}至少 ${min} 个字`), v.maxLength(max, `${what}最多 ${max} 个字，请删减后再提交`))

export const appealPayloads = {
  /** The worker's own bad ratings of the appeal window, with their appeals. */
  'appeal.mine': v.object({}),
  'appeal.file': v.object({ token: ratingToken, reason: text('申诉理由', APPEAL_REASON_MIN, APPEAL_REASON_MAX), idempotencyKey }),
  /** Sub-district staff: their own sub-district; the bureau: the one named (else every one). */
  'appeal.list': v.object({
    subdistrictId: v.optional(v.pipe(v.string('街道编号格式不对'), v.trim(), v.minLength(1, '请选择街道'), v.maxLength(64, '街道编号格式不对'))),
  }),
  'appeal.decide': v.object({
    appealId: v.pipe(v.string('申诉编号缺失'), v.minLength(1, '申诉编号缺失'), v.maxLength(64, '申诉编号格式不对')),
    decision: v.picklist(['uphold', 'reject'], '请选择：撤销该评价，或维持原评价'),
    note: text('复核意见', APPEAL_NOTE_MIN, APPEAL_NOTE_MAX),
    idempotencyKey,
  }),
} as const satisfies Record<string, v.GenericSchema>

export interface AppealResults {
  'appeal.mine': { appealDays: number; ratings: AppealableRating[] }
  'appeal.file': AppealView
  /** Pending first (oldest first), then decided (newest first). */
  'appeal.list': { appeals: AppealForReview[] }
  'appeal.decide': AppealView & { appealId: string }
}

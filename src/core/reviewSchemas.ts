// Payloads and results of the review queue of suspicious ratings actions; spread into contract.ts.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { idempotencyKey } from './payloadFields'
import { EXCLUDE_REASON_MAX, REVIEW_BATCH_MAX, type ReviewItemView } from './reviews'

const reviewId = v.pipe(v.string('复核编号缺失，请刷新页面后重试'), v.minLength(1, '复核编号缺失，请刷新页面后重试'), v.maxLength(64, '复核编号格式不对'))

export const reviewPayloads = {
  /** Sub-district staff: their own sub-district; the bureau: the one named (else every one). */
  'review.list': v.object({
    subdistrictId: v.optional(v.pipe(v.string('街道编号格式不对'), v.trim(), v.minLength(1, '请选择街道'), v.maxLength(64, '街道编号格式不对'))),
  }),
  /**
   * keep: the rating goes on counting; exclude: it stops counting, and needs its reason (trust rule 8) —
   * at least EXCLUDE_REASON_MIN characters, which review.decide checks (a payload schema here is one object).
   */
  'review.decide': v.object({
    reviewId,
    decision: v.picklist(['keep', 'exclude'], '请选择：保留这条评价，或排除它'),
    reason: v.optional(
      v.pipe(v.string('复核意见格式不对'), cleaned, v.maxLength(EXCLUDE_REASON_MAX, `复核意见最多 ${EXCLUDE_REASON_MAX} 个字，请删减后再提交`)),
    ),
    idempotencyKey,
  }),
  /**
   * One decision for several items at once — a burst a suspicion run flagged together (reviewBursts) — with
   * one reason; every item is decided, carried out and audited as review.decide does it.
   */
  'review.decideBatch': v.object({
    reviewIds: v.pipe(
      v.array(reviewId, '请选择要复核的评价'),
      v.minLength(1, '请选择要复核的评价'),
      v.maxLength(REVIEW_BATCH_MAX, `一次最多复核 ${REVIEW_BATCH_MAX} 条，请分批处理`),
      v.check((ids) => new Set(ids).size === ids.length, '同一条评价选了两次，请刷新页面后重试'),
    ),
    decision: v.picklist(['keep', 'exclude'], '请选择：保留这些评价，或排除它们'),
    reason: v.optional(
      v.pipe(v.string('复核意见格式不对'), cleaned, v.maxLength(EXCLUDE_REASON_MAX, `复核意见最多 ${EXCLUDE_REASON_MAX} 个字，请删减后再提交`)),
    ),
    idempotencyKey,
  }),
} as const satisfies Record<string, v.GenericSchema>

export interface ReviewResults {
  /** Open items first (newest flagged first), then decided ones. */
  'review.list': { items: ReviewItemView[] }
  'review.decide': ReviewItemView
  /** `decided`: the items this call decided; `alreadyDecided`: those someone had decided before it. */
  'review.decideBatch': { decided: number; alreadyDecided: number }
}

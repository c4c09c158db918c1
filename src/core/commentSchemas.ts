// Payloads and results of the comment moderation actions; spread into contract.ts.
import * as v from 'valibot'
import type { CommentDecided, CommentList } from './comments'

/** `id`: the sealed token comment.list gave (never the rating's own id), up to ~94 characters. */
const ratingRef = v.object(
  {
    kind: v.picklist(['resident', 'recipient'], '评价类型不对，请刷新页面后重试'),
    id: v.pipe(v.string('评价编号缺失，请刷新页面后重试'), v.minLength(1, '评价编号缺失，请刷新页面后重试'), v.maxLength(128, '评价编号格式不对')),
  },
  '评价编号格式不对，请刷新页面后重试',
)

export const commentPayloads = {
  /** Held comments: sub-district staff their own sub-district's; the bureau the one named (required). */
  'comment.list': v.object({
    subdistrictId: v.optional(v.pipe(v.string('街道编号格式不对'), v.trim(), v.minLength(1, '请选择街道'), v.maxLength(64, '街道编号格式不对'))),
  }),
  /** Release (通过) or reject (不通过) one held comment, the submission staff saw (`submittedAt`). */
  'comment.decide': v.object({
    ref: ratingRef,
    submittedAt: v.pipe(v.string('留言的提交时间缺失，请刷新页面后重试'), v.minLength(1, '留言的提交时间缺失，请刷新页面后重试'), v.maxLength(40, '留言的提交时间格式不对')),
    decision: v.picklist(['release', 'reject'], '请选择：通过，或不通过'),
  }),
} as const satisfies Record<string, v.GenericSchema>

export interface CommentResults {
  /** Oldest first. */
  'comment.list': CommentList
  'comment.decide': CommentDecided
}

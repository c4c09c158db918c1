// Comment moderation (DESIGN trust rule 6): what staff see of a held comment, and what a
// worker sees of the comments that passed. Staff see a pseudonym for the rater, never the openid; a worker
// sees only the text and the month, and only of a party with n >= 5 ratings (trust rule 5).
import type { ReportedNoteView, ReportReason } from './contentReports'
import type { Level } from './types'

export type RatingKindName = 'resident' | 'recipient'

/** Who gave the rating, in words: a resident of the worker's area, or the person a service visit served. */
export const RATER_KIND_LABELS: Record<RatingKindName, string> = { resident: '居民评价', recipient: '服务对象评价' }

/** A held comment on the moderation page (staff). */
export interface HeldCommentView {
  ref: { kind: RatingKindName; id: string }
  /** Pass back with the decision: the comment a re-rate replaced is not the one decided. */
  submittedAt: string
  workerCode: string
  workerName: string
  level: Level
  /** The level in words (满意 …), never a number alone. */
  levelLabel: string
  kindLabel: string
  comment: string
  /** A stable pseudonym of the rater (评价人 K7QM2A): patterns can be seen, the person cannot. */
  rater: string
  /**
   * Present when the comment is here because the worker reported it (投诉/举报): the categories they chose
   * (empty: none chosen). Not who reported: only the worker the comment is about can see it.
   */
  reported?: { reasons: ReportReason[] }
}

export interface CommentList {
  subdistrictId: string
  subdistrictName: string
  comments: HeldCommentView[]
  /** Rectification notes raters reported, oldest report first. */
  notes: ReportedNoteView[]
}

export type CommentDecision = 'release' | 'reject'

export interface CommentDecided {
  ref: { kind: RatingKindName; id: string }
  status: 'pass' | 'rejected'
}

/** A passed comment as its worker sees it: the text and its month, nothing about who wrote it or when in the month. */
export interface OwnComment {
  month: string
  text: string
  /** What comment.report names it by: sealed, so it says nothing of the rating or its rater (appeal tokens likewise). */
  report: { kind: RatingKindName; token: string }
}

/** Why comments wait for staff: said on the moderation page. */
export const WHY_HELD =
  '留言提交时会先经过内容检查。可能含有辱骂、人身攻击或手机号等个人信息的留言会先暂缓显示，由街道工作人员审核：通过后，被评价的工作者才能在自己的评价结果里看到；不通过的留言不会给任何人看到，评价等级照常计入。'

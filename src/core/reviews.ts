// The review queue (复核; trust rule 8): ratings a suspicious pattern flagged wait for the
// sub-district, which keeps them (they go on counting) or excludes them with a reason (they stop
// counting; nothing is deleted). Pure: the reasons in Chinese and what staff see of an item.
import type { Level } from './types'

export type SuspicionReason = 'BURST' | 'NEW_RATERS' | 'SHARED_IP' | 'REPEAT_RECIPIENT' | 'MUTUAL_WORKERS'

export type ReviewStatus = 'open' | 'kept' | 'excluded'

/** What a clerk reads for each reason (the numbers are src/core/suspicion.ts's). */
export const REASON_TEXT: Record<SuspicionReason, string> = {
  BURST: '一小时内收到的评价远多于平时',
  NEW_RATERS: '一小时内多位首次评价的人集中评价',
  SHARED_IP: '同一网络地址一小时内有 5 位以上评价人',
  REPEAT_RECIPIENT: '同一服务对象近 6 个月中有 3 个月以上评价这位工作者',
  MUTUAL_WORKERS: '两位社区工作者同一个月互相评价',
}

export const REVIEW_STATUS_TEXT: Record<ReviewStatus, string> = {
  open: '待复核',
  kept: '已保留，照常计分',
  excluded: '已排除，不再计分',
}

/** An exclusion's reason: long enough to say why, short enough to read on a phone. */
export const EXCLUDE_REASON_MIN = 2
export const EXCLUDE_REASON_MAX = 200

/**
 * A flagged rating as staff see it (review.list): the rater only as a stable pseudonym (评价人 K7QM2A),
 * never the openid nor the client address; the comment only if it passed moderation.
 */
export interface ReviewItemView {
  id: string
  status: ReviewStatus
  workerCode: string
  workerName: string
  community: string
  kind: '居民评价' | '服务对象评价'
  level: Level
  month: string
  /** When the rating was last submitted (ISO). */
  submittedAt: string
  flaggedAt: string
  /** The reasons in Chinese. */
  reasons: string[]
  rater: string
  comment: string
  decision?: { at: string; byName: string; reason: string }
}

/** Why a decision's reason is refused ('' when it is fine): excluding needs one of EXCLUDE_REASON_MIN+ characters. */
export function decisionReasonProblem(decision: 'keep' | 'exclude', reason: string | undefined): string {
  if (decision === 'exclude' && (reason ?? '').trim().length < EXCLUDE_REASON_MIN) return `排除评价需要写明理由，至少 ${EXCLUDE_REASON_MIN} 个字`
  return ''
}

/**
 * The queue's order: open items first, newest flag first; ratings flagged together (one run of the batch)
 * in the order they came, so a burst reads as it happened.
 */
export function reviewOrder(a: ReviewItemView, b: ReviewItemView): number {
  const rank = (item: ReviewItemView) => (item.status === 'open' ? 0 : 1)
  return rank(a) - rank(b) || b.flaggedAt.localeCompare(a.flaggedAt) || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id)
}

/** The most items one batch decision takes (review.decideBatch): a burst of a busy hour, not a whole queue. */
export const REVIEW_BATCH_MAX = 100

/** Open items a suspicion run flagged together for one worker: decided at once, with one reason. */
export interface ReviewBurst {
  workerCode: string
  workerName: string
  community: string
  flaggedAt: string
  /** The items' ids, in the queue's order. */
  ids: string[]
  /** The reasons any of them was flagged for, in Chinese, each once. */
  reasons: string[]
}

/**
 * The bursts among the queue's open items: those of one worker flagged by the same run (one flaggedAt),
 * two or more of them, in the order the queue lists them. A lone item is decided on its own card.
 */
export function reviewBursts(items: readonly ReviewItemView[]): ReviewBurst[] {
  const bursts = new Map<string, ReviewBurst>()
  for (const item of items) {
    if (item.status !== 'open') continue
    const key = `${item.workerCode}|${item.flaggedAt}`
    const burst = bursts.get(key) ?? { workerCode: item.workerCode, workerName: item.workerName, community: item.community, flaggedAt: item.flaggedAt, ids: [], reasons: [] }
    burst.ids.push(item.id)
    for (const reason of item.reasons) if (!burst.reasons.includes(reason)) burst.reasons.push(reason)
    bursts.set(key, burst)
  }
  return [...bursts.values()].filter((burst) => burst.ids.length >= 2)
}

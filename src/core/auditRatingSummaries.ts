// Audit summaries of decisions about one rating: a flagged rating reviewed, a held comment decided, a bad
// review's case step by step, an appeal filed and decided. Each names the worker, the rating by its month
// and kind, and the state before and after. Never the rater (trust rule 5): the entry's `ref` is not shown.
import { APPEAL_STATUS_LABELS, type AppealStatus } from './appeals'
import { auditWorker, type AuditNames } from './auditLabels'
import { type AuditDetails, labelOf, listOf, periodText, recordOf, textOf } from './auditText'
import { type CaseStage, STAGE_LABELS } from './cases'
import { RATER_KIND_LABELS, type RatingKindName } from './comments'
import { LEVEL_LABELS, isLevel } from './levels'
import { REASON_TEXT, REVIEW_STATUS_TEXT, type ReviewStatus, type SuspicionReason } from './reviews'

type Summary = (d: AuditDetails, names: AuditNames) => string[]

const workerLine = (d: AuditDetails, names: AuditNames) => `工作者：${auditWorker(d.workerCode, names)}`

/** 2026年3月的居民评价（非常不满意）: the month it counts in, who gave it in words, and its level when known. */
function ratingText(d: AuditDetails): string {
  const kind = labelOf<RatingKindName>(RATER_KIND_LABELS, recordOf(d.ref).kind) ?? '评价'
  const level = isLevel(d.level) ? `（${LEVEL_LABELS[d.level]}）` : ''
  return `${periodText(d.month)}的${kind}${level}`
}

const reviewDecide: Summary = (d, names) => {
  const reasons = listOf(d.reasons).map((r) => labelOf<SuspicionReason>(REASON_TEXT, r)).filter((r): r is string => r !== undefined)
  return [
    workerLine(d, names),
    `被标记的评价：${ratingText(d)}`,
    ...(reasons.length === 0 ? [] : [`可疑原因：${reasons.join('；')}`]),
    `复核结果：${REVIEW_STATUS_TEXT.open} → ${labelOf<ReviewStatus>(REVIEW_STATUS_TEXT, d.status) ?? '已处理'}`,
  ]
}

const COMMENT_STATUS_TEXT: Readonly<Record<string, string>> = { pass: '已通过，工作者可以看到', rejected: '不通过，不会公开' }

/** 举报原因：辱骂/人身攻击 — for a comment or note its reader reported (投诉/举报); nothing when it was not reported. */
function reportedLine(d: AuditDetails): string[] {
  if (!Array.isArray(d.reported)) return []
  const reasons = listOf(d.reported).filter((r): r is string => typeof r === 'string')
  return [`被举报，原因：${reasons.length === 0 ? '未选择原因' : reasons.join('、')}`]
}

const commentDecide: Summary = (d, names) => [
  workerLine(d, names),
  `留言所在的评价：${ratingText(d)}`,
  ...reportedLine(d),
  `留言：待审核 → ${COMMENT_STATUS_TEXT[textOf(d.status) ?? ''] ?? '已处理'}`,
]

const NOTE_STATUS_TEXT: Readonly<Record<string, string>> = { shown: '通过，评价人照常可见', hidden: '不通过，已对评价人隐藏' }

const noteDecide: Summary = (d, names) => [
  workerLine(d, names),
  `整改说明所在的差评：${ratingText(d)}`,
  ...reportedLine(d),
  `整改说明：${NOTE_STATUS_TEXT[textOf(d.status) ?? ''] ?? '已处理'}`,
]

/** The stage a case step starts from; the entry keeps the stage it ended in. */
const STEP_FROM: Readonly<Record<string, CaseStage>> = { 'case.callback': 'callback', 'case.rectify': 'rectify', 'case.confirm': 'confirm' }

function caseStep(action: string): Summary {
  return (d, names) => {
    const community = names.communities.get(textOf(d.communityId) ?? '')
    const to = labelOf<CaseStage>(STAGE_LABELS, d.stage)
    const from = STEP_FROM[action]
    const reached = action === 'case.callback' && typeof d.reached === 'boolean' ? [`回访：${d.reached ? '联系上了评价人' : '没有联系上评价人'}`] : []
    return [
      `${workerLine(d, names)}${community === undefined ? '' : `，${community}`}`,
      `差评：${ratingText(d)}`,
      ...reached,
      ...(to === undefined ? [] : [from === undefined ? `进度：${to}` : `进度：${STAGE_LABELS[from]} → ${to}`]),
    ]
  }
}

function appealStep(action: string): Summary {
  return (d, names) => {
    const status = labelOf<AppealStatus>(APPEAL_STATUS_LABELS, d.status) ?? '已处理'
    return [
      workerLine(d, names),
      `申诉的评价：${ratingText(d)}`,
      action === 'appeal.file' ? `状态：${status}` : `结果：${APPEAL_STATUS_LABELS.pending} → ${status}`,
    ]
  }
}

export const RATING_SUMMARIES: Readonly<Record<string, Summary>> = {
  'review.decide': reviewDecide,
  'comment.decide': commentDecide,
  'note.decide': noteDecide,
  'case.open': caseStep('case.open'),
  'case.callback': caseStep('case.callback'),
  'case.rectify': caseStep('case.rectify'),
  'case.confirm': caseStep('case.confirm'),
  // An upheld appeal closes the case from whatever stage it was in: the entry says where it ended.
  'case.withdraw': caseStep('case.withdraw'),
  'appeal.file': appealStep('appeal.file'),
  'appeal.decide': appealStep('appeal.decide'),
}

// The details of an audit entry as a few lines of Chinese for the bureau: whose, what changed from what to
// what (the reason is the entry's own, shown beside). Settings, sheets and scores here; decisions about
// ratings and edits to the organisation in their own files. Never an openid, a pseudonym or a rating's id.
import { auditWorker, type AuditNames, NO_AUDIT_NAMES } from './auditLabels'
import { ORG_SUMMARIES } from './auditOrgSummaries'
import { HALL_SUMMARIES } from './auditHallSummaries'
import { RATING_SUMMARIES } from './auditRatingSummaries'
import { AUDIT_MAX_LINES, type AuditDetails, changeLine, limited, listOf, numberOf, periodText, recordOf, textOf } from './auditText'
import { settingsChangeLines } from './settingsChange'
import { type SheetPoints, sheetScore } from './sheets'

type Summary = (d: AuditDetails, names: AuditNames) => string[]

/** The words of the confirmation the bureau read before saving (settingsChange.ts). */
const settingsSave: Summary = (d) => {
  const changed = listOf(d.changed).filter((k): k is string => typeof k === 'string')
  const values = Object.fromEntries(Object.entries(recordOf(d.values)).map(([k, v]) => [k, recordOf(v)]))
  return limited(settingsChangeLines(changed, values), (n) => `另有 ${n} 项改动`)
}

const sheetSubmit: Summary = (d) => [`提交了 ${listOf(d.rows).length} 位工作者的评分，评分已锁定`]

const pointsOf = (x: unknown): SheetPoints | undefined =>
  Array.isArray(x) && x.every((p) => p === null || typeof p === 'number') ? (x as SheetPoints) : undefined
const scoreText = (points: SheetPoints | undefined) => {
  const score = points === undefined ? null : sheetScore(points)
  return score === null ? '未评完' : `${score} 分`
}

/**
 * 张敏（QL01）：80 分 → 85.5 分（工作实绩 36 → 41.5）: the worker's sheet score before and after, from the
 * points the entry keeps, then each criterion that changed when the entry names the criteria.
 */
function sheetChangeLine(change: AuditDetails, criteria: string[], names: AuditNames): string {
  const from = pointsOf(change.from)
  const to = pointsOf(change.to)
  const point = (p: number | null | undefined) => (typeof p === 'number' ? String(p) : '未评')
  const items = from === undefined || to === undefined ? [] : criteria.flatMap((name, i) => (from[i] === to[i] ? [] : [`${name} ${point(from[i])} → ${point(to[i])}`]))
  return `${auditWorker(change.workerCode, names)}：${scoreText(from)} → ${scoreText(to)}${items.length === 0 ? '' : `（${items.join('，')}）`}`
}

const sheetChange: Summary = (d, names) => {
  const changes = listOf(d.changes).map(recordOf)
  if (changes.length === 0) return ['没有改动任何得分']
  const criteria = listOf(d.criteria).filter((c): c is string => typeof c === 'string')
  return limited(changes.map((c) => sheetChangeLine(c, criteria, names)), (n) => `另有 ${n} 位工作者的得分有改动`)
}

const points = (x: unknown) => (numberOf(x) === undefined ? undefined : `${String(x)} 分`)

/** A sub-district score; `fromScore` null: none was entered before (undefined: an entry that did not keep it). */
const scoreSubmit: Summary = (d, names) => [
  `工作者：${auditWorker(d.workerCode, names)}`,
  `考核期：${periodText(d.period)}`,
  changeLine('街道评分', d.fromScore === null ? '未录入' : points(d.fromScore), points(d.score) ?? ''),
]

const SUMMARIES: Readonly<Record<string, Summary>> = {
  'settings.save': settingsSave,
  'sheet.submit': sheetSubmit,
  'sheet.change': sheetChange,
  'score.submit': scoreSubmit,
  ...RATING_SUMMARIES,
  ...ORG_SUMMARIES,
  ...HALL_SUMMARIES,
}

/** Which actions have a summary of their own (every labelled one: auditSummaries.test.ts). */
export const SUMMARISED_ACTIONS: readonly string[] = Object.keys(SUMMARIES)

/**
 * The fields the fallback shows, by label; any other field (an id, a code, anything naming a rater) is left
 * out rather than shown raw.
 */
const FALLBACK_LABELS: Readonly<Record<string, string>> = { outcome: '结果', status: '结果', note: '说明', month: '月份', period: '考核期' }
const FALLBACK_VALUES: Readonly<Record<string, string>> = { kept: '已保留', excluded: '已排除', upheld: '申诉成立', rejected: '已驳回', pending: '待处理' }

/** An action this version has no summary for (one added later): the fields it can say in words. */
function fallback(d: AuditDetails, names: AuditNames): string[] {
  const worker = textOf(d.workerCode) === undefined ? [] : [`工作者：${auditWorker(d.workerCode, names)}`]
  const lines = Object.entries(FALLBACK_LABELS).flatMap(([key, label]) => {
    const value = textOf(d[key])
    return value === undefined ? [] : [`${label}：${FALLBACK_VALUES[value] ?? periodText(value)}`]
  })
  return limited([...worker, ...lines], (n) => `另有 ${n} 项`)
}

/** The details of an entry as a few lines of Chinese; `names` (read with the page) turn ids into names. */
export function auditSummary(action: string, details: AuditDetails, names: AuditNames = NO_AUDIT_NAMES): string[] {
  const summary = SUMMARIES[action]
  return summary === undefined ? fallback(details, names) : summary(details, names)
}

/** What the summaries and target labels of these entries need looked up: ids of workers, communities, grids, posts. */
export function auditReferences(entries: ReadonlyArray<{ target: string; details: AuditDetails }>): Record<'workers' | 'communities' | 'grids' | 'posts', string[]> {
  const refs = { workers: new Set<string>(), communities: new Set<string>(), grids: new Set<string>(), posts: new Set<string>() }
  const add = (set: Set<string>, id: unknown) => {
    if (textOf(id) !== undefined) set.add(id as string)
  }
  for (const { target, details: d } of entries) {
    add(refs.workers, d.workerCode)
    // Only the changes a summary shows (limited: at most AUDIT_MAX_LINES lines).
    for (const change of listOf(d.changes).slice(0, AUDIT_MAX_LINES)) add(refs.workers, recordOf(change).workerCode)
    // A hall rota's edit names its workers in `workers`, a generation its AB pairs in `pairs`.
    for (const code of listOf(d.workers).slice(0, 2 * AUDIT_MAX_LINES)) add(refs.workers, code)
    for (const pair of listOf(d.pairs).slice(0, AUDIT_MAX_LINES)) for (const code of [recordOf(pair).a, recordOf(pair).b]) add(refs.workers, code)
    add(refs.communities, d.communityId)
    for (const id of [d.gridId, d.fromGridId]) add(refs.grids, id)
    for (const id of [d.postId, d.fromPostId]) add(refs.posts, id)
    const [kind, id] = target.split(':')
    const byKind: Record<string, Set<string> | undefined> = { worker: refs.workers, score: refs.workers, community: refs.communities, grid: refs.grids, post: refs.posts }
    const set = byKind[kind]
    if (set !== undefined) add(set, id)
  }
  return { workers: [...refs.workers], communities: [...refs.communities], grids: [...refs.grids], posts: [...refs.posts] }
}

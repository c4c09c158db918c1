// How the audit log reads to the bureau: a Chinese label for every audited action, the
// actor's role, the target, and each entry's details in a few short lines. One table for every slice's
// actions; an action not listed shows its raw name. Never an openid: the actor is shown by name and role,
// and detail fields naming a person's identity are left out.
import { isPeriod, periodLabel } from './periods'
import { SETTING_LABELS } from './settings'
import type { Role, Settings } from './types'

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'settings.save': '修改考核设置',
  'sheet.submit': '提交评分表',
  'sheet.change': '修改已提交的评分表',
  'review.decide': '复核可疑评价',
  'comment.decide': '审核评价留言',
  'case.callback': '差评回访',
  'case.rectify': '差评整改',
  'case.confirm': '评价人评价整改结果',
  'appeal.file': '工作者提出申诉',
  'appeal.decide': '复核申诉',
  'case.open': '收到差评，转社区回访整改',
  'case.withdraw': '申诉成立，差评工单关闭（评价已撤销）',
  'score.submit': '录入街道评分',
  'post.save': '修改岗位说明',
  'org.subdistrict.save': '新建或改名街道',
  'org.community.save': '新建或改名社区',
  'grid.save': '新建或修改网格',
  'worker.update': '调整工作者岗位、网格或在岗',
  'org.invite': '邀请工作人员',
  'invite.create': '邀请工作者绑定微信',
  'org.import': '导入花名册',
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action
}

export const AUDIT_ROLE_LABELS: Readonly<Record<Role, string>> = {
  resident: '居民',
  worker: '社区工作者',
  community: '社区管理员',
  subdistrict: '街道工作人员',
  bureau: '市民政局',
}

/** The actor as shown: a resident (a rater) is never named. */
export function auditActorOf(by: { role: Role; name: string }): { name: string; roleLabel: string } {
  const roleLabel = AUDIT_ROLE_LABELS[by.role] ?? '工作人员'
  return { name: by.role === 'resident' || by.name.trim() === '' ? roleLabel : by.name, roleLabel }
}

/** The actor in one line: the name, and the role unless the name already says it (市民政局 陈处长). */
export function auditActorLine(by: { name: string; roleLabel: string }): string {
  return by.name.includes(by.roleLabel) ? by.name : `${by.name}（${by.roleLabel}）`
}

const SHEET_KINDS: Readonly<Record<string, string>> = { period: '评分表', yearEnd: '年终评议表' }

/** What a target key means: `settings:v3` → 考核设置第 3 版, `sheet:period:2026-03` → 评分表 2026年3月. */
export function auditTargetLabel(target: string): string {
  const settings = /^settings:v(\d+)$/.exec(target)
  if (settings) return `考核设置第 ${settings[1]} 版`
  const sheet = /^sheet:(period|yearEnd):(.+)$/.exec(target)
  if (sheet) return `${SHEET_KINDS[sheet[1]]} ${isPeriod(sheet[2]) ? periodLabel(sheet[2]) : sheet[2]}`
  const [kind] = target.split(':')
  const kinds: Record<string, string> = {
    review: '可疑评价复核', comment: '评价留言', case: '差评工单', appeal: '申诉',
    score: '街道评分', post: '岗位', subdistrict: '街道', community: '社区', grid: '网格', worker: '工作者', invite: '工作人员邀请',
  }
  return kinds[kind] ?? target
}

const DETAIL_LABELS: Readonly<Record<string, string>> = {
  workerCode: '工作者编号',
  month: '月份',
  status: '结果',
  decision: '决定',
  outcome: '结果',
  note: '说明',
  reasons: '原因',
  kind: '类型',
  period: '考核期',
  version: '版本',
  score: '分数',
  name: '名称',
  households: '户数',
  created: '新建',
  duties: '职责条数',
  role: '角色',
  communityId: '社区编号',
  active: '在岗',
  postId: '岗位',
  fromPostId: '原岗位',
  gridId: '网格',
  fromGridId: '原网格',
  updated: '更新',
  missing: '花名册外的工作者',
}

const VALUE_LABELS: Readonly<Record<string, string>> = {
  keep: '保留', kept: '已保留', exclude: '排除', excluded: '已排除', uphold: '撤销该评价', upheld: '申诉成立',
  reject: '驳回', rejected: '已驳回', release: '放行', pass: '已通过', pending: '待处理', filed: '已提交',
  period: '评分表', yearEnd: '年终评议表', community: '社区管理员', subdistrict: '街道工作人员',
}

/** Detail fields never shown: anything that could name a rater. */
const HIDDEN = /openid|rater|ip$|clientIp/i

const scoreText = (score: unknown) => (typeof score === 'number' ? `${score} 分` : '未评完')
const valueText = (value: string) => VALUE_LABELS[value] ?? (isPeriod(value) ? periodLabel(value) : value)

/** At most this many lines per entry; more are counted in a last line. */
const MAX_LINES = 8

function limited(lines: string[], more: (n: number) => string): string[] {
  return lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES - 1), more(lines.length - MAX_LINES + 1)]
}

/** The details of an entry as a few lines of Chinese. */
export function auditSummary(action: string, details: Record<string, unknown>): string[] {
  if (action === 'settings.save') {
    const changed = Array.isArray(details.changed) ? details.changed.filter((k): k is string => typeof k === 'string') : []
    if (changed.length === 0) return ['没有改动任何设置']
    const values = (typeof details.values === 'object' && details.values !== null ? details.values : {}) as Record<string, { from?: unknown; to?: unknown }>
    // A number with its old and new value on a line of its own; the rest (weights, dates, criteria) by name.
    const label = (k: string) => SETTING_LABELS[k as keyof Settings] ?? k
    const numbers = changed.filter((k) => values[k] !== undefined && typeof values[k].to === 'number')
    const others = changed.filter((k) => !numbers.includes(k))
    const lines = numbers.map((k) => `${label(k)}：${values[k].from === null || values[k].from === undefined ? '未设置' : String(values[k].from)} → ${String(values[k].to)}`)
    return limited([...lines, ...(others.length > 0 ? [`${numbers.length > 0 ? '还改动了' : '改动了'}：${others.map(label).join('、')}`] : [])], (n) => `另有 ${n} 项改动`)
  }
  if (action === 'sheet.submit') {
    const rows = Array.isArray(details.rows) ? details.rows.length : 0
    return [`提交了 ${rows} 位工作者的评分，评分已锁定`]
  }
  if (action === 'sheet.change') {
    const changes = Array.isArray(details.changes) ? (details.changes as Array<{ workerCode?: unknown; fromScore?: unknown; toScore?: unknown }>) : []
    if (changes.length === 0) return ['没有改动任何得分']
    return limited(changes.map((c) => `${String(c.workerCode)}：${scoreText(c.fromScore)} → ${scoreText(c.toScore)}`), (n) => `另有 ${n} 位工作者的得分有改动`)
  }
  const lines: string[] = []
  for (const [key, value] of Object.entries(details)) {
    if (HIDDEN.test(key)) continue
    const label = DETAIL_LABELS[key] ?? key
    if (typeof value === 'string' && value !== '') lines.push(`${label}：${valueText(value)}`)
    else if (typeof value === 'boolean') lines.push(`${label}：${value ? '是' : '否'}`)
    else if (typeof value === 'number') lines.push(`${label}：${String(value)}`)
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) lines.push(`${label}：${value.map(valueText).join('、')}`)
  }
  return limited(lines, (n) => `另有 ${n} 项`)
}

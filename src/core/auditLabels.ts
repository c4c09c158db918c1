// How the audit log reads to the bureau: a Chinese label for every audited action, the actor's role,
// the target and what the reason is called. One table for every slice's actions; an action not listed
// shows its raw name. Never an openid: the actor is shown by name and role. Names of workers,
// communities, grids and posts are looked up when the log is read (AuditNames), not kept in the entries.
import { periodText } from './auditText'
import type { Role } from './types'

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
  'hall.rota.generate': '生成服务大厅值班表',
  'hall.rota.save': '调整服务大厅值班表',
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

/** What an entry's reason is: a call-back's reason is what came of it, a confirmation's the rater's verdict. */
const REASON_LABELS: Readonly<Record<string, string>> = {
  'case.callback': '回访情况',
  'case.rectify': '整改情况',
  'case.confirm': '评价人的评价',
  'appeal.file': '申诉理由',
  'appeal.decide': '复核意见',
}

export function auditReasonLabel(action: string): string {
  return REASON_LABELS[action] ?? '理由'
}

/** Names by id, read with the page of entries (backend/audit/auditNames.ts); a worker not found reads as their 工号. */
export interface AuditNames {
  workers: ReadonlyMap<string, string>
  communities: ReadonlyMap<string, string>
  grids: ReadonlyMap<string, string>
  posts: ReadonlyMap<string, string>
  subdistricts: ReadonlyMap<string, string>
}

export const NO_AUDIT_NAMES: AuditNames = { workers: new Map(), communities: new Map(), grids: new Map(), posts: new Map(), subdistricts: new Map() }

/** A worker as the bureau reads them: 张敏（W001）, or the code alone when the roster no longer has it. */
export function auditWorker(code: unknown, names: AuditNames): string {
  const text = String(code)
  const name = names.workers.get(text)
  return name === undefined ? text : `${name}（${text}）`
}

const SHEET_KINDS: Readonly<Record<string, string>> = { period: '评分表', yearEnd: '年终评议表' }

/** Targets whose key carries nothing worth showing beyond their kind. */
const TARGET_KINDS: Readonly<Record<string, string>> = {
  review: '可疑评价复核', comment: '评价留言', case: '差评工单', appeal: '申诉',
  roster: '工作者花名册', invite: '工作人员邀请',
}

/** Targets named by their id, shown by their name. */
const ORG_TARGETS: Readonly<Record<string, { kind: string; names: Exclude<keyof AuditNames, 'workers'> }>> = {
  subdistrict: { kind: '街道', names: 'subdistricts' },
  community: { kind: '社区', names: 'communities' },
  grid: { kind: '网格', names: 'grids' },
  post: { kind: '岗位', names: 'posts' },
}

/**
 * What a target key means: `settings:v3` → 考核设置第 3 版, `sheet:period:2026-03` → 评分表 2026年3月,
 * `worker:W001` → 工作者 张敏（W001）, `community:c-yinquan` → 社区 银泉社区.
 */
export function auditTargetLabel(target: string, names: AuditNames = NO_AUDIT_NAMES): string {
  const settings = /^settings:v(\d+)$/.exec(target)
  if (settings) return `考核设置第 ${settings[1]} 版`
  const sheet = /^sheet:(period|yearEnd):(.+)$/.exec(target)
  if (sheet) return `${SHEET_KINDS[sheet[1]]} ${periodText(sheet[2])}`
  const score = /^score:([^:]+):(.+)$/.exec(target)
  if (score) return `${periodText(score[2])} ${auditWorker(score[1], names)}的街道评分`
  const [kind, id = ''] = target.split(':')
  if (kind === 'worker') return `工作者 ${auditWorker(id, names)}`
  if (kind === 'invite') return id === 'community' || id === 'subdistrict' ? `${AUDIT_ROLE_LABELS[id]}邀请` : TARGET_KINDS.invite
  const named = ORG_TARGETS[kind]
  if (named !== undefined) {
    // An id the lookup no longer finds is shown as its kind only: ids are not for people.
    const name = names[named.names].get(id)
    return name === undefined ? named.kind : `${named.kind} ${name}`
  }
  return TARGET_KINDS[kind] ?? target
}

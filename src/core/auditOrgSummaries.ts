// Audit summaries of edits to the organisation: sub-districts, communities, grids and posts created or
// changed, a worker's post, grid and being in post, staff and worker invites, an imported roster. A change
// reads old → new (auditText.ts changeLine); posts, grids and communities by name, never by id.
import { AUDIT_ROLE_LABELS, auditWorker, type AuditNames } from './auditLabels'
import { type AuditDetails, changeLine, numberOf, textOf } from './auditText'

type Summary = (d: AuditDetails, names: AuditNames) => string[]

/** A sub-district or community: created, or renamed (old → new). */
function unitSaved(unit: '街道' | '社区'): Summary {
  return (d) => {
    const name = textOf(d.name) ?? ''
    return d.created === true ? [`新建${unit}：${name}`] : [changeLine('名称', textOf(d.fromName), name)]
  }
}

const households = (x: unknown) => (numberOf(x) === undefined ? undefined : `${String(x)} 户`)

const gridSave: Summary = (d) => {
  const name = textOf(d.name) ?? ''
  if (d.created === true) return [`新建网格：${name}，${households(d.households) ?? ''}`]
  return [changeLine('名称', textOf(d.fromName), name), changeLine('户数', households(d.fromHouseholds), households(d.households) ?? '')]
}

const dutyCount = (x: unknown) => (numberOf(x) === undefined ? undefined : `${String(x)} 条`)

const postSave: Summary = (d) => {
  const name = textOf(d.name) ?? ''
  const duties = dutyCount(d.duties) ?? ''
  if (d.created === true) return [`新建岗位：${name}`, `职责：${duties}`]
  const from = dutyCount(d.fromDuties)
  // The same number of duties may still be other duties: the entry says whether any changed.
  const dutiesLine = from !== undefined && from === duties && d.dutiesChanged === true ? `职责：${duties}，内容有修改` : changeLine('职责', from, duties)
  return [changeLine('名称', textOf(d.fromName), name), dutiesLine]
}

/** A post or grid by name; ids compared, so two unknown ones are still told apart. */
function idChange(label: string, fromId: unknown, toId: unknown, names: ReadonlyMap<string, string>): string {
  const nameOf = (id: unknown) => names.get(textOf(id) ?? '') ?? `未知${label}`
  if (textOf(fromId) === undefined) return `${label}：${nameOf(toId)}`
  return fromId === toId ? `${label}：${nameOf(toId)}（未改动）` : `${label}：${nameOf(fromId)} → ${nameOf(toId)}`
}

const inPost = (x: unknown) => (typeof x === 'boolean' ? (x ? '在岗' : '不在岗') : undefined)

const workerUpdate: Summary = (d, names) => [
  `工作者：${auditWorker(d.workerCode, names)}`,
  idChange('岗位', d.fromPostId, d.postId, names.posts),
  idChange('网格', d.fromGridId, d.gridId, names.grids),
  changeLine('在岗', inPost(d.fromActive), inPost(d.active) ?? ''),
]

/** Whom staff invited, as what; sub-district staff of the entry's sub-district (shown beside the actor). */
const staffInvite: Summary = (d, names) => {
  const community = d.role === 'community' ? names.communities.get(textOf(d.communityId) ?? '') : undefined
  const role = d.role === 'community' ? AUDIT_ROLE_LABELS.community : AUDIT_ROLE_LABELS.subdistrict
  return [`受邀人：${textOf(d.name) ?? ''}`, `担任：${community === undefined ? '' : `${community}的`}${role}`]
}

/** The invite code is never in the entry (it binds a WeChat identity): only whose it is. */
const workerInvite: Summary = (d, names) => [`工作者：${auditWorker(d.workerCode, names)}`]

const rosterImport: Summary = (d) => {
  const missing = numberOf(d.missing) ?? 0
  return [
    `新建 ${numberOf(d.created) ?? 0} 位工作者，更新 ${numberOf(d.updated) ?? 0} 位`,
    ...(missing > 0 ? [`花名册外的工作者：${missing} 位，请核实是否停用`] : []),
  ]
}

export const ORG_SUMMARIES: Readonly<Record<string, Summary>> = {
  'org.subdistrict.save': unitSaved('街道'),
  'org.community.save': unitSaved('社区'),
  'grid.save': gridSave,
  'post.save': postSave,
  'worker.update': workerUpdate,
  'org.invite': staffInvite,
  'invite.create': workerInvite,
  'org.import': rosterImport,
}

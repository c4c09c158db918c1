// Payloads and results of organisation management: sub-districts and communities by
// the bureau, grids and workers by a community admin, staff bound by invite.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { workerCode } from './payloadFields'
import { type CommunityOrg, HOUSEHOLD_LIMITS, ORG_NAME_LIMITS, type OrgOverview } from './org'

const { min, max } = ORG_NAME_LIMITS

/** An id the server made (a sub-district, community, grid or post): picked from a list, never typed. */
const id = (what: string) =>
  v.pipe(v.string(`${what}编号格式不对`), v.trim(), v.minLength(1, `请选择${what}`), v.maxLength(64, `${what}编号格式不对`))

/** A name as people write it: trimmed, 2..20 characters; a missing one reads as empty, so it says 请填写. */
const nameOf = (what: string) =>
  v.pipe(
    v.optional(v.string(`请填写${what}`), ''),
    cleaned,
    v.minLength(1, `请填写${what}`),
    v.minLength(min, `${what}至少 ${min} 个字`),
    v.maxLength(max, `${what}最多 ${max} 个字`),
  )

const households = v.pipe(
  v.number(`请填写户数（${HOUSEHOLD_LIMITS.min} 到 ${HOUSEHOLD_LIMITS.max} 的整数）`),
  v.integer('户数只能是整数'),
  v.minValue(HOUSEHOLD_LIMITS.min, `户数至少是 ${HOUSEHOLD_LIMITS.min}`),
  v.maxValue(HOUSEHOLD_LIMITS.max, `户数最多是 ${HOUSEHOLD_LIMITS.max}，请核对`),
)

/** The invited person's name (姓名), shown to them on the invite and kept on their staff account. */
const personName = nameOf('被邀请人姓名')

export const orgPayloads = {
  'org.list': v.object({}),
  'org.subdistrict.save': v.object({ subdistrictId: v.optional(id('街道')), name: nameOf('街道名称') }),
  'org.community.save': v.object({ communityId: v.optional(id('社区')), subdistrictId: id('街道'), name: nameOf('社区名称') }),
  'community.grids': v.object({}),
  'grid.save': v.object({ gridId: v.optional(id('网格')), name: nameOf('网格名称'), households }),
  'worker.update': v.object({
    workerCode,
    postId: id('岗位'),
    gridId: id('网格'),
    active: v.boolean('请选择在岗或停用'),
  }),
  // One object (not a variant: dispatch names a missing field from the object's entries); the handler
  // asks for the sub-district of a sub-district staff invite and the community of an admin's.
  'org.invite': v.object({
    role: v.picklist(['subdistrict', 'community'], '请选择邀请街道工作人员还是社区管理员'),
    subdistrictId: v.optional(id('街道')),
    communityId: v.optional(id('社区')),
    name: personName,
  }),
} as const

export interface OrgResults {
  'org.list': OrgOverview
  'org.subdistrict.save': { subdistrictId: string }
  'org.community.save': { communityId: string }
  'community.grids': CommunityOrg
  'grid.save': { gridId: string }
  'worker.update': { workerCode: string; active: boolean }
  /** `image`: the invite's code, opening worker/invite/index (scene = inviteCode), as worker invites do. */
  'org.invite': { inviteCode: string; expiresAt: string; image: string }
}

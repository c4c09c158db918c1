// Managing the organisation: what the bureau, sub-district staff and community admins
// see and edit — sub-districts and their communities, a community's grids and workers — and the rules
// that hold whichever runtime asks. Pure TypeScript, shared by the pages and the cloud function.

/** Names of sub-districts, communities and grids: trimmed, 2..20 characters (浮山办事处, 银泉社区, 桂花苑网格). */
export const ORG_NAME_LIMITS = { min: 2, max: 20 } as const

/** A grid's household count: a whole number 1..5000 (a typing slip beyond that is caught). */
export const HOUSEHOLD_LIMITS = { min: 1, max: 5000 } as const

/**
 * After the reform a grid worker serves 300-500 households instead of 1000 (DESIGN section 2, "grids"):
 * shown as a hint beside a grid outside it, never enforced — a new estate may be smaller for a while.
 */
export const GRID_HOUSEHOLDS_HINT = { min: 300, max: 500 } as const

export function householdsHint(households: number): string | null {
  if (households < GRID_HOUSEHOLDS_HINT.min) return `少于 ${GRID_HOUSEHOLDS_HINT.min} 户，可考虑与相邻网格合并`
  if (households > GRID_HOUSEHOLDS_HINT.max) return `多于 ${GRID_HOUSEHOLDS_HINT.max} 户，改革后一个网格宜为 300-500 户`
  return null
}

/**
 * Whether a worker is in post. A record without the flag is active: records made before workers could be
 * deactivated, the demo seed and imports all leave it out. An inactive worker keeps their ratings and
 * history; they cannot be rated, invited, nor found in the residents' directory.
 */
/**
 * The 小区 a grid covers, as a resident or a worker names it: grids are named after their 小区
 * (银泉花园网格), so the name without its trailing 网格; a name that is nothing but 网格, or does not end
 * in it (银泉社区第一片区), stays as it is.
 */
export function areaOfGrid(gridName: string): string {
  const area = gridName.endsWith('网格') ? gridName.slice(0, -2).trim() : gridName
  return area === '' ? gridName : area
}

export function isActiveWorker(worker: { active?: boolean }): boolean {
  return worker.active !== false
}

/** What a resident is told when they scan the code of a worker who is no longer in post. */
export const INACTIVE_WORKER_MESSAGE = '这位工作者已不在岗，暂时不能评价。'

/** One community of org.list, with its head count (all workers) and how many of them are in post. */
export interface OrgCommunity {
  communityId: string
  name: string
  workers: number
  activeWorkers: number
}

export interface OrgSubdistrict {
  subdistrictId: string
  name: string
  communities: OrgCommunity[]
}

/** org.list: the bureau sees every sub-district; sub-district staff see their own only. */
export interface OrgOverview {
  subdistricts: OrgSubdistrict[]
}

/** One grid of community.grids, with how many workers serve it (active ones apart). */
export interface CommunityGrid {
  gridId: string
  name: string
  households: number
  workers: number
  activeWorkers: number
}

/** One worker as the community admin edits them: post, grid, in post or not. */
export interface CommunityWorkerEntry {
  workerCode: string
  name: string
  postId: string
  post: string
  gridId: string
  grid: string
  active: boolean
}

/** community.grids: everything staff/community shows and edits, in one answer. */
export interface CommunityOrg {
  communityId: string
  community: string
  subdistrict: string
  grids: CommunityGrid[]
  workers: CommunityWorkerEntry[]
  /** The post catalogue, four posts first: the choices of a worker's post. */
  posts: Array<{ postId: string; name: string }>
}

/** The staff roles an invite can make: sub-district staff, a community's admin. */
export type StaffInviteRole = 'subdistrict' | 'community'

/** 街道工作人员 / 社区管理员: how a staff role is named on an invite. */
export const STAFF_ROLE_LABEL: Record<StaffInviteRole, string> = {
  subdistrict: '街道工作人员',
  community: '社区管理员',
}

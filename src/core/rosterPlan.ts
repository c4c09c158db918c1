// What applying a checked roster changes: sub-districts, communities and grids are
// matched by name within their parent, compared as orgNameKey (青龙社区 and 青龙社区 + U+200B, or full-
// and half-width letters, are one name); a stored one keeps its id, a new one gets an id derived from its
// parent and name, so a re-import finds the same id; workers are matched by 工号 — a new code is
// created, a stored one updated (moved, when its sub-district or community changed). Nothing is ever
// deleted: a stored worker the roster leaves out is listed as missing, for the bureau to deactivate.
// Re-importing the same file plans nothing. Pure.
import { orgNameKey } from './cleanText'
import type { RosterEntry } from './roster'
import type { RosterImportResult } from './rosterSchemas'

export interface RosterUnit {
  id: string
  name: string
}
export interface RosterCommunity extends RosterUnit {
  subdistrictId: string
}
export interface RosterGrid extends RosterUnit {
  communityId: string
  households: number
}
/** The fields of a worker the roster owns; anything else (whether the worker is active) stays as it is. */
export interface RosterWorker {
  code: string
  name: string
  postId: string
  gridId: string
  communityId: string
  subdistrictId: string
}

/** The organisation as stored, which the roster is matched against. */
export interface StoredOrganisation {
  subdistricts: RosterUnit[]
  communities: RosterCommunity[]
  grids: RosterGrid[]
  posts: RosterUnit[]
  workers: RosterWorker[]
}

/** The writes, parents first; empty when the roster says what is stored. */
export interface RosterPlan {
  subdistricts: RosterUnit[]
  communities: RosterCommunity[]
  /** New grids, and stored grids whose household count changed. */
  grids: RosterGrid[]
  newWorkers: RosterWorker[]
  changedWorkers: RosterWorker[]
  /**
   * Changed workers now in another sub-district: their tallies follow them, so the new sub-district's
   * evaluations (which read tallies by sub-district) count their year, and the old one's no longer do.
   */
  moved: Array<{ code: string; subdistrictId: string }>
}

export type RosterSummary = Omit<RosterImportResult, 'errors' | 'errorCount'>

export function isEmptyPlan(plan: RosterPlan): boolean {
  return Object.values(plan).every((writes: unknown[]) => writes.length === 0)
}

/**
 * A short, stable id for a new unit: FNV-1a (64 bit) of the parent's id and the name, as 16 hex digits
 * behind a letter — the same on every re-import, and safe as a CloudBase `_id` and a SQLite key.
 */
const FNV_OFFSET = BigInt('0xcbf29ce484222325')
const FNV_PRIME = BigInt('0x100000001b3')
const MASK_64 = BigInt('0xffffffffffffffff')

export function unitId(kind: 's' | 'c' | 'g', parentId: string, name: string): string {
  let hash = FNV_OFFSET
  for (const char of `${kind}|${parentId}|${name}`) {
    hash ^= BigInt(char.codePointAt(0) ?? 0)
    hash = (hash * FNV_PRIME) & MASK_64
  }
  return `${kind}${hash.toString(16).padStart(16, '0')}`
}

/** Matches the entries (already checked by parseRoster) against the stored organisation. */
export function planRoster(entries: readonly RosterEntry[], stored: StoredOrganisation): { plan: RosterPlan; summary: RosterSummary } {
  const plan: RosterPlan = { subdistricts: [], communities: [], grids: [], newWorkers: [], changedWorkers: [], moved: [] }
  const byName = <T extends RosterUnit>(units: readonly T[], parentOf: (unit: T) => string) => {
    const map = new Map<string, T>()
    for (const unit of [...units].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const key = JSON.stringify([parentOf(unit), orgNameKey(unit.name)])
      if (!map.has(key)) map.set(key, unit)
    }
    return map
  }
  const subdistricts = byName(stored.subdistricts, () => '')
  const communities = byName(stored.communities, (c) => c.subdistrictId)
  const grids = byName(stored.grids, (g) => g.communityId)
  const postIds = new Map(stored.posts.map((p) => [p.name, p.id]))
  const storedWorkers = new Map(stored.workers.map((w) => [w.code, w]))
  const gridsPlanned = new Set<string>()

  const unit = <T extends RosterUnit>(map: Map<string, T>, kind: 's' | 'c' | 'g', parentId: string, name: string, make: (id: string) => T, planned: T[]): T => {
    const key = JSON.stringify([parentId, orgNameKey(name)])
    let found = map.get(key)
    if (found === undefined) {
      found = make(unitId(kind, parentId, name))
      map.set(key, found)
      planned.push(found)
    }
    return found
  }

  let created = 0
  let updated = 0
  for (const entry of entries) {
    const subdistrict = unit(subdistricts, 's', '', entry.subdistrict, (id) => ({ id, name: entry.subdistrict }), plan.subdistricts)
    const community = unit(communities, 'c', subdistrict.id, entry.community, (id) => ({ id, name: entry.community, subdistrictId: subdistrict.id }), plan.communities)
    const grid = unit(grids, 'g', community.id, entry.grid, (id) => ({ id, name: entry.grid, communityId: community.id, households: entry.households }), plan.grids)
    if (grid.households !== entry.households && !gridsPlanned.has(grid.id)) {
      const changed = { ...grid, households: entry.households }
      grids.set(JSON.stringify([community.id, orgNameKey(entry.grid)]), changed)
      plan.grids.push(changed)
    }
    gridsPlanned.add(grid.id)
    const worker: RosterWorker = {
      code: entry.workerCode,
      name: entry.name,
      postId: postIds.get(entry.post) ?? entry.post,
      gridId: grid.id,
      communityId: community.id,
      subdistrictId: subdistrict.id,
    }
    const before = storedWorkers.get(worker.code)
    if (before === undefined) {
      plan.newWorkers.push(worker)
      created += 1
    } else if (WORKER_FIELDS.some((field) => before[field] !== worker[field])) {
      plan.changedWorkers.push(worker)
      if (before.subdistrictId !== worker.subdistrictId) plan.moved.push({ code: worker.code, subdistrictId: worker.subdistrictId })
      updated += 1
    }
  }

  const inRoster = new Set(entries.map((e) => e.workerCode))
  const communityNames = new Map(stored.communities.map((c) => [c.id, c.name]))
  const missing = stored.workers
    .filter((w) => !inRoster.has(w.code))
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((w) => ({ workerCode: w.code, name: w.name, community: communityNames.get(w.communityId) ?? '' }))
  const units = { subdistricts: plan.subdistricts.length, communities: plan.communities.length, grids: plan.grids.length }
  return { plan, summary: { created, updated, units, missing } }
}

const WORKER_FIELDS = ['name', 'postId', 'gridId', 'communityId', 'subdistrictId'] as const

// The names a page of the audit log needs: workers, communities, grids, posts and sub-districts by id,
// read when the log is read rather than copied into every entry (an entry keeps ids; a name lives once, in
// the organisation). One get per id the page names (a page has at most 50 entries), and the sub-districts
// and posts whole (a handful each).
import { type AuditNames } from '@core/auditLabels'
import { auditReferences } from '@core/auditSummaries'
import type { Store } from '../store'
import type { AuditEntry } from './store'

async function byId<T extends { name: string }>(ids: string[], get: (id: string) => Promise<T | null>): Promise<Map<string, string>> {
  const found = await Promise.all(ids.map(async (id) => [id, (await get(id))?.name] as const))
  return new Map(found.filter((pair): pair is readonly [string, string] => pair[1] !== undefined))
}

export async function auditNamesOf(store: Store, entries: readonly AuditEntry[]): Promise<AuditNames> {
  const refs = auditReferences(entries)
  const [workers, communities, grids, posts, subdistricts] = await Promise.all([
    byId(refs.workers, (code) => store.getWorker(code)),
    byId(refs.communities, (id) => store.getCommunity(id)),
    byId(refs.grids, (id) => store.getGrid(id)),
    refs.posts.length === 0 ? [] : store.catalog.listPosts(),
    store.listSubdistricts(),
  ])
  return {
    workers,
    communities,
    grids,
    posts: new Map(posts.map((p) => [p.id, p.name])),
    subdistricts: new Map(subdistricts.map((s) => [s.id, s.name])),
  }
}

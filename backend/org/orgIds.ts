// New ids of sub-districts, communities and grids. Short and safe as a cloud `_id` (lower-case
// letters and digits after a kind prefix), and deterministic: the first id tried for a name is a hash of
// its parent and the name, so two clerks creating the same name at once collide on one `_id` and the
// second is told the name is taken. An id never changes with a rename; a new name that hashes to the id
// of a renamed one (its old name) tries the next candidate.
import { createHash } from 'node:crypto'
import { ApiError } from '@core/errors'

export type OrgKind = 'sd' | 'cm' | 'gr'

/** `sd-` + 10 base-36 characters of sha256(kind | parent | name | attempt). */
export function orgIdCandidate(kind: OrgKind, parentId: string, name: string, attempt: number): string {
  const digest = createHash('sha256').update(`${kind}|${parentId}|${name}|${attempt}`).digest()
  return `${kind}-${BigInt(`0x${digest.subarray(0, 8).toString('hex')}`).toString(36).padStart(10, '0').slice(-10)}`
}

const ATTEMPTS = 8

/**
 * Adds the record under the first free candidate id. A candidate taken by a record of the same name means
 * someone created it just now: `duplicate` is thrown; taken by another name (a renamed record), the next.
 */
export async function addUnderNewId(options: {
  kind: OrgKind
  parentId: string
  name: string
  add: (id: string) => Promise<{ added: boolean }>
  nameOf: (id: string) => Promise<string | null>
  duplicate: () => ApiError
}): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const id = orgIdCandidate(options.kind, options.parentId, options.name, attempt)
    if ((await options.add(id)).added) return id
    if ((await options.nameOf(id)) === options.name) throw options.duplicate()
  }
  throw new ApiError('CONFLICT', '暂时无法新建，请稍后再试')
}

// The committed state of the database, versioned so that a transaction can read the snapshot taken at
// its start (multi-version, as MongoDB's WiredTiger does). Every commit, transactional or not, gets the
// next sequence number; a document keeps the versions an open transaction may still need.
import { type Doc, clone } from './values'

interface Version {
  seq: number
  /** null: the document was removed at this version. */
  doc: Doc | null
}

export interface DocWrite {
  collection: string
  id: string
  /** The whole new document, or null to remove it. */
  doc: Doc | null
}

export const NOW = Number.POSITIVE_INFINITY

export class DocumentStore {
  private readonly collections = new Map<string, Map<string, Version[]>>()
  private seq = 0

  /** The sequence number of the last commit: a snapshot taken now sees everything up to it. */
  get lastSeq(): number {
    return this.seq
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  /** false when the collection already exists. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false
    this.collections.set(name, new Map())
    return true
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort()
  }

  /** The document as of snapshot `at` (NOW: the latest commit). Never mutate what this returns. */
  read(collection: string, id: string, at = NOW): Doc | null {
    const versions = this.collections.get(collection)?.get(id)
    if (versions === undefined) return null
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i].seq <= at) return versions[i].doc
    }
    return null
  }

  /** The sequence number of the document's last committed write; 0 when it was never written. */
  lastWrite(collection: string, id: string): number {
    const versions = this.collections.get(collection)?.get(id)
    return versions === undefined ? 0 : versions[versions.length - 1].seq
  }

  /** Live documents as of snapshot `at`, in natural (first insertion) order. */
  scan(collection: string, at = NOW): Doc[] {
    const docs: Doc[] = []
    for (const id of this.collections.get(collection)?.keys() ?? []) {
      const doc = this.read(collection, id, at)
      if (doc !== null) docs.push(doc)
    }
    return docs
  }

  /**
   * Applies writes as one commit. `oldestSnapshot` is the earliest snapshot an open transaction still
   * reads; older versions nobody can see any more are dropped.
   */
  commit(writes: DocWrite[], oldestSnapshot: number): number {
    if (writes.length === 0) return this.seq
    const seq = ++this.seq
    for (const { collection, id, doc } of writes) {
      const docs = this.collections.get(collection)
      if (docs === undefined) throw new Error(`cloudbase emulator: commit to missing collection ${collection}`)
      const versions = docs.get(id) ?? []
      versions.push({ seq, doc: doc === null ? null : clone(doc) })
      this.prune(docs, id, versions, Math.min(oldestSnapshot, seq))
    }
    return seq
  }

  private prune(docs: Map<string, Version[]>, id: string, versions: Version[], oldestSnapshot: number): void {
    // Keep the newest version every open snapshot can see, and all later ones.
    let keepFrom = 0
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i].seq <= oldestSnapshot) {
        keepFrom = i
        break
      }
    }
    const kept = versions.slice(keepFrom)
    // A removal nobody can look behind leaves no trace (a later insert goes to the end, as in MongoDB).
    if (kept.length === 1 && kept[0].doc === null && kept[0].seq <= oldestSnapshot) docs.delete(id)
    else docs.set(id, kept)
  }
}

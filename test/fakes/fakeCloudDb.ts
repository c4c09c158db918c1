// An in-memory stand-in for the wx-server-sdk database subset of cloudfunctions/api/src/cloudDb.ts,
// faithful where CloudStore's correctness depends on it, and recording every call so tests and
// benchmarks can count database round trips (what a cloud function pays for in latency and quota).
//
// Reproduced behaviour: get() without limit returns at most 100 rows, limit is capped at 1000;
// doc().get() of a missing document rejects with "... does not exist" (or gives data null with
// throwOnNotFound: false; the fake does the same inside a transaction, where the SDK's behaviour
// under the default is not documented, so CloudStore must cope with both); set() replaces and refuses `_id`;
// update() merges and applies `_.inc` (a missing field counts as 0); `_.in`; runTransaction with
// optimistic conflict detection, retries, and rollback on throw. Every call yields to the event loop,
// so concurrent callers really interleave as they would over the network.
import type {
  CloudDb,
  Collection,
  DbCommand,
  DocumentRef,
  Query,
  QueryCommand,
  Transaction,
  UpdateCommand,
  UpdateData,
  Where,
  WithId,
} from '../../cloudfunctions/api/src/cloudDb'

export type CallOp = 'doc.get' | 'doc.set' | 'doc.update' | 'add' | 'query.get' | 'runTransaction'

export interface RecordedCall {
  op: CallOp
  collection: string
  inTransaction: boolean
}

export interface FakeCloudDbOptions {
  /** Like `cloud.database({ throwOnNotFound })`; the SDK's default is true. */
  throwOnNotFound?: boolean
  /** Attempts of one runTransaction before it gives up with a conflict error. */
  transactionAttempts?: number
  /** Abort every transaction's first attempt as if it conflicted: proves callbacks have no side effects. */
  conflictFirstAttempt?: boolean
}

type Fields = Record<string, unknown>
type Doc = Fields & { _id: string }

class InCommand {
  constructor(readonly values: readonly unknown[]) {}
}
class IncCommand {
  constructor(readonly amount: number) {}
}

/** The fake's command objects stand in for the SDK's opaque ones. */
const command: DbCommand = {
  in: <V extends string | number>(values: V[]) => new InCommand([...values]) as unknown as QueryCommand<V>,
  inc: (amount: number) => new IncCommand(amount) as unknown as UpdateCommand,
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))
/**
 * A deep copy of stored data (plain JSON: objects, arrays, strings, numbers, booleans, null), so no
 * caller shares an object with the database. Hand-written because structuredClone dominated the time
 * of seeding a year of a 1000-worker sub-district (tens of thousands of small documents).
 */
function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(clone) as T
  const copy: Fields = {}
  for (const key of Object.keys(value)) copy[key] = clone((value as Fields)[key])
  return copy as T
}
const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`

function notFound(id: string): Error {
  return Object.assign(new Error(`document.get:fail document with _id ${id} does not exist`), {
    errMsg: `document.get:fail document with _id ${id} does not exist`,
  })
}

function checkWritable(data: Fields, op: string): void {
  if ('_id' in data) throw new Error(`${op}:fail 不能更新 _id 的值`)
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) throw new Error(`${op}:fail field ${field} is undefined`)
    if (value instanceof InCommand) throw new Error(`${op}:fail query command in data`)
  }
}

function applyUpdate(target: Fields, patch: Fields): Fields {
  const out = { ...target }
  for (const [field, value] of Object.entries(patch)) {
    if (value instanceof IncCommand) {
      const current = out[field] ?? 0
      if (typeof current !== 'number') throw new Error(`document.update:fail cannot inc non-number ${field}`)
      out[field] = current + value.amount
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // A nested object updates field paths (a.b), as the SDK does, rather than replacing `a`.
      const inner = out[field]
      out[field] = applyUpdate(inner !== null && typeof inner === 'object' ? (inner as Fields) : {}, value as Fields)
    } else {
      out[field] = clone(value)
    }
  }
  return out
}

function matches(doc: Doc, where: Fields): boolean {
  return Object.entries(where).every(([field, expected]) =>
    expected instanceof InCommand ? expected.values.includes(doc[field]) : doc[field] === expected,
  )
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const [x, y] = [String(a), String(b)]
  return x < y ? -1 : x > y ? 1 : 0
}

interface Stored {
  doc: Doc
  version: number
}

/** Pending writes and the versions seen, for optimistic conflict detection at commit. */
class TxState {
  /** Per document key: where it lives and the version first seen. */
  readonly seen = new Map<string, { collection: string; id: string; version: number }>()
  readonly writes = new Map<string, { collection: string; doc: Doc }>()
}

export class FakeCloudDb<S> implements CloudDb<S> {
  readonly calls: RecordedCall[] = []
  readonly command = command
  private readonly data = new Map<string, Map<string, Stored>>()
  private nextId = 1

  constructor(private readonly options: FakeCloudDbOptions = {}) {}

  /** Forget the recorded calls (not the data). */
  reset(): void {
    this.calls.length = 0
  }

  /** Calls recorded so far, optionally of one op. */
  count(op?: CallOp): number {
    return op === undefined ? this.calls.length : this.calls.filter((call) => call.op === op).length
  }

  /** A stored document, for assertions; not recorded as a call. */
  peek(collection: string, id: string): Doc | null {
    const stored = this.data.get(collection)?.get(id)
    return stored ? clone(stored.doc) : null
  }

  collection<K extends keyof S & string>(name: K): Collection<S[K]> {
    return this.query<S[K]>(name, { where: {}, skip: 0 })
  }

  async runTransaction<R>(callback: (transaction: Transaction<S>) => Promise<R>): Promise<R> {
    this.record('runTransaction', '', false)
    const attempts = this.options.transactionAttempts ?? 5
    for (let attempt = 1; ; attempt += 1) {
      const state = new TxState()
      const result = await callback({ collection: (name) => ({ doc: (id) => this.txDoc(state, name, id) }) })
      await tick()
      const conflicted =
        (this.options.conflictFirstAttempt === true && attempt === 1) ||
        [...state.seen.values()].some(({ collection, id, version }) => this.versionOf(collection, id) !== version)
      if (!conflicted) {
        for (const { collection, doc } of state.writes.values()) this.write(collection, doc)
        return result
      }
      if (attempt >= attempts) throw new Error('[ResourceUnavailable.TransactionConflict] Transaction is conflict')
    }
  }

  private record(op: CallOp, collection: string, inTransaction: boolean): void {
    this.calls.push({ op, collection, inTransaction })
  }

  private table(collection: string): Map<string, Stored> {
    let table = this.data.get(collection)
    if (!table) this.data.set(collection, (table = new Map()))
    return table
  }

  private versionOf(collection: string, id: string): number {
    return this.data.get(collection)?.get(id)?.version ?? 0
  }

  private write(collection: string, doc: Doc): void {
    const table = this.table(collection)
    table.set(doc._id, { doc: clone(doc), version: (table.get(doc._id)?.version ?? 0) + 1 })
  }

  private query<T>(name: string, q: { where: Fields; order?: [string, 'asc' | 'desc']; skip: number; limit?: number }): Collection<T> {
    const next = (change: Partial<typeof q>) => this.query<T>(name, { ...q, ...change })
    const query: Query<T> = {
      where: (condition: Where<T>) => next({ where: { ...condition } }),
      orderBy: (field, order) => next({ order: [field, order] }),
      skip: (offset) => next({ skip: offset }),
      limit: (max) => next({ limit: max }),
      get: async () => {
        this.record('query.get', name, false)
        await tick()
        let docs = [...this.table(name).values()].map((s) => s.doc).filter((doc) => matches(doc, q.where))
        if (q.order) {
          const [field, order] = q.order
          const sign = order === 'asc' ? 1 : -1
          docs = docs.sort((a, b) => sign * compareValues(a[field], b[field]))
        }
        // Server SDK: 100 rows by default, never more than 1000.
        const limit = Math.min(q.limit ?? 100, 1000)
        return { data: clone(docs.slice(q.skip, q.skip + limit)) as WithId<T>[] }
      },
    }
    return { ...query, doc: (id: string) => this.doc<T>(name, id), add: (options) => this.add<T>(name, options.data) }
  }

  private async add<T>(name: string, data: T & { _id?: string }): Promise<{ _id: string }> {
    this.record('add', name, false)
    await tick()
    const { _id, ...fields } = data as Fields & { _id?: string }
    checkWritable(fields, 'collection.add')
    const id = _id ?? `fake${String(this.nextId++).padStart(12, '0')}`
    if (this.table(name).has(id)) throw new Error(`collection.add:fail duplicate key _id ${id}`)
    this.write(name, { ...fields, _id: id })
    return { _id: id }
  }

  private doc<T>(name: string, id: string): DocumentRef<T> {
    return {
      get: async () => {
        this.record('doc.get', name, false)
        await tick()
        const stored = this.table(name).get(id)
        if (stored) return { data: clone(stored.doc) as WithId<T> }
        if (this.options.throwOnNotFound === false) return { data: null }
        throw notFound(id)
      },
      set: async ({ data }) => {
        this.record('doc.set', name, false)
        await tick()
        checkWritable(data as Fields, 'document.set')
        this.write(name, { ...(data as Fields), _id: id })
        return { _id: id, stats: { updated: 1 } }
      },
      update: async ({ data }: { data: UpdateData<T> }) => {
        this.record('doc.update', name, false)
        await tick()
        checkWritable(data as Fields, 'document.update')
        const stored = this.table(name).get(id)
        // The SDK does not fail an update of a missing document; it reports 0 updated.
        if (!stored) return { stats: { updated: 0 } }
        this.write(name, { ...applyUpdate(stored.doc, data as Fields), _id: id })
        return { stats: { updated: 1 } }
      },
    }
  }

  private txDoc<T>(state: TxState, name: string, id: string): DocumentRef<T> {
    const key = keyOf(name, id)
    const see = () => {
      if (!state.seen.has(key)) state.seen.set(key, { collection: name, id, version: this.versionOf(name, id) })
    }
    // Reads see the transaction's own writes first.
    const current = (): Doc | null => state.writes.get(key)?.doc ?? this.table(name).get(id)?.doc ?? null
    return {
      get: async () => {
        this.record('doc.get', name, true)
        see()
        await tick()
        const doc = current()
        if (doc) return { data: clone(doc) as WithId<T> }
        if (this.options.throwOnNotFound === false) return { data: null }
        throw notFound(id)
      },
      set: async ({ data }) => {
        this.record('doc.set', name, true)
        see()
        await tick()
        checkWritable(data as Fields, 'document.set')
        state.writes.set(key, { collection: name, doc: { ...clone(data as Fields), _id: id } })
        return { updated: 1 }
      },
      update: async ({ data }: { data: UpdateData<T> }) => {
        this.record('doc.update', name, true)
        see()
        await tick()
        checkWritable(data as Fields, 'document.update')
        const doc = current()
        if (!doc) return { updated: 0 }
        state.writes.set(key, { collection: name, doc: { ...applyUpdate(doc, data as Fields), _id: id } })
        return { updated: 1 }
      },
    }
  }
}

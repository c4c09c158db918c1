// database.modifyDocument, insertDocument and removeDocument, inside or outside a transaction.
// Replies as @cloudbase/database reads them: modify `{ data: { updated, upsert_id } }`, insert
// `{ data: { insertedIds } }`, remove `{ data: { deleted } }`.
// - `set` (DOC, merge false, upsert true) replaces the whole document or creates it (upsert_id = its _id).
// - `update` (DOC or WHERE, merge true, upsert false) of nothing creates nothing: `updated: 0`.
// - `updated` counts documents that really changed (MongoDB's nModified): an update writing the values
//   already there reports 0. Inside a transaction a set or update takes the document's lock even then.
// - Outside a transaction every request applies at once between two others (atomic per document: a
//   `where({ _id, version: 3 }).update(...)` is a compare-and-set); it first waits for any transaction
//   holding a lock on a document it writes. A multi-document write is not atomic as a whole: as in
//   MongoDB, an error at one document keeps the documents written before it.
// - `add` with an `_id` already taken fails with the duplicate key error (`duplicateKey`: MongoDB's E11000
//   or CloudBase's DATABASE_DUPLICATE_WRITE, emulator.ts); without one it gets a fresh 32-hex-digit id, as
//   CloudBase's look. Several documents insert in order, up to the first error.
import { randomBytes } from 'node:crypto'
import { type PlatformError, UnsupportedError, platformErrors } from './errors'
import {
  type Params,
  docIdOf,
  existingCollection,
  flagOf,
  queryTypeOf,
  refuseInTransaction,
  transactionOf,
  writeFilterOf,
} from './params'
import { matches } from './query'
import type { DocWrite, DocumentStore } from './store'
import type { TransactionManager } from './transactions'
import { applyUpdate, changed } from './update'
import { type Doc, decodeEjson, decodeEjsonObject, isFields } from './values'

export type Reply = Record<string, unknown>

interface Plan<T> {
  /** The documents the request writes, as things stand now. */
  targets: Array<{ collection: string; id: string }>
  /** Applies the request; runs in the same tick as the plan, so nothing can come between. */
  apply(): T
}

/** The error an `add` of a taken `_id` fails with. */
export type DuplicateKeyError = (collection: string, id: string) => PlatformError

export class DocumentWrites {
  constructor(
    private readonly store: DocumentStore,
    private readonly transactions: TransactionManager,
    private readonly duplicateKey: DuplicateKeyError = platformErrors.duplicateKey,
  ) {}

  async modify(params: Params): Promise<Reply> {
    const collection = existingCollection(params, this.store)
    const transactionId = transactionOf(params)
    const merge = flagOf(params, 'merge')
    const upsert = flagOf(params, 'upsert')
    if (queryTypeOf(params) === 'WHERE') {
      refuseInTransaction(transactionId, 'modifyDocument')
      if (!merge || upsert) throw new UnsupportedError(`WHERE modifyDocument with merge ${merge}, upsert ${upsert}`)
      const filter = writeFilterOf(params)
      const update = decodeEjsonObject(params.data, 'update data', true)
      const multi = params.multi === undefined ? true : flagOf(params, 'multi')
      return this.outside(() => {
        const found = this.store.scan(collection).filter((doc) => matches(doc, filter))
        const targets = multi ? found : found.slice(0, 1)
        return {
          targets: targets.map((doc) => ({ collection, id: doc._id })),
          apply: () => ({ data: { updated: this.commitEach(collection, targets, (doc) => applyUpdate(doc, update)), upsert_id: null } }),
        }
      })
    }
    const id = docIdOf(params)
    let next: (previous: Doc | null) => Doc | null
    if (!merge && upsert) {
      const fields = decodeEjsonObject(params.data, 'set data', false)
      if ('_id' in fields) throw new UnsupportedError('set data containing _id')
      next = () => ({ _id: id, ...fields })
    } else if (merge && !upsert) {
      const update = decodeEjsonObject(params.data, 'update data', true)
      next = (previous) => (previous === null ? null : applyUpdate(previous, update))
    } else {
      throw new UnsupportedError(`DOC modifyDocument with merge ${merge}, upsert ${upsert}`)
    }
    const reply = (previous: Doc | null, doc: Doc | null) => {
      const updated = previous !== null && doc !== null && changed(previous, doc) ? 1 : 0
      return { data: { updated, upsert_id: previous === null && doc !== null ? id : null } }
    }
    if (transactionId !== undefined) {
      const previous = this.transactions.read(transactionId, collection, id)
      const doc = next(previous)
      if (doc !== null) this.transactions.write(transactionId, { collection, id, doc })
      return reply(previous, doc)
    }
    return this.outside(() => ({
      targets: [{ collection, id }],
      apply: () => {
        const previous = this.store.read(collection, id)
        const doc = next(previous)
        if (doc !== null && (previous === null || changed(previous, doc))) this.commit([{ collection, id, doc }])
        return reply(previous, doc)
      },
    }))
  }

  async insert(params: Params): Promise<Reply> {
    const collection = existingCollection(params, this.store)
    const transactionId = transactionOf(params)
    if (!Array.isArray(params.data) || params.data.length === 0) throw new UnsupportedError('insertDocument without data')
    const docs = params.data.map((text): Doc => {
      const value = decodeEjson(text, 'insert data')
      if (!isFields(value)) throw new UnsupportedError('insert data that is not an object')
      const { _id, ...fields } = value
      if (_id !== undefined && typeof _id !== 'string') throw new UnsupportedError(`document _id of type ${typeof _id}`)
      return { _id: _id ?? randomBytes(16).toString('hex'), ...fields }
    })
    if (transactionId !== undefined) {
      if (docs.length !== 1) throw platformErrors.invalidParam('a transaction inserts one document at a time')
      const [doc] = docs
      if (this.transactions.read(transactionId, collection, doc._id) !== null) throw this.duplicateKey(collection, doc._id)
      this.transactions.write(transactionId, { collection, id: doc._id, doc })
      return { data: { insertedIds: [doc._id] } }
    }
    return this.outside(() => ({
      targets: docs.map((doc) => ({ collection, id: doc._id })),
      apply: () => {
        const writes: DocWrite[] = []
        for (const doc of docs) {
          if (this.store.read(collection, doc._id) !== null || writes.some((write) => write.id === doc._id)) {
            this.commit(writes)
            throw this.duplicateKey(collection, doc._id)
          }
          writes.push({ collection, id: doc._id, doc })
        }
        this.commit(writes)
        return { data: { insertedIds: docs.map((doc) => doc._id) } }
      },
    }))
  }

  async remove(params: Params): Promise<Reply> {
    const collection = existingCollection(params, this.store)
    const transactionId = transactionOf(params)
    if (queryTypeOf(params) === 'WHERE') {
      refuseInTransaction(transactionId, 'removeDocument')
      const filter = writeFilterOf(params)
      const multi = params.multi === undefined ? true : flagOf(params, 'multi')
      return this.outside(() => {
        const found = this.store.scan(collection).filter((doc) => matches(doc, filter))
        const targets = multi ? found : found.slice(0, 1)
        return {
          targets: targets.map((doc) => ({ collection, id: doc._id })),
          apply: () => ({ data: { deleted: this.commitEach(collection, targets, () => null) } }),
        }
      })
    }
    const id = docIdOf(params)
    if (transactionId !== undefined) {
      if (this.transactions.read(transactionId, collection, id) === null) return { data: { deleted: 0 } }
      this.transactions.write(transactionId, { collection, id, doc: null })
      return { data: { deleted: 1 } }
    }
    return this.outside(() => ({
      targets: [{ collection, id }],
      apply: () => {
        if (this.store.read(collection, id) === null) return { data: { deleted: 0 } }
        this.commit([{ collection, id, doc: null }])
        return { data: { deleted: 1 } }
      },
    }))
  }

  /** A write outside any transaction: waits while a transaction holds a lock on a target, then applies. */
  private async outside<T>(plan: () => Plan<T>): Promise<T> {
    for (;;) {
      const { targets, apply } = plan()
      const holder = targets.map(({ collection, id }) => this.transactions.lockHolder(collection, id)).find((held) => held !== undefined)
      if (holder === undefined) return apply()
      await this.transactions.waitForEnd(holder)
    }
  }

  /** Changes each document in turn; an error keeps the writes before it (MongoDB's multi-document writes). */
  private commitEach(collection: string, docs: Doc[], change: (doc: Doc) => Doc | null): number {
    const writes: DocWrite[] = []
    try {
      for (const doc of docs) {
        const next = change(doc)
        if (next === null || changed(doc, next)) writes.push({ collection, id: doc._id, doc: next })
      }
    } finally {
      this.commit(writes)
    }
    return writes.length
  }

  private commit(writes: DocWrite[]): void {
    this.store.commit(writes, this.transactions.oldestSnapshot())
  }
}

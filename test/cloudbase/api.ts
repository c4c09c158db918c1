// The api names @cloudbase/database 1.4.3 (under wx-server-sdk 4.0.2) sends through Db.reqClass, the
// params each may carry, and the reads, transactions and collections (writes are in writes.ts).
// Replies: getDocument `{ data: { list: [EJSON strings] } }`, calculateDocument `{ data: { total } }`,
// startTransaction `{ transactionId }`, commit/abort and addCollection `{}`; the emulator adds requestId.
// - `get()` of a query returns at most `maxRowsPerGet` rows (100) whatever `limit` says (the SDK sends
//   100 when none is set and caps it at 1000; WeChat documents 100 in one place and 1000 in another).
// - Without orderBy, rows come in natural (insertion) order.
// - A WHERE get with a transactionId is refused (INVALID_PARAM). The SDK itself sends `where().update()`,
//   `where().remove()` and `count()` made on a transaction's collection WITHOUT the transactionId: they
//   run outside the transaction, and wait for its locks like any other outside write.
// - Any platform error in a request that names a transaction aborts that transaction.
import { PlatformError, UnsupportedError, platformErrors } from './errors'
import {
  type Params,
  docIdOf,
  existingCollection,
  filterOf,
  integerOf,
  queryTypeOf,
  refuseInTransaction,
  requiredTransaction,
  transactionOf,
} from './params'
import { matches, orderOf, project, sortDocs } from './query'
import type { DocumentStore } from './store'
import type { TransactionManager } from './transactions'
import { type Doc, type Fields, decodeEjsonObject, encodeEjson } from './values'
import { type DuplicateKeyError, DocumentWrites, type Reply } from './writes'

const PARAMS = new Map<string, readonly string[]>(Object.entries({
  'database.getDocument': ['collectionName', 'query', 'queryType', 'transactionId', 'multi', 'order', 'offset', 'limit', 'projection'],
  'database.modifyDocument': ['collectionName', 'query', 'queryType', 'transactionId', 'multi', 'merge', 'upsert', 'data'],
  'database.insertDocument': ['collectionName', 'data', 'transactionId'],
  'database.removeDocument': ['collectionName', 'query', 'queryType', 'transactionId', 'multi'],
  'database.calculateDocument': ['collectionName', 'query', 'queryType'],
  'database.startTransaction': [],
  'database.commitTransaction': ['transactionId'],
  'database.abortTransaction': ['transactionId'],
  'database.addCollection': ['collectionName'],
}))

/** Collection names as MongoDB takes them (CloudBase's console is stricter still). */
const COLLECTION_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/

export class DatabaseApi {
  private readonly writes: DocumentWrites

  constructor(
    private readonly store: DocumentStore,
    private readonly transactions: TransactionManager,
    private readonly maxRowsPerGet: number,
    duplicateKey?: DuplicateKeyError,
  ) {
    this.writes = new DocumentWrites(store, transactions, duplicateKey)
  }

  async handle(instance: string, api: string, params: Params): Promise<Reply> {
    const allowed = PARAMS.get(api)
    if (allowed === undefined) throw new UnsupportedError(`api ${api}`)
    const unexpected = Object.keys(params).filter((key) => !allowed.includes(key))
    if (unexpected.length > 0) throw new UnsupportedError(`param ${unexpected.join(', ')} of ${api}`)
    const transactionId = transactionOf(params)
    try {
      return await this.dispatch(instance, api, params)
    } catch (error) {
      if (transactionId !== undefined && error instanceof PlatformError) this.transactions.abortAfterError(transactionId, error.message)
      throw error
    }
  }

  private dispatch(instance: string, api: string, params: Params): Promise<Reply> | Reply {
    switch (api) {
      case 'database.getDocument':
        return this.getDocument(params)
      case 'database.calculateDocument':
        return this.count(params)
      case 'database.modifyDocument':
        return this.writes.modify(params)
      case 'database.insertDocument':
        return this.writes.insert(params)
      case 'database.removeDocument':
        return this.writes.remove(params)
      case 'database.startTransaction':
        return { transactionId: this.transactions.start(instance) }
      case 'database.commitTransaction':
        this.transactions.commit(requiredTransaction(params))
        return {}
      case 'database.abortTransaction':
        this.transactions.abort(requiredTransaction(params))
        return {}
      case 'database.addCollection':
        return this.addCollection(params)
      default:
        throw new UnsupportedError(`api ${api}`)
    }
  }

  private getDocument(params: Params): Reply {
    const collection = existingCollection(params, this.store)
    const transactionId = transactionOf(params)
    const projection = params.projection === undefined ? undefined : decodeEjsonObject(params.projection, 'projection', false)
    const shown = (doc: Doc): string => encodeEjson(projection === undefined ? doc : project(doc, projection))
    if (queryTypeOf(params) === 'DOC') {
      for (const key of ['order', 'offset', 'limit']) {
        if (params[key] !== undefined) throw new UnsupportedError(`${key} on a DOC getDocument`)
      }
      const id = docIdOf(params)
      const doc = transactionId === undefined ? this.store.read(collection, id) : this.transactions.read(transactionId, collection, id)
      return { data: { list: doc === null ? [] : [shown(doc)] } }
    }
    refuseInTransaction(transactionId, 'getDocument')
    if (params.multi !== undefined) throw new UnsupportedError('multi on a WHERE getDocument')
    const filter = filterOf(params)
    const order = params.order === undefined ? [] : orderOf(decodeEjsonObject(params.order, 'order', false))
    const offset = integerOf(params, 'offset', 0) ?? 0
    const limit = Math.min(integerOf(params, 'limit', 1) ?? 100, this.maxRowsPerGet)
    const found = sortDocs(this.matching(collection, filter), order)
    return { data: { list: found.slice(offset, offset + limit).map(shown) } }
  }

  private count(params: Params): Reply {
    const collection = existingCollection(params, this.store)
    if (queryTypeOf(params) !== 'WHERE') throw new UnsupportedError('calculateDocument by DOC')
    return { data: { total: this.matching(collection, filterOf(params)).length } }
  }

  private addCollection(params: Params): Reply {
    const name = typeof params.collectionName === 'string' ? params.collectionName : ''
    if (!COLLECTION_NAME.test(name)) throw platformErrors.invalidParam(`invalid collection name ${JSON.stringify(params.collectionName)}`)
    if (!this.store.createCollection(name)) throw platformErrors.collectionAlreadyExist()
    return {}
  }

  private matching(collection: string, filter: Fields): Doc[] {
    return this.store.scan(collection).filter((doc) => matches(doc, filter))
  }
}

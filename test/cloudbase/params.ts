// Reading the params the SDK sends with each api (see api.ts for which api sends which). Anything the
// SDK would not send fails loudly: an emulator that guessed would hide a change in the SDK.
import { UnsupportedError, platformErrors } from './errors'
import type { DocumentStore } from './store'
import { type Fields, decodeEjsonObject } from './values'

export type Params = Readonly<Record<string, unknown>>

export function collectionOf(params: Params): string {
  const name = params.collectionName
  if (typeof name !== 'string' || name === '') throw new UnsupportedError(`collectionName ${JSON.stringify(name)}`)
  return name
}

/** The collection's name, or DATABASE_COLLECTION_NOT_EXIST as CloudBase answers for a missing one. */
export function existingCollection(params: Params, store: DocumentStore): string {
  const name = collectionOf(params)
  if (!store.hasCollection(name)) throw platformErrors.collectionNotExist()
  return name
}

export function transactionOf(params: Params): string | undefined {
  const id = params.transactionId
  if (id === undefined) return undefined
  if (typeof id !== 'string' || id === '') throw new UnsupportedError(`transactionId ${JSON.stringify(id)}`)
  return id
}

export function requiredTransaction(params: Params): string {
  const id = transactionOf(params)
  if (id === undefined) throw new UnsupportedError('request without transactionId')
  return id
}

export function queryTypeOf(params: Params): 'DOC' | 'WHERE' {
  const type = params.queryType
  if (type !== 'DOC' && type !== 'WHERE') throw new UnsupportedError(`queryType ${JSON.stringify(type)}`)
  return type
}

/** A DOC request's `_id` (the SDK sends `{ _id }` as EJSON, `multi: false`). */
export function docIdOf(params: Params): string {
  if (params.multi !== undefined && params.multi !== false) throw new UnsupportedError(`DOC request with multi ${String(params.multi)}`)
  const query = decodeEjsonObject(params.query, 'DOC query', false)
  const keys = Object.keys(query)
  if (keys.length !== 1 || keys[0] !== '_id') throw new UnsupportedError(`DOC query ${JSON.stringify(query)}`)
  if (typeof query._id !== 'string') throw new UnsupportedError(`document _id of type ${typeof query._id}`)
  return query._id
}

/** A WHERE request's filter; the SDK leaves it out (or sends '') when there is no `.where()`. */
export function filterOf(params: Params): Fields {
  const query = params.query
  if (query === undefined || query === '') return {}
  return decodeEjsonObject(query, 'WHERE query', true)
}

/** Writes by query must say which documents: a write to a whole collection is refused (a guess: strict). */
export function writeFilterOf(params: Params): Fields {
  const filter = filterOf(params)
  if (Object.keys(filter).length === 0) throw platformErrors.invalidParam('a WHERE write needs a query')
  return filter
}

export function flagOf(params: Params, name: string): boolean {
  const value = params[name]
  if (typeof value !== 'boolean') throw new UnsupportedError(`${name} ${JSON.stringify(value)}`)
  return value
}

export function integerOf(params: Params, name: string, min: number): number | undefined {
  const value = params[name]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw platformErrors.invalidParam(`${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`)
  }
  return value
}

/** Transactions take single-document operations only (WeChat's guide); a WHERE request in one is refused. */
export function refuseInTransaction(transactionId: string | undefined, api: string): void {
  if (transactionId !== undefined) {
    throw platformErrors.invalidParam(`${api}: a transaction allows single-document operations only (doc get/set/update/remove, add)`)
  }
}

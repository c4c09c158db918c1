// The subset of the wx-server-sdk database API (`cloud.database()`) that CloudStore uses, typed per
// collection so CloudStore needs no `any`. The real SDK object is passed in as is; the tests run the
// real SDK over an emulator of the CloudBase database (test/cloudbase/), which reproduces DESIGN section 7.
//
// Behaviour of the real SDK and database this subset relies on:
// - `doc(id).get()` on a missing document rejects with an error whose message contains
//   "does not exist" (unless the database was opened with `throwOnNotFound: false`, then `data` is null);
//   inside a transaction the node SDK reads a missing document as `data: null`. getOrNull copes with both.
// - `get()` on a query returns at most 100 rows per call (the documented caps disagree, 100 or 1000, so
//   we rely on 100): every list read sets `.limit(100)` and pages until a page comes back shorter.
// - `update` on a missing document creates nothing and reports `stats.updated: 0`; `set` upserts.
// - `add` with an `_id` that is taken fails; `where({ _id, version }).update()` is atomic per document,
//   which makes it a compare-and-set.
// - A collection that does not exist fails every operation with errCode -502005.
// - `set({ data })` replaces the whole document and `data` must not contain `_id`;
//   `update({ data })` changes only the given fields, nested ones by path; `_.inc(n)` adds n atomically
//   (a missing field counts as 0).
// - `runTransaction(callback)` may run the callback more than once (it retries on conflicts), so the
//   callback must not have side effects; a throw inside rolls everything back and rejects with that error.
//   Only single-document operations (doc get/set/update, add) are allowed inside a transaction.

declare const queryCommandBrand: unique symbol
declare const updateCommandBrand: unique symbol

/** What `_.in([...])` returns: opaque, only meaningful to the database. */
export interface QueryCommand<V> {
  readonly [queryCommandBrand]: V
  /** Both conditions on the same field, e.g. `_.gte(from).and(_.lt(to))`. */
  and(other: QueryCommand<V>): QueryCommand<V>
}

/** What `_.inc(n)` returns: opaque, only meaningful to the database. */
export interface UpdateCommand {
  readonly [updateCommandBrand]: true
}

/** `db.command`, conventionally `_`. */
export interface DbCommand {
  in<V extends string | number>(values: V[]): QueryCommand<V>
  lt<V extends string | number>(value: V): QueryCommand<V>
  gte<V extends string | number>(value: V): QueryCommand<V>
  /** Whether the field is there at all (`_.exists(false)`: a field never set, e.g. an unused invite's usedBy). */
  exists(present: boolean): QueryCommand<never>
  inc(amount: number): UpdateCommand
  /** Replaces a whole (nested) object instead of merging it field by field. */
  set(value: object): UpdateCommand
  /** Deletes the field. */
  remove(): UpdateCommand
}

/** A stored document: the collection's fields plus the database's `_id`. */
export type WithId<T> = T & { _id: string }

/** Equality per field, or a query command (`_.in`). */
export type Where<T> = { [K in keyof T]?: T[K] | QueryCommand<T[K]> } & { _id?: string | QueryCommand<string> } & {
  /** A nested field by its dotted path (`'months.m10.version': 3`), as MongoDB and the SDK take it. */
  [path: `${string}.${string}`]: number | string | boolean | QueryCommand<never>
}

/** `field({ a: true, 'b.c': true })`: only these fields (and `_id`) come back. */
export type Projection = Record<string, true>

/**
 * Fields to change; a number field may take `_.inc(n)`. A nested object changes only the fields it
 * names (`{ residents: { n3: _.inc(1) } }` moves residents.n3 and leaves n1, n2, n4, n5 alone), as the
 * SDK does; replacing a whole object would need `_.set`, which nothing here uses.
 */
export type UpdateData<T> = {
  [K in keyof T]?: T[K] extends number | boolean | undefined
    ? T[K] | UpdateCommand
    : T[K] extends readonly unknown[]
      ? T[K]
      : T[K] extends object
        ? UpdateData<T[K]> | UpdateCommand
        : T[K]
} & { [path: `${string}.${string}`]: number | string | boolean | UpdateCommand }

export interface DocumentRef<T> {
  /** `data` is null (or the call rejects with "... does not exist") when there is no such document. */
  get(): Promise<{ data?: WithId<T> | null }>
  /** The same document with only the fields named: what get() returns holds those alone. */
  field(projection: Projection): DocumentRef<T>
  /** Creates or replaces the whole document. */
  set(options: { data: T }): Promise<unknown>
  update(options: { data: UpdateData<T> }): Promise<WriteResult>
  /** Deletes the document; `removed: 0` when there was none. */
  remove(): Promise<WriteResult>
}

/** What a write reports: `updated: 0` when no document matched (an update never creates one). */
export interface WriteResult {
  stats?: { updated?: number; created?: number; removed?: number }
}

export interface Query<T> {
  where(condition: Where<T>): Query<T>
  orderBy(field: (keyof T & string) | '_id', order: 'asc' | 'desc'): Query<T>
  skip(offset: number): Query<T>
  /** At most 1000 in a cloud function; without it a query returns at most 100 rows. */
  limit(max: number): Query<T>
  /** Only the fields named come back (the rows then hold those alone). */
  field(projection: Projection): Query<T>
  get(): Promise<{ data: WithId<T>[] }>
  /** Every document the query matches; atomic per document. */
  update(options: { data: UpdateData<T> }): Promise<WriteResult>
  /** Deletes every document the query matches (a conditional delete when the query names an `_id`). */
  remove(): Promise<WriteResult>
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocumentRef<T>
  /** Rejects when an `_id` is given and already taken; an array inserts many documents in one request. */
  add(options: { data: T & { _id?: string } }): Promise<{ _id: string }>
  add(options: { data: Array<T & { _id?: string }> }): Promise<{ _ids: string[] }>
}

export interface TransactionCollection<T> {
  doc(id: string): DocumentRef<T>
}

export interface Transaction<S> {
  collection<K extends keyof S & string>(name: K): TransactionCollection<S[K]>
}

/** `cloud.database()`, with `S` naming each collection's document type. */
export interface CloudDb<S> {
  readonly command: DbCommand
  collection<K extends keyof S & string>(name: K): Collection<S[K]>
  runTransaction<R>(callback: (transaction: Transaction<S>) => Promise<R>): Promise<R>
  createCollection(name: string): Promise<unknown>
}

/** wx-server-sdk's error for a missing document (`document.get:fail document with _id X does not exist`). */
export function isDocumentNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { message, errMsg } = error as { message?: unknown; errMsg?: unknown }
  return [message, errMsg].some((text) => typeof text === 'string' && text.includes('does not exist'))
}

/** A document's fields or null, whichever way the SDK reports a missing document. */
export async function getOrNull<T>(ref: DocumentRef<T>): Promise<WithId<T> | null> {
  try {
    const { data } = await ref.get()
    return data ?? null
  } catch (error) {
    if (isDocumentNotFound(error)) return null
    throw error
  }
}

/**
 * errCode, code and message of an SDK error, whatever shape it came in: wx-server-sdk's document and
 * query operations reject with a numeric `errCode` and the platform's message in `errMsg`, the platform
 * code lost unless its table knows it; runTransaction (its start and commit) rejects with the node SDK's
 * raw TcbError, which keeps the platform code on `code` (docs/cloudbase-limits.md).
 */
function describe(error: unknown): { errCode: unknown; code: unknown; text: string } {
  if (typeof error === 'string') return { errCode: undefined, code: undefined, text: error }
  if (typeof error !== 'object' || error === null) return { errCode: undefined, code: undefined, text: '' }
  const { errCode, code, message, errMsg } = error as { errCode?: unknown; code?: unknown; message?: unknown; errMsg?: unknown }
  return { errCode, code, text: [message, errMsg].filter((t) => typeof t === 'string').join(' ') }
}

/** -502005: the collection does not exist (the environment is not set up yet). */
export function isCollectionMissing(error: unknown): boolean {
  const { errCode, text } = describe(error)
  return errCode === -502005 || /collection not exists?|DATABASE_COLLECTION_NOT_EXIST/i.test(text)
}

/**
 * A write refused because its `_id` is taken, in both forms CloudBase gives it. The code form:
 * DATABASE_DUPLICATE_WRITE on `code` (a raw TcbError) or named in the message. The message form:
 * MongoDB's "E11000 duplicate key error" under DATABASE_REQUEST_FAILED (errCode -502001), or the
 * docs' "index key duplicate" under errCode -501001, where wx-server-sdk dropped the code. Every
 * decision taken on a taken id (a re-rate, a rate-limit counter, an idempotency claim) asks this.
 */
export function isDuplicateKey(error: unknown): boolean {
  const { code, text } = describe(error)
  return code === 'DATABASE_DUPLICATE_WRITE' || /DATABASE_DUPLICATE_WRITE|E11000|duplicate key|index key duplicate/i.test(text)
}

/**
 * A transaction that did not commit: a write conflict (DATABASE_TRANSACTION_CONFLICT: errCode -501001 on
 * a document operation, the raw code from runTransaction's commit once its retries are spent), or one the
 * server no longer knows (DATABASE_TRANSACTION_FAIL: older than its 30 s, or already ended). Nothing of
 * it was applied.
 */
export function isTransactionFailure(error: unknown): boolean {
  const { errCode, code } = describe(error)
  return errCode === -501001 || code === 'DATABASE_TRANSACTION_CONFLICT' || code === 'DATABASE_TRANSACTION_FAIL'
}

/** A request refused because the environment's concurrent connections are all taken; nothing was applied. */
export function isConcurrencyLimit(error: unknown): boolean {
  const { errCode, code } = describe(error)
  return errCode === -501004 || code === 'EXCEED_CONCURRENT_REQUEST_LIMIT'
}

/** A collection that is already there, when creating it (the SDK keeps the platform's code on `.code`). */
export function isCollectionTaken(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return code === 'DATABASE_COLLECTION_ALREADY_EXIST' || /Table exist|ResourceExist|already exists?|ALREADY_EXIST/i.test(describe(error).text)
}

/** How many documents a write changed; 0 when it matched none. */
export function updatedCount(result: WriteResult): number {
  return result.stats?.updated ?? 0
}

// The subset of the wx-server-sdk database API (`cloud.database()`) that CloudStore uses, typed per
// collection so CloudStore needs no `any`. The real SDK object is passed in as is; test/fakes/fakeCloudDb.ts
// implements the same subset in memory and records every call.
//
// Behaviour of the real SDK this subset relies on (and the fake reproduces):
// - `doc(id).get()` on a missing document rejects with an error whose message contains
//   "does not exist" (unless the database was opened with `throwOnNotFound: false`, then `data` is null);
//   inside a transaction the node SDK reads a missing document as `data: null`. getOrNull copes with both.
// - `get()` on a query returns at most 100 rows without `.limit()`, and at most 1000 on the server:
//   every list read must set `.limit()` and page with `.skip()`.
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
}

/** What `_.inc(n)` returns: opaque, only meaningful to the database. */
export interface UpdateCommand {
  readonly [updateCommandBrand]: true
}

/** `db.command`, conventionally `_`. */
export interface DbCommand {
  in<V extends string | number>(values: V[]): QueryCommand<V>
  inc(amount: number): UpdateCommand
}

/** A stored document: the collection's fields plus the database's `_id`. */
export type WithId<T> = T & { _id: string }

/** Equality per field, or a query command (`_.in`). */
export type Where<T> = { [K in keyof T]?: T[K] | QueryCommand<T[K]> } & { _id?: string | QueryCommand<string> }

/**
 * Fields to change; a number field may take `_.inc(n)`. A nested object changes only the fields it
 * names (`{ residents: { n3: _.inc(1) } }` moves residents.n3 and leaves n1, n2, n4, n5 alone), as the
 * SDK does; replacing a whole object would need `_.set`, which nothing here uses.
 */
export type UpdateData<T> = {
  [K in keyof T]?: T[K] extends number
    ? T[K] | UpdateCommand
    : T[K] extends readonly unknown[]
      ? T[K]
      : T[K] extends object
        ? UpdateData<T[K]>
        : T[K]
}

export interface DocumentRef<T> {
  /** `data` is null (or the call rejects with "... does not exist") when there is no such document. */
  get(): Promise<{ data?: WithId<T> | null }>
  /** Creates or replaces the whole document. */
  set(options: { data: T }): Promise<unknown>
  update(options: { data: UpdateData<T> }): Promise<unknown>
}

export interface Query<T> {
  where(condition: Where<T>): Query<T>
  orderBy(field: (keyof T & string) | '_id', order: 'asc' | 'desc'): Query<T>
  skip(offset: number): Query<T>
  /** At most 1000 in a cloud function; without it a query returns at most 100 rows. */
  limit(max: number): Query<T>
  get(): Promise<{ data: WithId<T>[] }>
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocumentRef<T>
  /** Rejects when `_id` is given and already taken. */
  add(options: { data: T & { _id?: string } }): Promise<{ _id: string }>
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

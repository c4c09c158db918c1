// The part of wx-server-sdk 4.0.2's `cloud.database()` the emulator tests drive, typed as its wrappers
// really answer (its own index.d.ts says `Promise<X> | void | string` and `any`). Command values
// (`_.inc(1)`, `_.in([...])`) are opaque; they go into `data` and `where` objects as they are.

export type SdkFields = Record<string, unknown>
export type SdkDoc = SdkFields & { _id: string }

/** What `db.command` builds; only the SDK's serializers look inside. */
export interface SdkCommandValue {
  readonly fieldName?: unknown
}

export interface SdkCommand {
  eq(value: unknown): SdkCommandValue
  neq(value: unknown): SdkCommandValue
  gt(value: unknown): SdkCommandValue & { and(other: SdkCommandValue): SdkCommandValue }
  gte(value: unknown): SdkCommandValue
  lt(value: unknown): SdkCommandValue
  lte(value: unknown): SdkCommandValue
  in(values: unknown[]): SdkCommandValue
  nin(values: unknown[]): SdkCommandValue
  exists(present: boolean): SdkCommandValue
  or(...conditions: SdkFields[]): SdkCommandValue
  and(...conditions: SdkFields[]): SdkCommandValue
  inc(amount: number): SdkCommandValue
  mul(factor: number): SdkCommandValue
  set(value: unknown): SdkCommandValue
  remove(): SdkCommandValue
  push(...values: unknown[]): SdkCommandValue
}

export interface SdkQuery {
  where(condition: SdkFields | SdkCommandValue): SdkQuery
  orderBy(field: string, order: 'asc' | 'desc'): SdkQuery
  skip(offset: number): SdkQuery
  limit(max: number): SdkQuery
  field(projection: Record<string, boolean>): SdkQuery
  get(): Promise<{ data: SdkDoc[]; errMsg: string }>
  count(): Promise<{ total: number; errMsg: string }>
  update(options: { data: SdkFields; multi?: boolean }): Promise<{ stats: { updated: number }; errMsg: string }>
  remove(options?: { multi?: boolean }): Promise<{ stats: { removed: number }; errMsg: string }>
}

export interface SdkDocument {
  field(projection: Record<string, boolean>): SdkDocument
  /** Rejects with "document.get:fail document with _id X does not exist" when missing (throwOnNotFound). */
  get(): Promise<{ data: SdkDoc; errMsg: string }>
  set(options: { data: SdkFields }): Promise<{ _id: string; stats: { updated: number; created: number }; errMsg: string }>
  update(options: { data: SdkFields }): Promise<{ stats: { updated: number }; errMsg: string }>
  remove(): Promise<{ stats: { removed: number }; errMsg: string }>
}

export interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDocument
  add(options: { data: SdkFields | SdkFields[] }): Promise<{ _id?: string; _ids?: string[]; errMsg: string }>
}

export interface SdkTransaction {
  collection(name: string): SdkCollection
  rollback(reason?: unknown): Promise<unknown>
}

export interface SdkStartedTransaction extends SdkTransaction {
  commit(): Promise<unknown>
}

export interface SdkDatabase {
  readonly command: SdkCommand
  collection(name: string): SdkCollection
  createCollection(name: string): Promise<{ errMsg: string }>
  /** Retries the callback when the commit fails with DATABASE_TRANSACTION_CONFLICT; runs it at most times + 1 times. */
  runTransaction<R>(callback: (transaction: SdkTransaction) => Promise<R>, times?: number): Promise<R>
  startTransaction(): Promise<SdkStartedTransaction>
}

/** The error wx-server-sdk rejects with: an Error with a numeric errCode (and no `code`). */
export interface SdkError extends Error {
  errCode: number
  errMsg: string
}

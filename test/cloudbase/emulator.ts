// An in-process emulator of the WeChat CloudBase (腾讯云开发) database, placed under the REAL
// wx-server-sdk at its one HTTP seam (`@cloudbase/database`'s Db.reqClass, see seam.ts), so CloudStore
// and the built cloud function run against the real SDK code. A fake kinder than the platform hides the
// bugs users meet first: where the platform is uncertain, this is the stricter one. The choices:
//
// Collections (api.ts, params.ts)
// - Every operation on a missing collection fails with DATABASE_COLLECTION_NOT_EXIST (wx-server-sdk:
//   errCode -502005). `db.createCollection` creates one; an existing name fails with
//   DATABASE_COLLECTION_ALREADY_EXIST, "[ResourceUnavailable.ResourceExist] Table exist." (CloudBase's
//   code, the message users quote; wx-server-sdk's createCollection gives errCode -1 and keeps the code
//   on `.code`). Option `collections` pre-creates some; `listCollections()` lists them.
// Reads (api.ts, query.ts)
// - `get()` of a query returns at most `maxRowsPerGet` (100) rows per call whatever `.limit()` says.
// - Natural order is insertion order; query operators, ordering and projections are MongoDB's.
// Writes (writes.ts, update.ts)
// - `update` of a missing document creates nothing (`updated: 0`); `set` replaces or creates.
// - `updated` counts documents that really changed (MongoDB nModified).
// - `add` with a taken `_id`: DATABASE_REQUEST_FAILED with MongoDB's E11000 message (wx-server-sdk:
//   -502001), which is what a field report of wx-server-sdk 4.0.2 saw; or, with `duplicateKeyError:
//   'DATABASE_DUPLICATE_WRITE'`, CloudBase's own documented code, which the SDK turns into -501001
//   (the code lost, the message kept). The cloud code must recognise both (db.ts isDuplicateKey).
// - A write by query with an empty query is refused (INVALID_PARAM): a guess, the strict one.
// Transactions (transactions.ts): snapshot isolation, first writer wins at once, locks kept until
//   commit, abort or the end of their lifetime (`transactionLifetimeMs`, CloudBase's 30 s), after which
//   the transaction fails with DATABASE_TRANSACTION_FAIL; outside writers wait for the locks.
// Connections: at most `maxConnections` requests (the base plan's 20 concurrent database connections) are
//   in flight at once, from all instances together; one more is refused at once with
//   EXCEED_CONCURRENT_REQUEST_LIMIT (wx-server-sdk: -501004), applies nothing, and is counted in
//   `refusedRequests`, not in `requests`. A request holds its connection from arrival to its answer,
//   latency and lock waits included; a dead instance's requests give theirs back.
// Instances: each request names the simulated function instance that sent it. `killWhen` kills an
//   instance at a matching request, before or after applying it; a dead instance's requests never settle
//   and are not recorded (a 'before' killing request included), its open transactions keep their locks
//   until their lifetime is over. `failWhen` makes matching requests fail with a given platform error
//   (a fault somewhere in the service), applying nothing.
// Accounting: every request that reaches the database is recorded `{ instance, api, collection?,
//   transactionId? }`; `requestCount(filter?)` counts them.
// Latency: each request is applied on a later macrotask (setImmediate) by default, so concurrent
//   invocations interleave; a number is milliseconds; `{ minMs, maxMs }` a uniform draw per request; a
//   function is awaited (it is given the request). `setLatency` changes it (seed fast, then measure).
// docs/cloudbase-limits.md gives the source of every figure.
// Anything not emulated (an api, a param, an operator, a BSON type) throws a plain Error
//   "cloudbase emulator: unsupported ..." and is recorded in `unsupported`. So does a request in a
//   transaction while another of the same transaction is pending: parallel requests in one transaction
//   are undocumented (DESIGN section 7), so the emulator will not guess what they do.
import { DatabaseApi } from './api'
import { type EmulatorClock, realClock } from './clock'
import { PlatformError, UnsupportedError, platformErrors } from './errors'
import type { Params } from './params'
import { DocumentStore } from './store'
import { TransactionManager } from './transactions'
import { type Doc, clone, isFields } from './values'
import type { Reply } from './writes'

export type Latency = 'immediate' | number | { minMs: number; maxMs: number } | ((request: RecordedRequest) => Promise<void>)

/** CloudBase's base plan: 20 concurrent database connections (docs/cloudbase-limits.md). */
export const BASE_PLAN_CONNECTIONS = 20
/** CloudBase: a transaction must be committed or aborted within 30 seconds (docs/cloudbase-limits.md). */
export const TRANSACTION_LIFETIME_MS = 30_000

export interface CloudbaseEmulatorOptions {
  /** Collections that exist from the start. */
  collections?: readonly string[]
  /** Rows one `get()` returns at most (default 100). */
  maxRowsPerGet?: number
  /** How long a transaction may live (default 30000 ms, CloudBase's figure). */
  transactionLifetimeMs?: number
  /** Requests in flight at once, all instances together (default 20, the base plan's connections). */
  maxConnections?: number
  /** How a taken `_id` is answered (default 'E11000'). */
  duplicateKeyError?: 'E11000' | 'DATABASE_DUPLICATE_WRITE'
  clock?: EmulatorClock
  latency?: Latency
}

export interface RecordedRequest {
  instance: string
  api: string
  collection?: string
  transactionId?: string
}

export type RequestFilter = Partial<RecordedRequest> | ((request: RecordedRequest) => boolean)

export interface KillOptions {
  /** 'before': the request is not applied; 'after': it is applied, and then the instance dies. */
  timing?: 'before' | 'after'
}

interface KillRule {
  match: (request: RecordedRequest & { params: Params }) => boolean
  timing: 'before' | 'after'
}

interface FailRule {
  match: (request: RecordedRequest) => boolean
  error: () => PlatformError
}

const never = () => new Promise<never>(() => undefined)
/** What `answer` gives when the instance died meanwhile: its request never settles. */
const DIED = Symbol('died')

export class CloudbaseEmulator {
  /** One line per request the emulator could not emulate; a test asserts it stayed empty. */
  readonly unsupported: string[] = []
  private readonly recorded: RecordedRequest[] = []
  private readonly refused: RecordedRequest[] = []
  private inFlight = 0
  private readonly maxConnections: number
  private readonly dead = new Set<string>()
  private disposed = false
  private readonly killRules: KillRule[] = []
  private readonly failRules: FailRule[] = []
  /** Transactions with a request being answered: CloudBase does not document parallel ones. */
  private readonly busyTransactions = new Set<string>()
  private readonly store = new DocumentStore()
  private readonly transactions: TransactionManager
  private readonly api: DatabaseApi
  private latency: Latency
  private replies = 0

  constructor(options: CloudbaseEmulatorOptions = {}) {
    this.transactions = new TransactionManager(this.store, options.clock ?? realClock, options.transactionLifetimeMs ?? TRANSACTION_LIFETIME_MS)
    const duplicateKey = options.duplicateKeyError === 'DATABASE_DUPLICATE_WRITE' ? platformErrors.duplicateWrite : platformErrors.duplicateKey
    this.api = new DatabaseApi(this.store, this.transactions, options.maxRowsPerGet ?? 100, duplicateKey)
    this.latency = options.latency ?? 'immediate'
    this.maxConnections = options.maxConnections ?? BASE_PLAN_CONNECTIONS
    for (const name of options.collections ?? []) this.store.createCollection(name)
  }

  /** One request as the SDK's requester sends it (`send(api, params, opts)`); the seam calls this. */
  async send(instance: string, api: string, rawParams?: unknown, opts?: unknown): Promise<Reply> {
    // A test that ran past its time goes on in the background; its invocations must end, not hang with
    // their caller's openid set in process.env for the next test file of this jest worker.
    if (this.disposed) throw new Error('cloudbase emulator: disposed, the test that used it has ended')
    if (this.dead.has(instance)) return never()
    let params: Params
    try {
      params = paramsOf(api, rawParams, opts)
    } catch (error) {
      throw this.noted(error)
    }
    const request: RecordedRequest = { instance, api }
    if (typeof params.collectionName === 'string') request.collection = params.collectionName
    if (typeof params.transactionId === 'string') request.transactionId = params.transactionId
    const rule = this.killRules.find((candidate) => candidate.match({ ...request, params }))
    if (rule?.timing === 'before') {
      this.dead.add(instance)
      return never()
    }
    if (this.inFlight >= this.maxConnections) {
      this.refused.push(request)
      const refusal = platformErrors.concurrentLimit(this.maxConnections)
      refusal.requestId = `emulator-refused-${this.refused.length}`
      throw refusal
    }
    this.recorded.push(request)
    const transactionId = request.transactionId
    if (transactionId !== undefined) {
      if (this.busyTransactions.has(transactionId)) {
        throw this.noted(new UnsupportedError(`concurrent requests in one transaction (${api} while another is pending); await each`))
      }
      this.busyTransactions.add(transactionId)
    }
    this.inFlight++
    let outcome: Reply | typeof DIED
    try {
      outcome = await this.answer(instance, request, params, rule)
    } finally {
      this.inFlight--
      if (transactionId !== undefined) this.busyTransactions.delete(transactionId)
    }
    return outcome === DIED ? never() : outcome
  }

  private async answer(instance: string, request: RecordedRequest, params: Params, rule: KillRule | undefined): Promise<Reply | typeof DIED> {
    await this.delay(request)
    if (this.dead.has(instance)) return DIED
    const requestId = `emulator-${++this.replies}`
    let reply: Reply
    try {
      const failure = this.failRules.find((candidate) => candidate.match(request))
      if (failure !== undefined) throw this.failed(request, failure.error())
      reply = await this.api.handle(instance, request.api, params)
    } catch (error) {
      if (error instanceof PlatformError) error.requestId = requestId
      if (rule !== undefined) this.dead.add(instance)
      throw this.noted(error)
    }
    if (rule !== undefined || this.dead.has(instance)) {
      this.dead.add(instance)
      return DIED
    }
    return { ...reply, requestId }
  }

  get requests(): readonly RecordedRequest[] {
    return this.recorded
  }

  requestCount(filter?: RequestFilter): number {
    if (filter === undefined) return this.recorded.length
    const test =
      typeof filter === 'function'
        ? filter
        : (request: RecordedRequest) =>
            Object.entries(filter).every(([key, value]) => request[key as keyof RecordedRequest] === value)
    return this.recorded.filter(test).length
  }

  resetRequests(): void {
    this.recorded.length = 0
    this.refused.length = 0
  }

  /** Requests refused with EXCEED_CONCURRENT_REQUEST_LIMIT (not in `requests`: nothing was applied). */
  get refusedRequests(): readonly RecordedRequest[] {
    return this.refused
  }

  /** Requests being answered right now. */
  get requestsInFlight(): number {
    return this.inFlight
  }

  /** From now on, each request waits this long (a test seeds at full speed, then measures at 10-20 ms). */
  setLatency(latency: Latency): void {
    this.latency = latency
  }

  /** From now on, an instance sending a matching request dies there. Returns a function removing the rule. */
  killWhen(match: KillRule['match'], options: KillOptions = {}): () => void {
    const rule: KillRule = { match, timing: options.timing ?? 'before' }
    this.killRules.push(rule)
    return () => void this.killRules.splice(this.killRules.indexOf(rule), 1)
  }

  /** From now on, a matching request fails with the given platform error. Returns a function removing the rule. */
  failWhen(match: FailRule['match'], error: FailRule['error']): () => void {
    const rule: FailRule = { match, error }
    this.failRules.push(rule)
    return () => void this.failRules.splice(this.failRules.indexOf(rule), 1)
  }

  kill(instance: string): void {
    this.dead.add(instance)
  }

  isDead(instance: string): boolean {
    return this.dead.has(instance)
  }

  listCollections(): string[] {
    return this.store.collectionNames()
  }

  /** Creates a collection directly (as the console does); false if it existed. */
  createCollection(name: string): boolean {
    return this.store.createCollection(name)
  }

  /** The committed document, for assertions; null when missing. */
  document(collection: string, id: string): Doc | null {
    const doc = this.store.read(collection, id)
    return doc === null ? null : clone(doc)
  }

  /** Every committed document of a collection, in natural order. */
  documents(collection: string): Doc[] {
    return this.store.scan(collection).map((doc) => clone(doc))
  }

  openTransactions(): Array<{ id: string; instance: string }> {
    return this.transactions.openTransactions()
  }

  /** Stops pending transaction timers (a test's afterEach). */
  dispose(): void {
    this.disposed = true
    this.transactions.dispose()
  }

  private delay(request: RecordedRequest): Promise<void> {
    const latency = this.latency
    if (latency === 'immediate') return new Promise((resolve) => setImmediate(resolve))
    if (typeof latency === 'function') return latency(request)
    const ms = typeof latency === 'number' ? latency : latency.minMs + Math.random() * (latency.maxMs - latency.minMs)
    return new Promise((resolve) => setTimeout(resolve, ms))
  }

  /** An injected failure: like any platform error in a transaction, it aborts that transaction. */
  private failed(request: RecordedRequest, error: PlatformError): PlatformError {
    if (request.transactionId !== undefined) this.transactions.abortAfterError(request.transactionId, error.message)
    return error
  }

  private noted(error: unknown): unknown {
    if (error instanceof UnsupportedError) this.unsupported.push(error.message)
    return error
  }
}

/** The request's params without undefined values (the SDK leaves `transactionId: undefined` in). */
function paramsOf(api: string, raw: unknown, opts: unknown): Params {
  if (opts !== undefined && (!isFields(opts) || Object.keys(opts).some((key) => key !== 'timeout'))) {
    throw new UnsupportedError(`request options ${JSON.stringify(opts)} for ${api}`)
  }
  if (raw === undefined) return {}
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UnsupportedError(`params of ${api}: ${typeof raw}`)
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined))
}

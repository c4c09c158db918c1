// The two ways the emulator says no.
// - PlatformError: what CloudBase itself answers (`{ code, message, requestId }`); the seam turns it into
//   the node SDK's own TcbError, exactly as its HTTP requester does, and wx-server-sdk then wraps it as it
//   really would (a code missing from its TCB_ERR_CODE map becomes errCode -501001 without `.code`).
// - UnsupportedError: something the emulator does not emulate. It must never pass for a platform answer,
//   so it is a plain Error the test sees, and CloudbaseEmulator records it in `unsupported`.

/**
 * The codes the emulator answers with. The names are CloudBase's (docs.cloudbase.net/error-code and the
 * NoSQL HTTP API's table; docs/cloudbase-limits.md); what wx-server-sdk 4.0.2 makes of each on a document
 * operation is noted: its TCB_ERR_CODE knows only DATABASE_REQUEST_FAILED (-502001),
 * DATABASE_COLLECTION_NOT_EXIST (-502005), INVALID_PARAM (-501007) and EXCEED_CONCURRENT_REQUEST_LIMIT
 * (-501004) of these; everything else becomes -501001 and the code is lost. runTransaction, its start and
 * its commit reject with the node SDK's raw TcbError, which keeps the code on `.code`.
 */
export const CODES = {
  /** -502005 "database collection not exists". */
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  /** -501001. */
  collectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  /** -501001 inside doc operations; the raw code at commit, which runTransaction retries. */
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  /** -501001: a transaction that is committed, unknown, or was never started. */
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  /** -502001: MongoDB's own errors (duplicate key, type mismatch, path conflicts). */
  requestFailed: 'DATABASE_REQUEST_FAILED',
  /** -501007. */
  invalidParam: 'INVALID_PARAM',
  /** -501001 (the SDK drops the code; the message remains): a taken `_id`, in `duplicateKeyError: 'DATABASE_DUPLICATE_WRITE'`. */
  duplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  /** -501004 "exceed concurrent request limit": more requests in flight than the plan's connections. */
  concurrentLimit: 'EXCEED_CONCURRENT_REQUEST_LIMIT',
} as const

export type PlatformCode = (typeof CODES)[keyof typeof CODES]

export class PlatformError extends Error {
  /** Set by the emulator when it answers with this error. */
  requestId = ''

  constructor(
    readonly code: PlatformCode,
    message: string,
  ) {
    super(message)
    this.name = 'PlatformError'
  }
}

export class UnsupportedError extends Error {
  constructor(what: string) {
    super(`cloudbase emulator: unsupported ${what}`)
    this.name = 'UnsupportedError'
  }
}

/** Messages as CloudBase words them where known (the missing-collection one is the one users quote). */
export const platformErrors = {
  collectionNotExist: () =>
    new PlatformError(
      CODES.collectionNotExist,
      '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem persists, contact us.',
    ),
  /** As users quote it; it does not say "already exists" (the code on the TcbError does). */
  collectionAlreadyExist: () => new PlatformError(CODES.collectionAlreadyExist, '[ResourceUnavailable.ResourceExist] Table exist.'),
  duplicateKey: (collection: string, id: string) =>
    new PlatformError(
      CODES.requestFailed,
      `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
    ),
  /** CloudBase's own code for a taken key; its message is not documented, so this one is the docs' cause text. */
  duplicateWrite: (collection: string, id: string) =>
    new PlatformError(CODES.duplicateWrite, `Database write failed, index key duplicate: ${collection} _id ${JSON.stringify(id)}`),
  concurrentLimit: (limit: number) =>
    new PlatformError(CODES.concurrentLimit, `Concurrent request limit exceeded: ${limit} requests of this environment are in flight`),
  /** Past the transaction lifetime the server no longer knows the transaction (docs: within 30 seconds). */
  transactionExpired: (id: string, lifetimeMs: number) =>
    new PlatformError(CODES.transactionFail, `Transaction ${id} does not exist on server: not committed or aborted within ${lifetimeMs / 1000} seconds`),
  writeConflict: (collection: string, id: string, why: string) =>
    new PlatformError(CODES.transactionConflict, `WriteConflict: document ${collection}/${id} ${why}; the transaction is aborted`),
  transactionAborted: (id: string, reason: string) =>
    new PlatformError(CODES.transactionConflict, `transaction ${id} has been aborted (${reason})`),
  transactionNotOpen: (id: string, state: string) =>
    new PlatformError(CODES.transactionFail, `transaction ${id} is not open (${state})`),
  invalidParam: (message: string) => new PlatformError(CODES.invalidParam, message),
  requestFailed: (message: string) => new PlatformError(CODES.requestFailed, message),
}

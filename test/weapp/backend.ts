// The cloud side of the weapp tests: `wx.cloud.callFunction({ name: 'api' | 'files', data: { action, payload } })`
// goes to the real dispatch and handlers over a real SqliteStore in memory, with the caller's openid
// chosen by the test (what the cloud's getWXContext().OPENID would be). Replies come a macrotask later,
// like a network reply, so a page's loading state is real too.
import type { CodeImages, Moderation } from '@backend/context'
import { setUpEnvironment } from '@backend/setup/setup'
import { seedDemo } from '@backend/demo/seed'
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { filesHandlers } from '@backend/fileHandlers'
import { NOT_YOUR_UPLOAD_MESSAGE, cloudPathOf, newUploadPath } from '@backend/roster/uploadPaths'
import { uploaderFolderId } from '@backend/store/ids'
import type { HandlerTable } from '@backend/context'
import type { CloudFiles } from './chatFiles'
import type { OrgSeed } from '@backend/store'
import { isActionName } from '@core/contract'
import { ApiError, type Envelope } from '@core/errors'
import { functionOf } from '@core/functions'
import { localCodeImages } from '../../server/localCodeImages'
import { keywordModeration } from '../../server/moderation'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { TEST_SECRETS, testSecrets } from '../support/secrets'
import { seededStore } from '../support/seededStores'

/** One call the mini-program made, and the envelope the handler answered. */
export interface CloudCall {
  action: unknown
  payload: unknown
  openid: string | null
  reply: Envelope<unknown>
}

export interface CallFunctionOptions {
  name?: string
  data?: unknown
  success?: (res: CallFunctionResult) => void
  fail?: (err: { errMsg: string }) => void
  complete?: (res: unknown) => void
}

export interface CallFunctionResult {
  result: Envelope<unknown>
  errMsg: string
  requestID: string
}

export interface BackendOptions {
  /**
   * 'demo': set up as the local runtime sets up an empty DATA_DIR (setUpEnvironment with the demo);
   * 'empty': nothing at all, a fresh environment before admin.setup; or just an OrgSeed.
   */
  seed?: 'demo' | 'empty' | OrgSeed
  /** BUREAU_OPENIDS: the first administrators. */
  bureauOpenids?: ReadonlySet<string>
  /** The clock the handlers see; the live clock by default, as the pages use it for "this month". */
  now?: () => Date
  /** The local runtime's keyword moderation by default. */
  moderation?: Moderation
  /** The local runtime's QR codes by default; a test may make codes as the cloud does (cloud file IDs). */
  codeImages?: CodeImages
}

export interface Backend {
  store: SqliteStore
  /** Every call, in order. */
  calls: CloudCall[]
  /** Who is calling: the WeChat user of the device (one at a time, as on a phone). */
  openid: string | null
  callFunction(options: CallFunctionOptions): Promise<CallFunctionResult> | undefined
  /** Cloud storage the function `files` reads uploads from and writes its files to (answered as file IDs). */
  cloudFiles: CloudFiles
  /** Calls still being answered. */
  inFlight(): number
  /** The same door, called by the test itself (not recorded) through the function the app would call: what the handlers answer `openid`. */
  call(request: unknown, openid: string | null): Promise<Envelope<unknown>>
  /** Waits for the calls in flight, then closes the store. */
  close(): Promise<void>
}

/**
 * The demo as admin.setup leaves it, seeded at the test's clock, or on the real clock at the start of
 * the minute, so that the tests of a file opened within a minute share one seeding (seededStores.ts).
 */
function demoStore(at: Date | null): Promise<SqliteStore> {
  const seededAt = at ?? new Date(Math.floor(Date.now() / 60_000) * 60_000)
  return seededStore(`weapp-demo|${seededAt.toISOString()}`, async (fresh) => {
    await setUpEnvironment(fresh, seededAt, { demo: seedDemo }, testSecrets)
  })
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export async function createBackend(options: BackendOptions = {}): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const seed = options.seed ?? 'demo'
  const store = seed === 'demo' ? await demoStore(options.now === undefined ? null : now()) : new SqliteStore(':memory:')
  if (seed !== 'demo' && seed !== 'empty') await store.putOrg(seed)
  const moderation = options.moderation ?? keywordModeration
  // The h5 URL a local QR code carries; the weapp pages only show the image.
  const codeImages = options.codeImages ?? localCodeImages(() => 'http://127.0.0.1:10086')
  let requests = 0
  const pending = new Set<Promise<unknown>>()
  const bureauOpenids = options.bureauOpenids
  const cloudFiles: CloudFiles = { uploads: new Map(), written: new Map() }
  // Paths answered by org.uploadPath, by reader: as in the cloud, a read takes only a path issued to its reader.
  const issued = new Map<string, string>()
  const files = {
    async issueUpload(uploader: string) {
      const { path } = newUploadPath(uploaderFolderId(uploader, TEST_SECRETS.idKey), now())
      issued.set(path, uploader)
      return path
    },
    async read(fileId: string, reader: string) {
      const path = cloudPathOf(fileId)
      if (path === null || issued.get(path) !== reader) throw new ApiError('FORBIDDEN', NOT_YOUR_UPLOAD_MESSAGE)
      const bytes = cloudFiles.uploads.get(fileId)
      if (bytes === undefined) throw new Error(`no uploaded file ${fileId}`)
      return bytes
    },
    async write(_name: string, bytes: Buffer) {
      const fileId = `cloud://weapp-env.7765-weapp-env/exports/${cloudFiles.written.size + 1}.xlsx`
      cloudFiles.written.set(fileId, bytes)
      return { fileId }
    },
  }
  /** The two cloud functions (src/core/functions.ts). */
  const functions: Record<string, HandlerTable> = { api: apiHandlers, files: filesHandlers }
  const callAt = (name: string, request: unknown, openid: string | null) =>
    dispatch(request, { openid, store, now: now(), moderation, codeImages, bureauOpenids, files, secrets: testSecrets }, functions[name] ?? {})
  // The function the app would call for the action (src/core/functions.ts), as demoCaller does.
  const call = (request: unknown, openid: string | null) => {
    const action = isRecord(request) ? request.action : undefined
    return callAt(isActionName(action) ? functionOf(action) : 'api', request, openid)
  }

  async function answer(options: CallFunctionOptions): Promise<CallFunctionResult> {
    const openid = backend.openid
    await macrotask()
    if (options.name !== 'api' && options.name !== 'files') throw { errMsg: `cloud.callFunction:fail function not found: ${String(options.name)}` }
    const reply = await callAt(options.name, options.data, openid)
    const request = isRecord(options.data) ? options.data : {}
    backend.calls.push({ action: request.action, payload: request.payload, openid, reply })
    await macrotask()
    return { result: reply, errMsg: 'cloud.callFunction:ok', requestID: `req-${++requests}` }
  }

  const backend: Backend = {
    store,
    cloudFiles,
    calls: [],
    openid: null,
    callFunction(options) {
      const reply = answer(options)
      pending.add(reply)
      const settle = () => pending.delete(reply)
      reply.then(settle, settle)
      // Without callbacks WeChat answers through a promise (Taro's form); with them, through them only.
      if (!options.success && !options.fail && !options.complete) return reply
      reply.then(
        (res) => (options.success?.(res), options.complete?.(res)),
        (err: { errMsg: string }) => (options.fail?.(err), options.complete?.(err)),
      )
      return undefined
    },
    inFlight: () => pending.size,
    call,
    async close() {
      await Promise.allSettled([...pending])
      store.close()
    },
  }
  return backend
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

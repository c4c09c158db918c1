// The local runtime's HTTP host: the same handlers as the cloud functions behind POST /cloud/api and
// POST /cloud/files (with POST /cloud/upload and GET /files/... standing in for cloud storage),
// the h5 build as static files, and /healthz. The caller is whoever the X-Openid header says —
// which is why main.ts binds to 127.0.0.1 and says this is for trying and testing only.
import { mkdtempSync } from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CodeImages, HandlersOf, HandlerTable, Moderation } from '@backend/context'
import { dispatch } from '@backend/door'
import type { SecretKeeper } from '@backend/secrets/secrets'
import { apiHandlers } from '@backend/handlers'
import type { Store } from '@backend/store'
import { httpStatusOf, type Envelope, type ErrorCode } from '@core/errors'
import type { ActionName } from '@core/contract'
import { FILE_ACTIONS, type FileAction } from '@core/functions'
import { devIdentities } from '@backend/session/devIdentities'
import { DOWNLOAD_PREFIX, FILE_LIFETIME_MS, type LocalFiles, QUOTA_MESSAGE, UPLOAD_LIMIT_BYTES, localFiles, readBytes } from './localFiles'
import { serveStatic } from './staticFiles'

export interface AppOptions {
  store: Store
  moderation: Moderation
  /** The h5 build; default dist-h5/ under the working directory. */
  staticDir?: string
  /** Clock, injectable for tests. */
  now?: () => Date
  /** QR codes of the h5 pages (server/localCodeImages.ts). */
  codeImages: CodeImages
  /** BUREAU_OPENIDS, as in the cloud: openids that are the bureau without a record. */
  bureauOpenids?: ReadonlySet<string>
  /** Uploads and generated files (server/localFiles.ts under DATA_DIR); default: a temporary directory. */
  files?: LocalFiles
  /** The deployment's keys (server/localSecrets.ts: DATA_DIR/secrets.json, the environment overriding). */
  secrets: SecretKeeper
}

/** callFunction payloads stay small (DESIGN 7); the local runtime holds requests to 64 KB. */
export const BODY_LIMIT_BYTES = 64 * 1024
/** Past this much, stop draining an oversized body and drop the connection. */
const DRAIN_LIMIT_BYTES = 10 * BODY_LIMIT_BYTES

const localHandlers: HandlersOf<Exclude<ActionName, FileAction>> = { ...apiHandlers, 'dev.identities': devIdentities }

/**
 * The spreadsheet handlers, loaded on their first call: exceljs and its zip libraries take some 30 MB
 * once loaded, which a runtime that is only rated never needs.
 */
function lazyFilesHandlers(): HandlerTable {
  let loading: Promise<HandlersOf<FileAction>> | undefined
  const handlers = () => (loading ??= import('@backend/fileHandlers').then((module) => module.filesHandlers))
  const table: Record<string, unknown> = {}
  for (const action of FILE_ACTIONS) {
    table[action] = async (payload: never, ctx: never) => ((await handlers())[action] as (payload: never, ctx: never) => Promise<unknown>)(payload, ctx)
  }
  return table as HandlerTable
}

/** The two cloud functions, as callFunction({ name }) reaches them (src/core/functions.ts). */
const FUNCTIONS: Record<string, HandlerTable> = { api: localHandlers, files: lazyFilesHandlers() }

export function createApp(options: AppOptions): http.Server {
  const staticDir = path.resolve(options.staticDir ?? 'dist-h5')
  const now = options.now ?? (() => new Date())
  const files = options.files ?? localFiles(mkdtempSync(path.join(tmpdir(), 'community-3456-files-')))

  async function handleCloud(req: IncomingMessage, res: ServerResponse, functionName: string): Promise<void> {
    const handlers = Object.prototype.hasOwnProperty.call(FUNCTIONS, functionName) ? FUNCTIONS[functionName] : undefined
    if (handlers === undefined) return sendError(res, 404, 'NOT_FOUND', `没有这个云函数：${functionName.slice(0, 40)}`)
    if (req.method !== 'POST') return sendError(res, 405, 'INVALID_INPUT', '请用 POST 调用云函数')
    const body = await readBody(req)
    if (body === 'tooLarge') return sendError(res, 413, 'INVALID_INPUT', '请求过大')
    let request: unknown
    try {
      request = JSON.parse(body)
    } catch {
      return sendError(res, 400, 'INVALID_INPUT', '请求格式不对')
    }
    // The socket's address, never a header a client could set: the suspicious-pattern batch counts
    // raters behind one address.
    const clientIp = req.socket.remoteAddress
    const env = { openid: openidOf(req), store: options.store, now: now(), moderation: options.moderation, codeImages: options.codeImages, files, bureauOpenids: options.bureauOpenids, secrets: options.secrets, ...(clientIp === undefined ? {} : { clientIp }) }
    const envelope = await dispatch(request, env, handlers)
    sendJson(res, envelope.ok ? 200 : httpStatusOf[envelope.code], envelope)
  }

  /** The local stand-in for wx.cloud.uploadFile: raw bytes in, `{ fileId }` out; signed-in callers only. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'INVALID_INPUT', '请用 POST 上传文件')
    const uploader = openidOf(req)
    if (uploader === null) return sendError(res, 401, 'UNAUTHENTICATED', '请先登录微信后再上传文件')
    // A caller whose quota is spent is refused before the body is read (Connection: close drops the rest).
    if (!files.hasRoom(uploader)) return sendQuotaExceeded(res)
    const body = await readBytes(req, UPLOAD_LIMIT_BYTES)
    if (body === 'tooLarge') return sendError(res, 413, 'INVALID_INPUT', `文件过大：最多 ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`)
    if (body.length === 0) return sendError(res, 400, 'INVALID_INPUT', '上传的文件是空的')
    const fileId = await files.upload(body, uploader)
    if (fileId === 'quota') return sendQuotaExceeded(res)
    sendJson(res, 200, { ok: true, data: { fileId } })
  }

  async function handleDownload(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' || !(await files.serve(pathname, res))) sendError(res, 404, 'NOT_FOUND', '文件不存在或已过期，请重新导出')
  }

  return http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    const cloudCall = /^\/cloud\/([^/]*)\/?$/.exec(pathname)
    let handling: Promise<void>
    if (pathname === '/healthz') handling = Promise.resolve(sendJson(res, 200, { ok: true }))
    else if (pathname === '/cloud/upload') handling = handleUpload(req, res)
    else if (pathname.startsWith(DOWNLOAD_PREFIX)) handling = handleDownload(req, res, pathname)
    else if (cloudCall) handling = handleCloud(req, res, cloudCall[1] ?? '')
    else if (pathname.startsWith('/cloud/')) handling = Promise.resolve(sendError(res, 404, 'NOT_FOUND', '没有这个接口'))
    else handling = serveStatic(req, res, staticDir)
    handling.catch((err: unknown) => {
      // A client that went away (or an oversized body we dropped) needs no reply.
      if (req.destroyed && res.destroyed) return
      console.error('[server] request failed', err)
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', '系统繁忙，请稍后再试')
      else res.destroy()
    })
  })
}

/** The local runtime's identity: the X-Openid header; absent or empty means anonymous. */
function openidOf(req: IncomingMessage): string | null {
  const header = req.headers['x-openid']
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? ''
  return value === '' ? null : value
}

/** The body as text, or 'tooLarge'. An oversized body is drained (so the client reads our reply) up to a bound. */
function readBody(req: IncomingMessage): Promise<string | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    req.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received <= BODY_LIMIT_BYTES) chunks.push(chunk)
      else if (received > DRAIN_LIMIT_BYTES) req.destroy()
    })
    let ended = false
    req.on('end', () => {
      ended = true
      resolve(received > BODY_LIMIT_BYTES ? 'tooLarge' : Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
    // Every request closes, most after their body was read: only those need an Error (its stack costs).
    req.on('close', () => {
      if (!ended) reject(new Error('request closed before its body was read'))
    })
  })
}

/** 429 with the quota's message: the window is the last 24 hours, so a day is when to retry at the latest. */
function sendQuotaExceeded(res: ServerResponse): void {
  res.setHeader('Retry-After', String(FILE_LIFETIME_MS / 1000))
  sendError(res, 429, 'RATE_LIMITED', QUOTA_MESSAGE)
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const envelope: Envelope<never> = { ok: false, code, message }
  sendJson(res, status, envelope)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

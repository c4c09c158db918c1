// The real wx-server-sdk over the CloudBase emulator, for tests and for the benchmark (plain Node, also
// when bundled by esbuild: no jest API here). Its parts: moduleRegistry.ts (a module registry per
// instance), seam.ts (the emulator under the SDK), environment.ts (getWXContext's variables),
// openapi.ts (cloud.openapi stubs).
// - createSdkDatabase: `cloud.database()` of a fresh real wx-server-sdk, initialised as our function
//   does (`{ env: cloud.DYNAMIC_CURRENT_ENV }`); CloudStore takes it as it is.
// - loadCloudFunction: the BUILT bundle cloudfunctions/api/index.js (`npm run build:cloud`) as one
//   simulated function instance: its own module registry (its own wx-server-sdk, its own warm caches),
//   one invocation at a time (CloudBase queues nothing on a busy instance; it starts another, which is
//   another loadCloudFunction here). Each invocation sets, synchronously right before `main(event,
//   context)`, the environment variables getWXContext reads (WX_CONTEXT_KEYS naming WX_OPENID,
//   WX_APPID, WX_UNIONID, WX_CLIENTIP; TCB_ENV, SCF_NAMESPACE, TCB_SOURCE) and the function's own ones.
//   All instances share one process.env: a handler reading getWXContext() after an await may see another
//   instance's invocation (our main reads it first, synchronously). The harness puts the environment
//   back when nothing runs (call restoreEnvironment() after a test that killed an instance mid-invocation).
// - The function's timeout (`timeoutMs`, default 20 s, what the README tells the deployer to set): an
//   invocation still running then is killed as SCF kills it. Its instance dies with it (the emulator
//   never answers its requests; what it sent is still applied, as the database does not know), the
//   invocation rejects with SCF's "Task timed out after N seconds", and the instance takes no more.
// - cloud.openapi does not go through the database: each instance's SDK gets stubs (option `openapi`),
//   by default msgSecCheck answering pass; calling anything not stubbed throws. cloud.uploadFile,
//   downloadFile, getTempFileURL and deleteFile go to the environment's CloudFileStorage (storage.ts).
// - A timer trigger calls main with `{ Type: 'Timer', TriggerName, Time, Message }` (Tencent SCF's
//   documented timer event; Time in ISO 8601 to the second, Message '' unless configured) and no WeChat
//   context: getWXContext() then has no OPENID. See timerEvent.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { CloudbaseEmulator } from './emulator'
import { type InvocationContext, functionEnv, invokingWith, scfContext, withEnvironment, wxContextEnv } from './environment'
import { ModuleRegistry } from './moduleRegistry'
import { type OpenApiStubs, openApiOf } from './openapi'
import { installEmulatorSeam } from './seam'
import { storageOf } from './storage'
import type { SdkDatabase } from './sdkSurface'

/** The database handle CloudStore is written against. */
export type CloudDatabase = ConstructorParameters<typeof CloudStore>[0]

interface WxCloud {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: unknown): void
  database(): unknown
  openapi: unknown
  uploadFile(options: { cloudPath: string; fileContent: Buffer | Uint8Array }): Promise<{ fileID: string; statusCode: number }>
  downloadFile(options: { fileID: string }): Promise<{ statusCode: number; fileContent: Buffer }>
  getTempFileURL(options: { fileList: Array<string | { fileID: string; maxAge?: number }> }): Promise<unknown>
  deleteFile(options: { fileList: string[] }): Promise<unknown>
}

function isWxCloud(value: unknown): value is WxCloud {
  if (typeof value !== 'object' || value === null) return false
  return ['init', 'database', 'getWXContext'].every((name) => typeof Reflect.get(value, name) === 'function')
}

/** The repository root: the nearest directory up from here with wx-server-sdk installed, else cwd. */
export function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', 'wx-server-sdk', 'package.json'))) return dir
    if (path.dirname(dir) === dir) return process.cwd()
  }
}

/** Loads wx-server-sdk (as `from` resolves it) into the registry, with the emulator at its HTTP seam. */
function loadSdk(registry: ModuleRegistry, emulator: CloudbaseEmulator, instance: string, from?: string): WxCloud {
  const sdkEntry = registry.resolve('wx-server-sdk', from)
  const nodeSdkEntry = registry.resolve('@cloudbase/node-sdk', sdkEntry)
  // The copy of @cloudbase/database that node-sdk itself uses (check with `npm ls @cloudbase/database`).
  const database = registry.require('@cloudbase/database', nodeSdkEntry)
  const utils = registry.require(path.join(path.dirname(nodeSdkEntry), 'utils', 'utils.js'))
  const tcbError = typeof utils === 'object' && utils !== null ? Reflect.get(utils, 'TcbError') : undefined
  installEmulatorSeam(database, tcbError, emulator, instance)
  const cloud = registry.require(sdkEntry)
  if (!isWxCloud(cloud)) throw new Error(`cloudbase harness: ${sdkEntry} is not wx-server-sdk`)
  return cloud
}

/** `cloud.database()` of a fresh real wx-server-sdk whose requests come from `instanceId`. */
export function createSdkDatabase(emulator: CloudbaseEmulator, instanceId = 'test'): CloudDatabase {
  // The SDK's database is the object CloudStore was written against (cloudDb.ts types its subset).
  return openSdkDatabase(emulator, instanceId) as unknown as CloudDatabase
}

/** The same real database, typed for driving the SDK directly (sdkSurface.ts). */
export function openSdkDatabase(emulator: CloudbaseEmulator, instanceId = 'test'): SdkDatabase {
  const cloud = loadSdk(new ModuleRegistry(repositoryRoot()), emulator, instanceId)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return cloud.database() as SdkDatabase
}

export interface LoadCloudFunctionOptions {
  instanceId: string
  /** The function's environment variables (CloudBase console), e.g. BUREAU_OPENIDS. */
  env?: Readonly<Record<string, string>>
  openapi?: OpenApiStubs
  /** Defaults to <repository>/cloudfunctions/api/index.js. */
  bundle?: string
  /** The function's timeout (default 20000 ms); a longer invocation is killed. */
  timeoutMs?: number
}

/** The timeout the README tells the deployer to set on the function (config.json `timeout` is not documented). */
export const FUNCTION_TIMEOUT_MS = 20_000

/** What an invocation killed at the function's timeout rejects with (SCF's words and errorCode). */
export class FunctionTimeout extends Error {
  readonly errorCode = -1
  constructor(timeoutMs: number) {
    super(`Task timed out after ${timeoutMs / 1000} seconds`)
    this.name = 'FunctionTimeout'
  }
}

export interface CloudFunctionInstance {
  readonly instanceId: string
  /** What the function passed to cloud.init, call by call. */
  readonly initCalls: readonly unknown[]
  /** This instance's `cloud.DYNAMIC_CURRENT_ENV` (a symbol of its own node SDK copy). */
  readonly dynamicCurrentEnv: unknown
  /** Runs `exports.main(event, context)` after this instance's earlier invocations have finished. */
  invoke(event: unknown, context?: InvocationContext): Promise<unknown>
}

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
  Message: string
}

/** The event a CloudBase timer trigger (config.json `triggers`, type timer) passes to main. */
export function timerEvent(triggerName: string, time: Date, message = ''): TimerEvent {
  return { Type: 'Timer', TriggerName: triggerName, Time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: message }
}

/** Loads the built cloud function as one fresh instance (a cold start). */
export function loadCloudFunction(emulator: CloudbaseEmulator, options: LoadCloudFunctionOptions): CloudFunctionInstance {
  const registry = new ModuleRegistry(repositoryRoot())
  const bundle = options.bundle ?? path.join(registry.root, 'cloudfunctions', 'api', 'index.js')
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build:cloud\` first (npm test does it).`)
  // The real process (inside jest, `process` is a sandbox copy whose env the SDK would never see).
  const { env } = registry.require('node:process') as NodeJS.Process
  const cloud = loadSdk(registry, emulator, options.instanceId, bundle)
  cloud.openapi = openApiOf(options.openapi ?? {})
  const storage = storageOf(emulator)
  cloud.uploadFile = async ({ cloudPath, fileContent }) => ({ fileID: storage.upload(cloudPath, fileContent), statusCode: 204 })
  cloud.downloadFile = async ({ fileID }) => storage.download(fileID)
  cloud.getTempFileURL = async ({ fileList }) => storage.tempFileURLs(fileList)
  cloud.deleteFile = async ({ fileList }) => storage.delete(fileList)
  const initCalls: unknown[] = []
  const init = cloud.init.bind(cloud)
  cloud.init = (initOptions) => {
    initCalls.push(initOptions)
    init(initOptions)
  }
  const ownEnv = functionEnv(options.env)
  // A cold start runs the module with the function's environment in place.
  const main = withEnvironment(env, ownEnv, () => {
    const entry = registry.require(bundle)
    return typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'main') : undefined
  })
  if (typeof main !== 'function') throw new Error(`cloudbase harness: ${bundle} exports no main`)

  const timeoutMs = options.timeoutMs ?? FUNCTION_TIMEOUT_MS
  let tail: Promise<unknown> = Promise.resolve()
  return {
    instanceId: options.instanceId,
    initCalls,
    dynamicCurrentEnv: cloud.DYNAMIC_CURRENT_ENV,
    invoke(event, context = {}) {
      const run = () => {
        if (emulator.isDead(options.instanceId)) throw new Error(`cloudbase harness: instance ${options.instanceId} is dead`)
        const invocation = invokingWith(env, { ...ownEnv, ...wxContextEnv(context) }, () => main(event, scfContext()))
        return killedAfter(invocation, timeoutMs, () => {
          // An instance a test killed already never answers, as before; a live one is killed now.
          if (emulator.isDead(options.instanceId)) return false
          emulator.kill(options.instanceId)
          return true
        })
      }
      const result = tail.then(run)
      tail = result.catch(() => undefined)
      return result
    },
  }
}

/** The invocation's result, or FunctionTimeout once `timeoutMs` has passed and `kill` killed it. */
function killedAfter(invocation: Promise<unknown>, timeoutMs: number, kill: () => boolean): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (kill()) reject(new FunctionTimeout(timeoutMs))
    }, timeoutMs)
    // A pending timeout must not keep a test process or a benchmark alive.
    timer.unref()
  })
  return Promise.race([invocation, timedOut]).finally(() => clearTimeout(timer))
}

export { EMULATOR_ENV, type InvocationContext, restoreEnvironment } from './environment'
export { DEFAULT_OPENAPI, type OpenApiMethod, type OpenApiStubs } from './openapi'
export { CloudFileStorage, storageOf } from './storage'

// The one entry every runtime goes through: the cloud function's exports.main and the local HTTP host
// both hand it the raw request, the runtime's identity and the store. It validates the action and payload
// at the boundary (a cloud function's event is whatever a client sent), looks the caller's role up on
// every call, runs the handler and turns every outcome into an envelope. No stack trace leaves here.
import * as v from 'valibot'
import { ACCESS, mayCall, type Who } from '@core/access'
import { refusedMessage, signInMessage } from '@core/accessMessages'
import { isActionName, payloadSchemas, type ActionName, type ManualSetupStep } from '@core/contract'
import { ApiError, NOT_READY_MESSAGE, type Envelope } from '@core/errors'
import type { Caller, CallerOf, CodeImages, FileStorage, HandlerContext, HandlerTable, Moderation, Notifier } from './context'
import type { PrincipalRecord, Store } from './store'
import type { SecretKeeper } from './secrets/secrets'
import { refuseUnfitTexts } from './moderation/moderateTexts'

export interface DispatchEnv {
  /** From the runtime only: cloud.getWXContext().OPENID, or the local X-Openid header. */
  openid: string | null
  store: Store
  now: Date
  moderation: Moderation
  codeImages: CodeImages
  /** Uploaded and generated files (the function `files` and the local runtime). */
  files?: FileStorage
  /**
   * The first administrators: openids the deployer lists in the function's BUREAU_OPENIDS environment
   * variable are the bureau, without any record — how the first admin exists before anything is set up.
   */
  bureauOpenids?: ReadonlySet<string>
  /** The caller's network address from the runtime (HandlerContext.clientIp). */
  clientIp?: string
  notifier?: Notifier
  /** The deployment's keys: the cloud's `secrets` collection or the local DATA_DIR, the environment overriding. */
  secrets: SecretKeeper
  /** Setup steps the runtime cannot take itself (HandlerContext.manualSetup). */
  manualSetup?: readonly ManualSetupStep[]
}

/** The bureau record of an openid listed in BUREAU_OPENIDS. */
function firstAdmin(openid: string): PrincipalRecord {
  return { openid, role: 'bureau', name: '市民政局管理员' }
}

const INTERNAL_MESSAGE = '系统繁忙，请稍后再试'
const CJK = /[\u4e00-\u9fff]/

export async function dispatch(request: unknown, env: DispatchEnv, handlers: HandlerTable): Promise<Envelope<unknown>> {
  try {
    if (!isPlainObject(request)) throw new ApiError('INVALID_INPUT', '请求格式不对')
    const { action, payload } = request
    if (!isActionName(action)) throw new ApiError('INVALID_INPUT', `不支持的操作：${describeAction(action)}`)
    const data = await runAction(action, payload, env, handlers)
    return { ok: true, data }
  } catch (err) {
    if (err instanceof ApiError) {
      return err.field === undefined ? { ok: false, code: err.code, message: err.message } : { ok: false, code: err.code, message: err.message, field: err.field }
    }
    // Before admin.setup the cloud database has no collections: say so, instead of 系统繁忙.
    if (env.store.isNotSetUp(err)) return { ok: false, code: 'NOT_READY', message: NOT_READY_MESSAGE }
    console.error('[api] unexpected error', err)
    return { ok: false, code: 'INTERNAL', message: INTERNAL_MESSAGE }
  }
}

async function runAction<A extends ActionName>(
  action: A,
  payload: unknown,
  env: DispatchEnv,
  handlers: HandlerTable,
): Promise<unknown> {
  // An action of the contract this runtime does not serve (dev.identities in the cloud) does not exist here.
  const handler = handlers[action]
  if (handler === undefined) throw new ApiError('INVALID_INPUT', `不支持的操作：${action}`)
  // A missing payload means "no fields"; anything else that is not an object is malformed.
  const input = payload ?? {}
  if (!isPlainObject(input)) throw new ApiError('INVALID_INPUT', '请求内容格式不对')
  const schema = payloadSchemas[action]
  const parsed = v.safeParse(schema, input)
  if (!parsed.success) throw new ApiError('INVALID_INPUT', messageOf(parsed.issues[0], schema))
  const caller = admit(action, await callerOf(env, action))
  // Trust rule 6 for every text someone else reads: after the role check (a refused caller costs no
  // check), before the handler (a refused text stores nothing).
  await refuseUnfitTexts(action, parsed.output, caller.openid, env.moderation)
  const context: HandlerContext = { caller, store: env.store, now: env.now, moderation: env.moderation, codeImages: env.codeImages, secrets: env.secrets }
  if (env.files !== undefined) context.files = env.files
  if (env.clientIp !== undefined) context.clientIp = env.clientIp
  if (env.notifier !== undefined) context.notifier = env.notifier
  if (env.manualSetup !== undefined) context.manualSetup = env.manualSetup
  // admit() refused everyone the table leaves out, so the caller is what the handler's type says.
  return handler(parsed.output, context as HandlerContext<CallerOf<A>>)
}

/**
 * Rules 11 and 12, from THE table (src/core/access.ts), before any handler runs: no identity where one is
 * needed is 401, a role the table leaves out is 403. A worker's own actions also need the binding to a
 * worker record, whose code the caller then carries; the handler's caller type says all of this.
 */
function admit(action: ActionName, caller: Caller): Caller {
  const who: Who = caller.openid === null ? 'anonymous' : caller.role
  const allowed: readonly Who[] = ACCESS[action].who
  const workerOnly = allowed.length === 1 && allowed[0] === 'worker'
  if (!mayCall(action, who)) {
    if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', signInMessage(action))
    if (action === 'admin.setup' && caller.storeNotSetUp === true) throw notAnAdminYet(caller.openid)
    throw new ApiError('FORBIDDEN', refusedMessage(action, workerOnly))
  }
  if (workerOnly) {
    const workerCode = caller.principal?.workerCode
    if (workerCode === undefined) throw new ApiError('FORBIDDEN', refusedMessage(action, true))
    return { ...caller, workerCode } as Caller
  }
  return caller
}

/**
 * On a fresh environment, whoever tries to set it up without being listed is told how to become the
 * first administrator: their own openid (theirs only; nothing else is stored yet) and where it goes.
 */
function notAnAdminYet(openid: string): ApiError {
  return new ApiError('FORBIDDEN', `只有管理员可以初始化。请把您的 openid（${openid}）加入云函数 api 的环境变量 BUREAU_OPENIDS，再点初始化。`)
}

/** The actions that answer before setup: the home page asks who the caller is, and offers 初始化. */
const BEFORE_SETUP: ReadonlySet<ActionName> = new Set(['session.me', 'admin.setup'])

/**
 * Roles are looked up on every call (DESIGN 6.1): an unbound openid, or none at all, is a resident.
 * Before setup the lookup fails; the actions that answer then see a caller without a record.
 */
async function callerOf(env: DispatchEnv, action: ActionName): Promise<Caller> {
  const { openid, store } = env
  if (openid === null || openid === '') return { openid: null, role: 'resident', principal: null }
  if (env.bureauOpenids?.has(openid) === true) {
    // No record was read, so nothing has told us yet whether the environment is set up: ask (one
    // request, for the few administrators only), so that before setup they too get NOT_READY.
    if (!BEFORE_SETUP.has(action) && !(await store.isSetUp())) throw new ApiError('NOT_READY', NOT_READY_MESSAGE)
    return { openid, role: 'bureau', principal: firstAdmin(openid) }
  }
  try {
    const principal = await store.getPrincipal(openid)
    return { openid, role: principal?.role ?? 'resident', principal }
  } catch (err) {
    if (BEFORE_SETUP.has(action) && store.isNotSetUp(err)) return { openid, role: 'resident', principal: null, storeNotSetUp: true }
    throw err
  }
}

/**
 * Schema messages are written in Chinese for people; valibot's English defaults are never shown.
 * A missing field is reported by the object schema in English, so it gets the field's own message
 * (what the field says when it is not the right type, e.g. '请选择满意程度（1 到 5）').
 */
function messageOf(issue: v.BaseIssue<unknown>, schema: { readonly entries: v.ObjectEntries }): string {
  if (CJK.test(issue.message)) return issue.message
  const path = issue.path ?? []
  const field = path.length === 1 ? path[0]?.key : undefined
  if (typeof field === 'string' && Object.prototype.hasOwnProperty.call(schema.entries, field)) {
    const own = v.safeParse(schema.entries[field], undefined)
    if (!own.success && CJK.test(own.issues[0].message)) return own.issues[0].message
  }
  const where = path.map((item) => String(item.key)).join('.')
  return where ? `提交的内容格式不对：${where}` : '提交的内容格式不对'
}

function describeAction(action: unknown): string {
  if (typeof action !== 'string' || action.trim() === '') return '（未指定）'
  return action.slice(0, 40)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

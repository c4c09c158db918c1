// The process environment of a simulated invocation. CloudBase starts each invocation with environment
// variables wx-server-sdk's getWXContext reads (WX_CONTEXT_KEYS names the WX_ ones present: WX_OPENID,
// WX_APPID, WX_UNIONID, WX_CLIENTIP; TCB_ENV or SCF_NAMESPACE gives ENV, TCB_SOURCE gives SOURCE) besides
// the function's own variables. All simulated instances share one process: the harness sets these
// synchronously right before `main`, and puts everything back when nothing runs any more, so nothing
// leaks into what runs next in the process.
import { randomUUID } from 'node:crypto'

/** The environment id getWXContext().ENV reports. */
export const EMULATOR_ENV = 'emulator-env'

export interface InvocationContext {
  /** The caller's openid; absent for a timer trigger or an unauthenticated HTTP call. */
  openid?: string
  /** Defaults to 'wx-emulator-app' when there is an openid. */
  appid?: string
  unionid?: string
  clientIp?: string
  /** TCB_SOURCE; defaults to 'wx_client' (a mini-program call) when there is an openid. */
  source?: string
}

/** The variables getWXContext reads; none at all without a caller (then getWXContext() is `{}`). */
export function wxContextEnv(context: InvocationContext): Record<string, string> {
  const wx: Record<string, string> = {}
  if (context.openid !== undefined) {
    wx.WX_OPENID = context.openid
    wx.WX_APPID = context.appid ?? 'wx-emulator-app'
  }
  if (context.unionid !== undefined) wx.WX_UNIONID = context.unionid
  if (context.clientIp !== undefined) wx.WX_CLIENTIP = context.clientIp
  const keys = Object.keys(wx)
  if (keys.length === 0) return {}
  const source = context.source ?? (context.openid !== undefined ? 'wx_client' : undefined)
  return { ...wx, WX_CONTEXT_KEYS: keys.join(','), ...(source === undefined ? {} : { TCB_SOURCE: source }) }
}

/** The variables every invocation of a function has: its environment id and its own configuration. */
export function functionEnv(own: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { TCB_ENV: EMULATOR_ENV, SCF_NAMESPACE: EMULATOR_ENV, ...own }
}

/** The second argument SCF passes to main (a subset: our function does not read it). */
export function scfContext(): Record<string, unknown> {
  return {
    request_id: randomUUID(),
    function_name: 'api',
    function_version: '$LATEST',
    namespace: EMULATOR_ENV,
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20_000,
    callbackWaitsForEmptyEventLoop: false,
  }
}

/** Variables the harness set, with what the process had before, so they can be put back. */
const original = new Map<string, string | undefined>()
let changedEnv: NodeJS.ProcessEnv | undefined
let running = 0

/** Makes `vars` the harness's variables: sets them, and puts back the ones an earlier call set. */
function setEnvironment(env: NodeJS.ProcessEnv, vars: Readonly<Record<string, string>>): void {
  changedEnv = env
  for (const [key, before] of original) {
    if (key in vars) continue
    if (before === undefined) delete env[key]
    else env[key] = before
  }
  for (const [key, value] of Object.entries(vars)) {
    if (!original.has(key)) original.set(key, env[key])
    env[key] = value
  }
}

/** Runs a cold start (synchronous) with `vars` in place. */
export function withEnvironment<T>(env: NodeJS.ProcessEnv, vars: Readonly<Record<string, string>>, work: () => T): T {
  running++
  try {
    setEnvironment(env, vars)
    return work()
  } finally {
    settle()
  }
}

/** Runs an invocation: `vars` are set and `work` starts in the same tick. */
export async function invokingWith(env: NodeJS.ProcessEnv, vars: Readonly<Record<string, string>>, work: () => unknown): Promise<unknown> {
  running++
  try {
    setEnvironment(env, vars)
    return await work()
  } finally {
    settle()
  }
}

function settle(): void {
  running = Math.max(0, running - 1)
  if (running === 0) restoreEnvironment()
}

/**
 * Puts back every variable the harness changed. It happens by itself when nothing runs; an invocation
 * of a dead instance never ends, so a test that kills one mid-invocation calls this afterwards.
 */
export function restoreEnvironment(): void {
  if (changedEnv !== undefined) setEnvironment(changedEnv, {})
  running = 0
}

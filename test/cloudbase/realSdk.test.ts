// The harness: a cloud function loaded as separate instances over the emulator, each with its own real
// wx-server-sdk, its WeChat context and environment per invocation, openapi stubs and timer events.
// It loads fixtures/probeFunction.js, a tiny function that reports what it sees.
import path from 'node:path'
import { CloudbaseEmulator } from './emulator'
import { ModuleRegistry } from './moduleRegistry'
import { type CloudFunctionInstance, FUNCTION_TIMEOUT_MS, type LoadCloudFunctionOptions, loadCloudFunction, restoreEnvironment, timerEvent } from './realSdk'
import { settledWithin } from './testing'

const PROBE = path.join(__dirname, 'fixtures', 'probeFunction.js')
let emulator: CloudbaseEmulator

beforeEach(() => {
  emulator = new CloudbaseEmulator({ collections: ['visits'] })
})

afterEach(() => {
  expect(emulator.unsupported).toEqual([])
  emulator.dispose()
  restoreEnvironment()
})

function probe(instanceId: string, options: Partial<LoadCloudFunctionOptions> = {}): CloudFunctionInstance {
  return loadCloudFunction(emulator, { instanceId, bundle: PROBE, ...options })
}

interface Seen {
  event: unknown
  wx: Record<string, unknown>
  invocations: number
  loadedWith: string | null
  bureau: string | null
  requestId: string
}

const seen = (reply: unknown) => reply as Seen

it('sets the WeChat context getWXContext reads for each invocation', async () => {
  const api = probe('i1')
  expect(api.initCalls).toEqual([{ env: api.dynamicCurrentEnv }])
  expect(String(api.dynamicCurrentEnv)).toBe('Symbol(SYMBOL_CURRENT_ENV)')
  expect(seen(await api.invoke({}, { openid: 'o-1', clientIp: '10.0.0.1' })).wx).toEqual({
    OPENID: 'o-1',
    APPID: 'wx-emulator-app',
    CLIENTIP: '10.0.0.1',
    ENV: 'emulator-env',
    SOURCE: 'wx_client',
  })
  // No caller (an unauthenticated HTTP call): no WX_CONTEXT_KEYS, so getWXContext() is empty.
  expect(seen(await api.invoke({})).wx).toEqual({})
  expect(seen(await api.invoke({}, { openid: 'o-2' })).wx).toMatchObject({ OPENID: 'o-2' })
})

it('puts the process environment back once no invocation runs', async () => {
  // The real process's environment, which the SDK reads (jest hands tests a copy).
  const { env } = new ModuleRegistry(__dirname).require('node:process') as NodeJS.Process
  const api = probe('tidy', { env: { BUREAU_OPENIDS: 'o-bureau' } })
  const running = api.invoke({ action: 'visit', id: 'v' }, { openid: 'o-1' })
  await Promise.resolve() // the invocation starts on the next microtask, then waits for the database
  expect(env.WX_OPENID).toBe('o-1')
  expect(env.BUREAU_OPENIDS).toBe('o-bureau')
  await running
  expect([env.WX_OPENID, env.WX_CONTEXT_KEYS, env.BUREAU_OPENIDS, env.TCB_ENV]).toEqual([undefined, undefined, undefined, undefined])
})

it('ends an invocation that outlived its test (the emulator disposed) and puts the environment back', async () => {
  const { env } = new ModuleRegistry(__dirname).require('node:process') as NodeJS.Process
  const api = probe('late')
  emulator.dispose()
  // A test body jest timed out goes on; its next database request fails instead of hanging with o-late set.
  await expect(api.invoke({ action: 'visit', id: 'v' }, { openid: 'o-late' })).rejects.toThrow(/fail/)
  expect(env.WX_OPENID).toBeUndefined()
})

it('gives each instance its own environment, warm state and SDK, and names it in every request', async () => {
  const first = probe('first', { env: { BUREAU_OPENIDS: 'o-bureau' } })
  const second = probe('second')
  expect(seen(await first.invoke({ action: 'visit', id: 'v1' }, { openid: 'o-1' }))).toMatchObject({
    invocations: 1,
    loadedWith: 'o-bureau',
    bureau: 'o-bureau',
    requestId: 'string',
  })
  expect(seen(await first.invoke({}, { openid: 'o-1' })).invocations).toBe(2)
  expect(seen(await second.invoke({ action: 'visit', id: 'v2' }, { openid: 'o-1' }))).toMatchObject({ invocations: 1, bureau: null })
  expect(emulator.document('visits', 'v2')).toEqual({ _id: 'v2', invocation: 1 })
  expect(emulator.requests.map((request) => `${request.instance} ${request.api}`)).toEqual([
    'first database.modifyDocument',
    'first database.getDocument',
    'second database.modifyDocument',
    'second database.getDocument',
  ])
})

it('runs one invocation at a time per instance, while instances interleave', async () => {
  const a = probe('a')
  const b = probe('b')
  await Promise.all([
    a.invoke({ action: 'visit', id: 'a1' }),
    a.invoke({ action: 'visit', id: 'a2' }),
    b.invoke({ action: 'visit', id: 'b1' }),
  ])
  const order = emulator.requests.map((request) => `${request.instance} ${request.api.replace('database.', '')}`)
  const ofA = order.filter((line) => line.startsWith('a '))
  expect(ofA).toEqual(['a modifyDocument', 'a getDocument', 'a modifyDocument', 'a getDocument'])
  expect(order.slice(0, 2)).toEqual(['a modifyDocument', 'b modifyDocument'])
})

it('stubs cloud.openapi: msgSecCheck passes by default, a stub replaces it, anything else throws', async () => {
  const checks: unknown[] = []
  const strict = probe('strict', {
    openapi: {
      security: {
        msgSecCheck: (request) => {
          checks.push(request)
          return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'risky', label: 20001 } }
        },
      },
    },
  })
  expect(await probe('lenient').invoke({ action: 'moderate', text: '很耐心' }, { openid: 'o-1' })).toEqual({
    errCode: 0,
    errMsg: 'openapi.security.msgSecCheck:ok',
    result: { suggest: 'pass', label: 100 },
  })
  expect(await strict.invoke({ action: 'moderate', text: '……' }, { openid: 'o-1' })).toMatchObject({ result: { suggest: 'risky' } })
  expect(checks).toEqual([{ version: 2, scene: 2, openid: 'o-1', content: '……' }])
  await expect(strict.invoke({ action: 'qrcode', scene: 'W001' })).rejects.toThrow('openapi.wxacode.getUnlimited is not stubbed')
})

it('passes a timer trigger the event CloudBase passes, with no WeChat context', async () => {
  const event = timerEvent('monthlyTally', new Date('2026-03-31T16:00:00.000Z'))
  expect(event).toEqual({ Type: 'Timer', TriggerName: 'monthlyTally', Time: '2026-03-31T16:00:00Z', Message: '' })
  expect(seen(await probe('timer').invoke(event))).toMatchObject({ event, wx: {} })
})

it('never answers again once its instance died', async () => {
  const doomed = probe('doomed')
  emulator.killWhen((request) => request.instance === 'doomed' && request.api === 'database.getDocument')
  expect(await settledWithin(doomed.invoke({ action: 'visit', id: 'd1' }))).toBe(false)
  expect(await settledWithin(doomed.invoke({}))).toBe(false)
  expect(emulator.document('visits', 'd1')).toEqual({ _id: 'd1', invocation: 1 })
  expect(seen(await probe('fresh').invoke({})).invocations).toBe(1)
})

it('refuses to load a bundle that was not built', () => {
  expect(() => probe('none', { bundle: path.join(__dirname, 'fixtures', 'missing.js') })).toThrow('run `npm run build:cloud` first')
})

it('kills an invocation at the function timeout: SCF\'s error, what it sent still applied, the instance gone', async () => {
  expect(FUNCTION_TIMEOUT_MS).toBe(20_000)
  // 100 ms a request: the set lands at 100 ms, the get would answer at 200 ms, the timeout is at 150 ms.
  emulator = new CloudbaseEmulator({ collections: ['visits'], latency: 100 })
  const slow = probe('slow', { timeoutMs: 150 })
  await expect(slow.invoke({ action: 'visit', id: 's1' })).rejects.toMatchObject({ message: 'Task timed out after 0.15 seconds', errorCode: -1 })
  expect(emulator.isDead('slow')).toBe(true)
  expect(emulator.document('visits', 's1')).toEqual({ _id: 's1', invocation: 1 })
  await new Promise((resolve) => setTimeout(resolve, 120))
  expect(emulator.requestsInFlight).toBe(0)
  await expect(slow.invoke({})).rejects.toThrow('instance slow is dead')
  // An invocation within its time is not touched.
  expect(seen(await probe('quick', { timeoutMs: 1000 }).invoke({ action: 'visit', id: 'q1' })).invocations).toBe(1)
})

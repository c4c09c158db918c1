// Fuzzing the boundary (DESIGN section 6, rule 7): generated requests for EVERY action — valid
// payloads of test/support/authorizationCalls.ts bent out of shape (fields of the wrong type, huge or
// unicode strings, negative, fractional, NaN-like and infinite numbers, nested objects, extra and missing
// fields) and plain garbage — from every kind of caller and from strangers, through dispatch over a demo
// SqliteStore (and the `files` function's table for its actions). Whatever comes in: no reply is INTERNAL,
// every refusal is in Chinese without a stack trace or an English error, and a refused call stores nothing.
import fc from 'fast-check'
import * as v from 'valibot'
import { mayCall, type Who } from '@core/access'
import { payloadSchemas, type ActionName } from '@core/contract'
import { httpStatusOf } from '@core/errors'
import type { CodeImages } from '@backend/context'
import { CALLERS, payloadOf, storeChanges, storeHash } from './support/authorizationCalls'
import { demoCaller, type TestCaller } from './support/demoCaller'

const NOW = new Date('2026-07-10T02:00:00.000Z')
const RUNS = 10_000
/** Drawing QR codes is not what is fuzzed here: a fixed image keeps 10,000 calls quick. */
const NO_IMAGES: CodeImages = { imageFor: async () => 'data:image/png;base64,' }

const ACTIONS = Object.keys(payloadSchemas) as ActionName[]
const OPENIDS = [...CALLERS.map((c) => c.openid), 'o-stranger', '', ' ', 'x'.repeat(300), "'; DROP TABLE workers; --"]

/** Anything a client could put in a field. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '字'.repeat(70_000), 'a'.repeat(5000), '__proto__', 'constructor', '1e309', '-1', 'NaN', '2026-13', '2026-00', 'YQ04\n', '<script>', '😀'.repeat(40)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 0.05, 1.25, 2 ** 53, -(2 ** 31), 1e-300),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
  fc.constant({ $gt: '' }),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
)

/** A valid payload of the action, bent: fields replaced by junk, dropped, or joined by extra ones. */
function bent(action: ActionName, who: (typeof CALLERS)[number]['who']): fc.Arbitrary<unknown> {
  const base = payloadOf(action, who, 'fuzz-key-0001') as Record<string, unknown>
  const keys = Object.keys(base)
  return fc.record({
    replace: fc.array(fc.tuple(fc.constantFrom(...keys, 'extra', '__proto__', 'idempotencyKey'), junk), { maxLength: 3 }),
    drop: keys.length === 0 ? fc.constant([] as string[]) : fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
    key: fc.string({ minLength: 8, maxLength: 20, unit: fc.constantFrom(...'abcdef0123456789') }),
  }).map(({ replace, drop, key }) => {
    const out: Record<string, unknown> = { ...base }
    if ('idempotencyKey' in out) out.idempotencyKey = `fuzz-${key}`
    for (const name of drop) delete out[name]
    for (const [name, value] of replace) Object.defineProperty(out, name, { value, enumerable: true, configurable: true, writable: true })
    return out
  })
}

const callerArb = fc.constantFrom(...CALLERS)
const requestArb = fc.oneof(
  // Mostly: a real action with a bent payload, or a valid one (so handlers run deep).
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...ACTIONS), callerArb).chain(([action, caller]) =>
      fc.record({ request: fc.oneof(bent(action, caller.who), fc.constant(payloadOf(action, caller.who, `fuzz-${action}`)), junk).map((payload) => ({ action, payload })), openid: fc.constantFrom(caller.openid, ...OPENIDS) })) },
  // Sometimes: garbage at the top — no action, an unknown one, a non-object request.
  { weight: 1, arbitrary: fc.record({ request: fc.oneof(junk, fc.record({ action: junk, payload: junk })), openid: fc.constantFrom(...OPENIDS) }) },
)

let demo: TestCaller
beforeAll(async () => {
  demo = await demoCaller({ now: NOW, codeImages: NO_IMAGES })
})
afterAll(() => demo.close())

const STACK = /\bat \S+ \(|\.(ts|js|cjs):\d+|Error:|TypeError|ReferenceError|undefined|\bnull\b|NaN|Expected|Received|Invalid (type|key|length)|SQLITE/

/**
 * A submit that carries a key and passes its schema claims the key and lets it go again when refused: for
 * those (and only those, hashing being slow) every row is compared; for the rest SQLite's change count.
 */
const KEYED = new Set<unknown>(['rating.submit', 'feedback.submit', 'score.submit', 'sheet.submit', 'sheet.change', 'review.decide', 'review.decideBatch', 'appeal.file', 'appeal.decide', 'case.callback', 'case.rectify', 'case.confirm', 'hall.rota.generate', 'hall.rota.save', 'hall.feedback'])
function claimsKey(request: unknown, openid: string | null): boolean {
  const { action, payload } = (typeof request === 'object' && request !== null ? request : {}) as { action?: unknown; payload?: unknown }
  if (!KEYED.has(action) || !mayCall(action as ActionName, whoIs(openid))) return false
  return v.safeParse(payloadSchemas[action as ActionName], payload ?? {}).success
}

/** Who an openid is to the table: a demo identity, else (a stranger) a resident; none is anonymous. */
const whoIs = (openid: string | null): Who => (openid === null || openid === '' ? 'anonymous' : CALLERS.find((c) => c.openid === openid)?.who ?? 'resident')

it(`answers ${RUNS} generated requests over every action without INTERNAL, in Chinese, storing nothing when refused`, async () => {
  const seen = new Map<string, number>()
  await fc.assert(
    fc.asyncProperty(requestArb, async ({ request, openid }) => {
      const action = typeof request === 'object' && request !== null ? (request as { action?: unknown }).action : undefined
      const before = claimsKey(request, openid) ? storeHash(demo.store) : null
      const changes = storeChanges(demo.store)
      const reply = await demo.send(request, openid)
      seen.set(reply.ok ? 'ok' : reply.code, (seen.get(reply.ok ? 'ok' : reply.code) ?? 0) + 1)
      if (reply.ok) return
      expect(reply.code).not.toBe('INTERNAL')
      expect(httpStatusOf[reply.code]).toBeLessThan(500)
      expect(reply.message).toMatch(/[\u4e00-\u9fff]/)
      // An unknown action's name is echoed (at most 40 characters): only the rest must be free of English.
      const own = reply.message.replace(/^不支持的操作：[\s\S]*$/, '不支持的操作')
      expect(own).not.toMatch(STACK)
      if (storeChanges(demo.store) !== changes) expect({ action, storedNothing: before !== null && storeHash(demo.store) === before }).toEqual({ action, storedNothing: true })
    }),
    { numRuns: RUNS, seed: 9_000_009 },
  )
  // The runs reached the handlers: successes and every kind of refusal, not just 400s.
  for (const code of ['ok', 'INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']) expect({ code, seen: (seen.get(code) ?? 0) > 20 }).toEqual({ code, seen: true })
}, 180_000)

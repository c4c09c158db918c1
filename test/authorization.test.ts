// Authorization (DESIGN section 6, rules 11 and 12): every action of the contract, as every kind of
// caller — anonymous, a resident, a worker, a community admin of this / another community, sub-district
// staff of this / another sub-district, the bureau — on the demo seed, through the function that serves
// it, gets exactly what THE table (src/core/access.ts) says: 401 for anonymous where an identity is
// needed, 403 for a role the table leaves out or for staff reaching beyond their own scope, and anything
// but 401/403 for an allowed caller (the payload may still earn a 400/404/409). A refused call stores
// nothing (SQLite counts no change). An action missing from the table fails the first test.
import { ACCESS, mayCall, type Who } from '@core/access'
import { payloadSchemas, type ActionName } from '@core/contract'
import { CALLERS, payloadOf, storeChanges, storeHash, type CallerKind } from './support/authorizationCalls'
import { demoCaller, type TestCaller } from './support/demoCaller'

// 2026-07-10 China time: June is the last month with demo activity.
const NOW = new Date('2026-07-10T02:00:00.000Z')

let demo: TestCaller
beforeAll(async () => {
  demo = await demoCaller({ now: NOW })
})
afterAll(() => demo.close())

const call = (action: ActionName, payload: unknown, openid: string | null) => demo.call(action, payload, openid)

const hasKey = (payload: unknown): boolean => typeof payload === 'object' && payload !== null && 'idempotencyKey' in payload

/** What the table says a caller gets: 401, 403, or 'allowed' (anything but 401/403). */
function expected(action: ActionName, caller: CallerKind): 'UNAUTHENTICATED' | 'FORBIDDEN' | 'allowed' {
  const access = ACCESS[action]
  if (!mayCall(action, caller.who)) return caller.who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'
  // Scoped by the payload: 温泉's staff and 淦河's admin on 浮山 / 银泉 / YQ04 are beyond their scope (the bureau is city-wide).
  if (access.scoped === 'target' && !caller.theirs) return 'FORBIDDEN'
  return 'allowed'
}

it('has every action of the contract in the table, and nothing else', () => {
  expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(payloadSchemas).sort())
  // Public reads stay open; rating and feedback are for residents and workers only (rule 11).
  const open = (Object.keys(ACCESS) as ActionName[]).filter((name) => mayCall(name, 'anonymous')).sort()
  expect(open).toEqual(['dev.identities', 'grid.directory', 'hall.card', 'invite.card', 'post.list', 'session.me', 'visit.card', 'worker.card'])
  expect([ACCESS['rating.submit'].who, ACCESS['feedback.submit'].who, ACCESS['hall.feedback'].who]).toEqual([['resident', 'worker'], ['resident', 'worker'], ['resident', 'worker']])
})

it('gives the city view, every sub-district at once, and its export to the bureau alone', () => {
  for (const action of ['city.overview', 'city.export'] as const) {
    expect(ACCESS[action]).toEqual({ who: ['bureau'], scoped: false })
    expect(CALLERS.filter((caller) => mayCall(action, caller.who)).map((caller) => caller.label)).toEqual(['the bureau'])
  }
})

// Sorted by action, so the sheet calls run save -> submit -> change for 浮山's staff.
const ORDER = (Object.keys(ACCESS) as ActionName[]).sort()
const CASES = ORDER.flatMap((action) => CALLERS.map((caller) => [action, caller.label, caller] as const))

it.each(CASES)('%s as %s answers what the table says', async (action, _label, caller) => {
  const payload = payloadOf(action, caller.who as Who, `${caller.label}-${action}`)
  // A submit with a key claims it and lets it go again when refused: compare every row there.
  const want = expected(action, caller)
  const unchanged = want === 'allowed' ? () => true : hasKey(payload) ? ((h) => () => storeHash(demo.store) === h)(storeHash(demo.store)) : ((n) => () => storeChanges(demo.store) === n)(storeChanges(demo.store))
  const reply = await call(action, payload, caller.openid)
  const got = reply.ok ? 'ok' : reply.code
  if (want === 'allowed') {
    expect({ action, caller: caller.label, got }).not.toMatchObject({ got: expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/) })
  } else {
    expect({ action, caller: caller.label, got }).toEqual({ action, caller: caller.label, got: want })
    expect({ action, caller: caller.label, storedNothing: unchanged() }).toEqual({ action, caller: caller.label, storedNothing: true })
  }
  // Never an internal error, and always in Chinese.
  expect(got).not.toBe('INTERNAL')
  if (!reply.ok) expect(reply.message).toMatch(/[\u4e00-\u9fff]/)
})

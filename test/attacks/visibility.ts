// A worker differencing what they can read around one new rating or feedback (DESIGN trust rule 5:
// nothing a worker reads changes at the moment of one rating or feedback, of any level). On the demo seed,
// with this month already under way for 银泉's 刘建华 (YQ01: five resident ratings, two visits rated and
// two still open, a field session running), the worker reads every action the access table lets a worker
// call that reads (and the public ones: their own card, the cards of their visits) for this month, this
// half-year, this year, last month and the last half-year; one rating or feedback comes in; the worker
// reads again at the same moment. Every reply must be the same. Before the rule, worker.results showed
// this month's live totals ((n+1)·after − n·before gives the new level), case.worker and appeal.mine
// listed a new bad rating at once, and visit.list / visit.card said 已评价 the moment feedback came.
import { ACCESS, mayCall } from '@core/access'
import type { ActionName } from '@core/contract'
import type { VisitSummary } from '@core/visits'
import { demoCaller, type TestCaller } from '../support/demoCaller'
import { freshKey } from '../support/keys'

// Friday 2026-07-10, 10:00 China time: June is the last month of demo activity, July is under way.
const NOW = new Date('2026-07-10T02:00:00.000Z')
const at = (iso: string) => new Date(iso)
const WORKER = 'dev-worker-YQ01'
const PERIODS = ['2026-07', '2026-H2', '2026', '2026-06', '2026-H1']

/**
 * What a worker may call that writes: left out of the differencing (a write changes what it writes). Every
 * other action a worker may call is read below; a new action must be put in one list or the other.
 */
const WORKER_WRITES: readonly ActionName[] = ['rating.submit', 'feedback.submit', 'hall.feedback', 'invite.accept', 'visit.log', 'field.start', 'field.end', 'appeal.file', 'case.confirm', 'case.contact']
/** The local runtime's identity switcher: absent from the cloud, and about no one's ratings. */
const NOT_IN_THE_CLOUD: readonly ActionName[] = ['dev.identities']

type Call = (action: ActionName, payload: unknown, openid: string | null, now?: Date) => Promise<unknown>

/** Every read a worker can make, each action with every payload that matters to it, keyed for the diff. */
function readsOf(visitCodes: readonly string[]): Array<{ key: string; action: ActionName; payload: unknown }> {
  const perPeriod = (action: ActionName) => PERIODS.map((period) => ({ key: `${action} ${period}`, action, payload: { period } }))
  return [
    { key: 'session.me', action: 'session.me', payload: {} },
    { key: 'worker.card', action: 'worker.card', payload: { workerCode: 'YQ01' } },
    { key: 'invite.card', action: 'invite.card', payload: { inviteCode: 'I0123456789abcde' } },
    { key: 'post.list', action: 'post.list', payload: {} },
    { key: 'grid.directory', action: 'grid.directory', payload: {} },
    { key: 'grid.directory yinquan', action: 'grid.directory', payload: { communityId: 'yinquan' } },
    { key: 'visit.list', action: 'visit.list', payload: {} },
    ...visitCodes.map((visitCode, i) => ({ key: `visit.card #${i}`, action: 'visit.card' as const, payload: { visitCode } })),
    { key: 'worker.qrcode', action: 'worker.qrcode', payload: {} },
    ...perPeriod('field.list'),
    ...perPeriod('gridtime.get'),
    { key: 'gridtime.trend', action: 'gridtime.trend', payload: {} },
    ...perPeriod('worker.results'),
    { key: 'appeal.mine', action: 'appeal.mine', payload: {} },
    { key: 'case.worker', action: 'case.worker', payload: {} },
    { key: 'case.mine', action: 'case.mine', payload: {} },
    // The hall's card: today's duty, never anything of a feedback.
    { key: 'hall.card', action: 'hall.card', payload: { hallCode: 'hall-yinquan' } },
  ]
}

export function visibilityAttacks(): void {
  describe('a worker differencing every reply around one new rating or feedback (trust rule 5)', () => {
    let demo: TestCaller
    let call: Call
    let openVisits: string[] = []
    let visitCodes: string[] = []

    beforeAll(async () => {
      demo = await demoCaller({ now: NOW })
      call = demo.call
      const ok = async (action: ActionName, payload: unknown, openid: string, now: Date) => {
        const reply = (await call(action, payload, openid, now)) as { ok: boolean; data?: unknown }
        if (!reply.ok) throw new Error(`${action} set-up failed: ${JSON.stringify(reply)}`)
        return reply.data
      }
      // This month so far: five residents rated YQ01 on Wednesday (n = 5: enough for a live total to show).
      const levels = [5, 4, 2, 5, 3]
      for (const [i, level] of levels.entries()) {
        const comment = i === 0 ? '很耐心，办事快' : undefined
        await ok('rating.submit', { workerCode: 'YQ01', level, ...(comment ? { comment } : {}), idempotencyKey: freshKey('vis') }, `visibility-resident-${i}`, at('2026-07-08T02:00:00.000Z'))
      }
      // Four visits logged yesterday; two rated yesterday, two still open (7 days).
      const logged: string[] = []
      for (const type of ['关爱走访', '政策宣传', '帮办代办', '入户登记']) {
        const visit = (await ok('visit.log', { type, place: '银泉花园3栋' }, WORKER, at('2026-07-09T01:00:00.000Z'))) as { visitCode: string }
        logged.push(visit.visitCode)
      }
      for (const [i, visitCode] of logged.slice(0, 2).entries()) {
        await ok('feedback.submit', { visitCode, level: i === 0 ? 5 : 1, idempotencyKey: freshKey('vis') }, `visibility-served-${i}`, at('2026-07-09T03:00:00.000Z'))
      }
      openVisits = logged.slice(2)
      // Every visit the worker knows of, June's demo visits too: each one's card is read.
      visitCodes = ((await ok('visit.list', {}, WORKER, NOW)) as VisitSummary[]).map((visit) => visit.visitCode)
      expect(visitCodes).toEqual(expect.arrayContaining(logged))
      // Out in the grid since 08:00 today: the new rating comes in while the session runs.
      await ok('field.start', { grid: '银泉花园' }, WORKER, at('2026-07-10T00:00:00.000Z'))
    })
    afterAll(() => demo.close())

    it('reads every action a worker may call, except the writes', () => {
      const workerMay = (Object.keys(ACCESS) as ActionName[]).filter((action) => mayCall(action, 'worker'))
      const read = new Set(readsOf([]).map((r) => r.action).concat('visit.card'))
      const unclassified = workerMay.filter((action) => !read.has(action) && !WORKER_WRITES.includes(action) && !NOT_IN_THE_CLOUD.includes(action))
      expect(unclassified).toEqual([])
    })

    async function readAll(): Promise<Map<string, string>> {
      const replies = new Map<string, string>()
      for (const { key, action, payload } of readsOf(visitCodes)) replies.set(key, JSON.stringify(await call(action, payload, WORKER)))
      return replies
    }

    /** The keys whose reply differs: [] when nothing a worker reads changed. */
    function changed(before: Map<string, string>, after: Map<string, string>): string[] {
      return [...before.keys()].filter((key) => before.get(key) !== after.get(key))
    }

    const newcomers: Array<{ what: string; submit: () => Promise<unknown> }> = [
      { what: 'a resident rating of level 1 with a comment', submit: () => call('rating.submit', { workerCode: 'YQ01', level: 1, comment: '态度很差，不耐烦', idempotencyKey: freshKey('vis') }, 'visibility-new-rater-1') },
      { what: 'a resident rating of level 5 with a comment', submit: () => call('rating.submit', { workerCode: 'YQ01', level: 5, comment: '很热情，解决了问题', idempotencyKey: freshKey('vis') }, 'visibility-new-rater-2') },
      { what: 'a feedback of level 1 with a comment on an open visit', submit: () => call('feedback.submit', { visitCode: openVisits[0], level: 1, comment: '没有解决问题', idempotencyKey: freshKey('vis') }, 'visibility-new-served-1') },
      { what: 'a feedback of level 5 on an open visit', submit: () => call('feedback.submit', { visitCode: openVisits[1], level: 5, idempotencyKey: freshKey('vis') }, 'visibility-new-served-2') },
      // 刘建华 was at the hall's window on Tuesday 07-07 (the demo's rota): a feedback given there, this month.
      {
        what: 'a feedback of level 1 with a comment at the hall’s window',
        submit: () => call('hall.feedback', { hallCode: 'hall-yinquan', workerCode: 'YQ01', level: 1, comment: '窗口等了很久', idempotencyKey: freshKey('vis') }, 'visibility-new-hall-1', at('2026-07-07T02:00:00.000Z')),
      },
    ]

    for (const { what, submit } of newcomers) {
      it(`changes no reply a worker can get when ${what} comes in`, async () => {
        const before = await readAll()
        // The reads did read: the worker's own visits, cards and results answered.
        expect([...before.values()].filter((reply) => reply.startsWith('{"ok":true')).length).toBeGreaterThan(20)
        expect(await submit()).toMatchObject({ ok: true })
        expect(changed(before, await readAll())).toEqual([])
      })
    }

    it('lets a rating during a field session corroborate it only from the next day, not at once', async () => {
      // The session running since 08:00 saw the two new ratings at 10:00; the worker ends it at 10:30.
      const ended = at('2026-07-10T02:30:00.000Z')
      expect(await call('field.end', {}, WORKER, ended)).toMatchObject({ ok: true })
      const sessionOf = async (now: Date) => {
        const reply = (await call('field.list', { period: '2026-07' }, WORKER, now)) as { data: { sessions: Array<{ startedAt: string; corroborated: boolean }> } }
        return reply.data.sessions.find((session) => session.startedAt === '2026-07-10T00:00:00.000Z')
      }
      // The same as had nobody rated: no visit was logged in it.
      expect(await sessionOf(ended)).toMatchObject({ corroborated: false })
      // 2026-07-10 23:59 China: still the day of the ratings. 2026-07-11 00:00 China: it has passed.
      expect(await sessionOf(at('2026-07-10T15:59:00.000Z'))).toMatchObject({ corroborated: false })
      expect(await sessionOf(at('2026-07-10T16:00:00.000Z'))).toMatchObject({ corroborated: true })
    })
  })
}

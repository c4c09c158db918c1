// Attacks on ids (DESIGN trust rule 5): no id, token or pseudonym that leaves the
// back end is a plain hash of something a caller knows; no secret has a default in the source; the demo's
// visit codes cannot be guessed. Run by test/attacks.test.ts (idsAttacks).
//
// Each demo is seeded with random keys of its own, as each deployment has, not this test process's keys.
import { createHash, randomBytes } from 'node:crypto'
import type { ActionName } from '@core/contract'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { demoCaller } from '../support/demoCaller'
import { startLocalRuntime } from '../support/localRuntime'

// 2026-07-28 10:00 China time; the month closes on Saturday 08-01, and 08-03 is a Monday.
const RATED_AT = new Date('2026-07-28T02:00:00.000Z')
const MONTH_CLOSED = new Date('2026-08-03T02:00:00.000Z')
const WORKER = 'dev-worker-YQ01'
const WORKER_CODE = 'YQ01'
const ADMIN = 'dev-community-yinquan'
const STAFF = 'dev-subdistrict-fushan'
const BUREAU = 'dev-bureau'
/** The person served, and a resident who rates; the worker might well know a neighbour's openid. */
const RECIPIENT = 'attack-recipient-1'
const RATER = 'attack-resident-1'

const keys = () => ({ pseudonymKey: randomBytes(32).toString('hex'), clientHashKey: randomBytes(32).toString('hex'), idKey: randomBytes(32).toString('hex') })

interface World {
  store: SqliteStore
  now: Date
  call(action: ActionName, payload: unknown, openid: string | null): Promise<{ ok: boolean; data?: unknown; code?: string }>
}

/** The demo seeded with keys of its own, set up, at RATED_AT (a test moves `now`). */
function demoWorld(): Promise<World> {
  return demoCaller({ now: RATED_AT, keys: keys() })
}

/** Every string in a reply, however deep. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into)
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsOf(item, into)
  return into
}

/** The plain hashes anyone can compute of a text: sha256 (hex, its first 32, base64url), sha1, md5. */
function plainHashesOf(text: string): string[] {
  const sha256 = createHash('sha256').update(text, 'utf8').digest()
  return [sha256.toString('hex'), sha256.toString('hex').slice(0, 32), sha256.toString('base64url'), createHash('sha1').update(text, 'utf8').digest('hex'), createHash('md5').update(text, 'utf8').digest('hex')]
}

/** What a worker knows or can guess: their visit codes, a neighbour's openid, their own session starts. */
function knownTexts(codes: string[], openids: string[], months: string[], sessionStarts: string[]): string[] {
  const texts: string[] = []
  for (const code of codes) texts.push(code, `recipient|${code}`, `resident|${code}`, `appeal|recipient|${code}`, `case|${code}`)
  for (const openid of openids) {
    for (const month of months) {
      const residentId = createHash('sha256').update(`${openid}|${WORKER_CODE}|${month}`, 'utf8').digest('hex').slice(0, 32)
      texts.push(`${openid}|${WORKER_CODE}|${month}`, `resident|${residentId}`, `appeal|resident|${residentId}`)
    }
  }
  for (const startedAt of sessionStarts) texts.push(`field|${WORKER_CODE}|${startedAt}`)
  return texts
}

export function idsAttacks(): void {
  describe('ids: hashing what a worker knows finds nothing (trust rule 5)', () => {
    let world: World
    beforeAll(async () => {
      world = await demoWorld()
    })
    afterAll(() => world.store.close())

    it('a worker hashes every visit code they know and every string they can guess: no id in any reply, theirs or staff’s, matches', async () => {
      const { call } = world
      const replies: Array<{ label: string; reply: unknown }> = []
      const keep = async (label: string, action: ActionName, payload: unknown, openid: string | null) => {
        const reply = await call(action, payload, openid)
        replies.push({ label, reply })
        return reply
      }
      // The worker logs a visit, goes down into the grid, the person served gives it 非常不满意 and a
      // resident gives the worker 非常不满意 (the bad review a worker would most like to trace).
      const logged = await keep('visit.log', 'visit.log', { type: '关爱走访' }, WORKER)
      expect(logged.ok).toBe(true)
      const visitCode = (logged.data as { visitCode: string }).visitCode
      await keep('field.start', 'field.start', { grid: '银泉花园' }, WORKER)
      expect((await keep('feedback.submit', 'feedback.submit', { visitCode, level: 1, idempotencyKey: 'attack-ids-feedback-1' }, RECIPIENT)).ok).toBe(true)
      expect((await keep('rating.submit', 'rating.submit', { workerCode: WORKER_CODE, level: 1, idempotencyKey: 'attack-ids-rating-1' }, RATER)).ok).toBe(true)
      world.now = new Date(RATED_AT.getTime() + 3 * 3_600_000)
      await keep('field.end', 'field.end', {}, WORKER)
      // The community admin calls both raters back: the admin's action that hands a case to its worker.
      const listed = await keep('case.list (admin)', 'case.list', {}, ADMIN)
      const cases = ((listed.data as { cases?: Array<{ caseId: string }> } | undefined)?.cases ?? [])
      expect(cases.length).toBeGreaterThanOrEqual(2)
      for (const c of cases) {
        await keep('case.get (admin)', 'case.get', { caseId: c.caseId }, ADMIN)
        await keep('case.callback (admin)', 'case.callback', { caseId: c.caseId, reached: true, outcome: '已电话联系，了解情况' }, ADMIN)
      }

      const workerReads = async (when: string) => {
        const month = '2026-07'
        for (const [action, payload] of [
          ['session.me', {}], ['worker.card', { workerCode: WORKER_CODE }], ['worker.qrcode', {}], ['visit.list', {}], ['visit.card', { visitCode }],
          ['field.list', { period: month }], ['gridtime.get', { period: month }], ['gridtime.trend', {}],
          ['worker.results', { period: month }], ['worker.results', { period: '2026-H2' }], ['worker.results', { period: '2026' }], ['worker.results', { period: '2026-06' }],
          ['case.worker', {}], ['appeal.mine', {}],
        ] as Array<[ActionName, unknown]>) await keep(`${action} (worker, ${when})`, action, payload, WORKER)
      }
      await workerReads('same day')
      world.now = MONTH_CLOSED
      await workerReads('closed')
      // The worker appeals the bad ratings, by the tokens appeal.mine gave.
      const mine = replies.filter((r) => r.label === 'appeal.mine (worker, closed)').map((r) => r.reply as { data?: { ratings?: Array<{ token: string }> } })
      for (const { token } of mine[0]?.data?.ratings ?? []) await keep('appeal.file (worker)', 'appeal.file', { token, reason: '当天我在社区值班，评价与事实不符', idempotencyKey: `attack-ids-appeal-${token.slice(0, 8)}` }, WORKER)
      // Staff see the same ratings: ids there must not be plain hashes either.
      await keep('case.list (admin, closed)', 'case.list', {}, ADMIN)
      for (const [action, payload, openid] of [
        ['case.list', {}, STAFF], ['review.list', {}, STAFF], ['comment.list', {}, STAFF], ['appeal.list', {}, STAFF], ['audit.list', {}, BUREAU], ['review.list', {}, BUREAU],
      ] as Array<[ActionName, unknown, string]>) await keep(`${action} (${openid})`, action, payload, openid)

      // What the worker knows: every visit code visit.list ever showed them, their field sessions' starts.
      const codes = new Set<string>([visitCode])
      const starts = new Set<string>()
      for (const { label, reply } of replies) {
        const data = (reply as { data?: unknown }).data
        if (label.startsWith('visit.list') && Array.isArray(data)) for (const v of data as Array<{ visitCode: string }>) codes.add(v.visitCode)
        if (label.startsWith('field.list')) for (const s of ((data as { sessions?: Array<{ startedAt: string }> } | undefined)?.sessions ?? [])) starts.add(s.startedAt)
        if (label === 'field.start') starts.add(((data as { startedAt?: string } | undefined)?.startedAt) ?? '')
      }
      // They logged every visit of theirs, so they know the demo's older codes too, not only what visit.list still shows.
      for (const v of await world.store.visits.listVisits(WORKER_CODE, '2025-01-01T00:00:00.000Z', MONTH_CLOSED.toISOString())) codes.add(v.visitCode)
      expect(codes.size).toBeGreaterThan(20)
      const texts = knownTexts([...codes], [RATER, RECIPIENT], ['2026-07'], [...starts])
      const guesses = texts.flatMap((text) => plainHashesOf(text).map((hash) => ({ text, hash })))

      const found: string[] = []
      for (const { label, reply } of replies) {
        for (const s of stringsOf(reply)) {
          for (const { text, hash } of guesses) if (s.includes(hash)) found.push(`${label}: ${s} = hash of "${text}"`)
          // A visit code itself goes back only where it is the worker's own visit (its log, list and card) or the feedback on it.
          if (!/^(visit\.(log|list|card)|feedback\.submit)/.test(label)) for (const code of codes) if (s.includes(code)) found.push(`${label}: names visit ${code}`)
        }
      }
      expect(found).toEqual([])
      // The calls did reach the replies that carry ids: a case id, a token, a session, a rating's reply id.
      const answered = (prefix: string) => replies.some((r) => r.label.startsWith(prefix) && (r.reply as { ok: boolean }).ok)
      for (const prefix of ['case.worker', 'appeal.mine', 'field.end', 'rating.submit', 'case.get', 'review.list', 'audit.list']) expect({ prefix, answered: answered(prefix) }).toEqual({ prefix, answered: true })
    })
  })

  describe('ids: the demo’s visit codes cannot be guessed', () => {
    it('has no vis-/svc- codes, and two demos seeded at the same moment share none', async () => {
      const [a, b] = [await demoWorld(), await demoWorld()]
      try {
        const codesOf = async (store: SqliteStore) => {
          const codes: string[] = []
          for (const worker of await store.listWorkers('fushan')) codes.push(...(await store.visits.listVisits(worker.code, '2025-01-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z')).map((v) => v.visitCode))
          return codes
        }
        const [first, second] = [await codesOf(a.store), await codesOf(b.store)]
        expect(first.length).toBeGreaterThan(1000)
        // The shape of a real visit's code (domain/visitCodes.ts), never `vis-<worker>-<month>-<k>`.
        expect(first.filter((code) => !/^V[0-9A-Za-z]{15}$/.test(code))).toEqual([])
        // Derived from the seed (or the date), the same code would come out twice: anyone could rate it.
        const again = new Set(second)
        expect(first.filter((code) => again.has(code))).toEqual([])
      } finally {
        a.store.close()
        b.store.close()
      }
    })
  })

  describe('ids: no secret has a default in the source', () => {
    it('two fresh local runtimes, no key in their environment, name the same demo rater and review item differently', async () => {
      const unset = { PSEUDONYM_KEY: '', CLIENT_HASH_KEY: '', ID_KEY: '' }
      const runtimes = [await startLocalRuntime(unset), await startLocalRuntime(unset)]
      try {
        const reviews = await Promise.all(runtimes.map(async (runtime) => {
          const response = await fetch(`${runtime.url}/cloud/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': STAFF }, body: JSON.stringify({ action: 'review.list', payload: {} }) })
          const reply = (await response.json()) as { ok: boolean; data: { items: Array<{ id: string; rater: string; workerCode: string; submittedAt: string }> } }
          expect(reply.ok).toBe(true)
          return reply.data.items
        }))
        // The demo's burst: the same 12 ratings in both, by the same 12 people.
        expect(reviews[0].length).toBe(12)
        const key = (item: { workerCode: string; submittedAt: string }) => `${item.workerCode}|${item.submittedAt}`
        const other = new Map(reviews[1].map((item) => [key(item), item]))
        for (const item of reviews[0]) {
          const twin = other.get(key(item))
          expect(twin).toBeDefined()
          expect(twin?.rater).not.toBe(item.rater)
          expect(twin?.id).not.toBe(item.id)
        }
      } finally {
        await Promise.all(runtimes.map((runtime) => runtime.stop()))
      }
    }, 120_000)
  })
}

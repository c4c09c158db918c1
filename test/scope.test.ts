// Scope (DESIGN section 1): sub-district staff see and act on their own sub-district only, a
// community admin on their own community only. One table names every staff action that takes a
// sub-district, community or worker; each is called as 浮山's staff on 温泉's records, as 温泉's on 浮山's,
// and as each community admin on each other community's, on the demo seed: every call is 403 FORBIDDEN
// and the store is byte-for-byte what it was. An action of the contract the table does not classify
// fails the first test, so a new action cannot slip past scope unnoticed.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { payloadSchemas, type ActionName } from '@core/contract'
import { demoCaller, type TestCaller } from './support/demoCaller'

// 2026-07-10 China time: June is the last month with demo activity.
const NOW = new Date('2026-07-10T02:00:00.000Z')
const PERIOD = '2026-06'
const OPEN_PERIOD = '2026-07'

/** Whose records a call is aimed at: a sub-district, one of its communities and a worker of it. */
interface Target { subdistrictId: string; communityId: string; workerCode: string }

/** Every demo worker of the target's sub-district scored 75 (浮山: YQ01-18, QL01-12; 温泉: GH01-06): a submittable sheet. */
const sheetRowsOf = (t: Target) =>
  (t.subdistrictId === 'fushan' ? [['YQ', 18], ['QL', 12]] as const : [['GH', 6]] as const).flatMap(([prefix, n]) =>
    Array.from({ length: n }, (_, i) => ({ workerCode: `${prefix}${String(i + 1).padStart(2, '0')}`, points: [30, 30, 15] })))

/** THE table: every staff action that takes a sub-district, community or worker, with its payload. */
const SCOPED: Partial<Record<ActionName, (t: Target) => unknown>> = {
  'evaluation.get': (t) => ({ period: PERIOD, subdistrictId: t.subdistrictId }),
  // The demo's closed months have submitted sheets, which lock their scores: a score of the open month.
  'score.submit': (t) => ({ workerCode: t.workerCode, period: OPEN_PERIOD, score: 80, idempotencyKey: 'scope-score' }),
  'gridtime.get': (t) => ({ period: PERIOD, workerCode: t.workerCode }),
  'gridtime.trend': (t) => ({ workerCode: t.workerCode }),
  // Reports: a community of the target's sub-district; a worker's 12-month trend.
  'report.get': (t) => ({ kind: 'month', period: PERIOD, subdistrictId: t.subdistrictId, communityId: t.communityId }),
  'report.trend': (t) => ({ workerCode: t.workerCode }),
  'report.export': (t) => ({ kind: 'month', period: PERIOD, subdistrictId: t.subdistrictId, communityId: t.communityId }),
  'invite.create': (t) => ({ workerCode: t.workerCode }),
  // Scoring sheets: own-scope calls run in this order: save (2025-11), submit every row (2025-12), change it;
  // months before the demo's, which has a submitted sheet in each of its own.
  'sheet.get': (t) => ({ kind: 'period', period: PERIOD, subdistrictId: t.subdistrictId }),
  'sheet.save': (t) => ({ kind: 'period', period: '2025-11', subdistrictId: t.subdistrictId, version: 0, rows: [{ workerCode: t.workerCode, points: [30, 30, 15] }] }),
  'sheet.submit': (t) => ({ kind: 'period', period: '2025-12', subdistrictId: t.subdistrictId, version: 0, rows: sheetRowsOf(t), idempotencyKey: 'scope-submit' }),
  'sheet.change': (t) => ({ kind: 'period', period: '2025-12', subdistrictId: t.subdistrictId, version: 1, rows: [{ workerCode: t.workerCode, points: [31, 30, 15] }], reason: '复核后更正得分', idempotencyKey: 'scope-change' }),
  // Organisation: a grid and a worker of the target's community, an admin invite for it.
  'grid.save': (t) => ({ gridId: `${t.communityId}-g1`, name: '第一网格', households: 400 }),
  'worker.update': (t) => ({ workerCode: t.workerCode, postId: 'zhuanzhi', gridId: `${t.communityId}-g1`, active: true }),
  'org.invite': (t) => ({ role: 'community', communityId: t.communityId, name: '新管理员' }),
  // Appeals: the sub-district's queue.
  'appeal.list': (t) => ({ subdistrictId: t.subdistrictId }),
  // Held comments: the sub-district's moderation queue.
  'comment.list': (t) => ({ subdistrictId: t.subdistrictId }),
  // Suspicious ratings: the sub-district's review queue.
  'review.list': (t) => ({ subdistrictId: t.subdistrictId }),
  // Bad-review cases: a community's cases (a community admin names only their own).
  'case.list': (t) => ({ subdistrictId: t.subdistrictId, communityId: t.communityId }),
  // The service hall: a community's rota and its code (a community admin names only their own).
  'hall.rota.get': (t) => ({ communityId: t.communityId, period: OPEN_PERIOD }),
  'hall.qrcode': (t) => ({ communityId: t.communityId }),
}

/** Staff actions whose scope is the caller's own workplace, never a payload: checked on what they return. */
const OWN_SCOPE_ONLY: ActionName[] = ['community.workers', 'org.list', 'community.grids']

/** Not a staff action on a sub-district, community or worker, and why. */
const NOT_SCOPED: Partial<Record<ActionName, string>> = {
  'dev.identities': 'the local runtime’s identity switcher',
  'session.me': 'the caller’s own session',
  'worker.card': 'public: any worker’s card',
  'rating.submit': 'residents rate any worker',
  'admin.setup': 'first-run set-up of the whole city',
  'invite.card': 'public: the invite’s own card',
  'invite.accept': 'binds the caller to the invite’s record',
  'post.list': 'public: the city’s post catalogue',
  'post.save': 'the bureau’s city-wide post catalogue',
  'grid.directory': 'public: the city’s directory',
  'visit.log': 'a worker’s own visit',
  'visit.list': 'a worker’s own visits',
  'visit.card': 'public: the card of a visit',
  'feedback.submit': 'the person served',
  'worker.qrcode': 'a worker’s own code',
  'field.start': 'a worker’s own field time',
  'field.end': 'a worker’s own field time',
  'field.list': 'a worker’s own field time',
  'worker.results': 'a worker’s own results',
  'settings.get': 'the city-wide settings',
  'settings.save': 'the bureau’s city-wide settings',
  'org.subdistrict.save': 'the bureau’s city-wide organisation (403 for all staff: test/handlers.org.test.ts)',
  'org.community.save': 'the bureau’s city-wide organisation (403 for all staff: test/handlers.org.test.ts)',
  'org.template': 'the bureau’s city-wide roster (403 for all staff: test/handlers.roster.test.ts)',
  'org.import': 'the bureau’s city-wide roster (403 for all staff: test/handlers.roster.test.ts)',
  'org.uploadPath': 'the bureau’s own upload folder (403 for all staff: test/cloud/filesUploads.test.ts)',
  'appeal.mine': 'a worker’s own bad ratings',
  'appeal.file': 'a worker’s own bad rating',
  'appeal.decide': 'names an appeal: its own sub-district is checked on the stored appeal (403 for 温泉’s staff: test/handlers.appeals.test.ts)',
  'comment.decide': 'names a rating: its own sub-district is checked on the stored rating (403 for 温泉’s staff: test/handlers.comments.test.ts)',
  'comment.report': 'a comment on a worker’s own rating (another worker’s: 403, test/handlers.contentReports.test.ts)',
  'note.report': 'the note of the rater’s own case (anyone else: 403, test/handlers.contentReports.test.ts)',
  'note.decide': 'names a case: its own sub-district is checked on the stored case (403 for 温泉’s staff: test/handlers.contentReports.test.ts)',
  'audit.list': 'the bureau’s city-wide audit log (403 for all other staff: test/handlers.audit.test.ts)',
  'city.overview': 'the bureau’s view of every sub-district (403 for all other staff: test/authorization.test.ts)',
  'city.export': 'the bureau’s view of every sub-district (403 for all other staff: test/authorization.test.ts)',
  'review.decide': 'names a review item: its own sub-district is checked on the stored item (403 for 温泉’s staff: test/handlers.reviews.test.ts)',
  'review.decideBatch': 'names review items: each one’s sub-district is checked on the stored item, and one beyond refuses the batch (403 for 温泉’s staff: test/handlers.reviewBatch.test.ts)',
  'workbench.get': 'the caller’s own scope, from their record: counts only (test/handlers.workbench.test.ts)',
  'case.get': 'names a case: its own community / sub-district is checked on the stored case (403: test/handlers.cases.test.ts)',
  'case.callback': 'names a case: its own community is checked on the stored case (403: test/handlers.cases.test.ts)',
  'case.rectify': 'names a case: its own community is checked on the stored case (403: test/handlers.cases.test.ts)',
  'case.mine': 'the rater’s own cases',
  'case.confirm': 'the rater’s own case (anyone else: 403, test/handlers.cases.test.ts)',
  'case.contact': 'the rater’s own case',
  'case.worker': 'a worker’s own cases',
  'hall.rota.generate': 'a community admin’s own community, from their record (test/handlers.hallRota.test.ts)',
  'hall.rota.save': 'a community admin’s own community, from their record (test/handlers.hallRota.test.ts)',
  'hall.card': 'public: the card of a community’s hall',
  'hall.feedback': 'the person served at the window',
}

const FUSHAN_YQ: Target = { subdistrictId: 'fushan', communityId: 'yinquan', workerCode: 'YQ04' }
const FUSHAN_QL: Target = { subdistrictId: 'fushan', communityId: 'qinglong', workerCode: 'QL05' }
const WENQUAN_GH: Target = { subdistrictId: 'wenquan', communityId: 'ganhe', workerCode: 'GH04' }

/** [caller, their own records, someone else's records]. */
const CROSSINGS: Array<[string, Target, Target]> = [
  ['dev-subdistrict-fushan', FUSHAN_YQ, WENQUAN_GH],
  ['dev-subdistrict-wenquan', WENQUAN_GH, FUSHAN_YQ],
  ['dev-community-yinquan', FUSHAN_YQ, FUSHAN_QL],
  ['dev-community-yinquan', FUSHAN_YQ, WENQUAN_GH],
  ['dev-community-qinglong', FUSHAN_QL, FUSHAN_YQ],
  ['dev-community-qinglong', FUSHAN_QL, WENQUAN_GH],
  ['dev-community-ganhe', WENQUAN_GH, FUSHAN_YQ],
  ['dev-community-ganhe', WENQUAN_GH, FUSHAN_QL],
]

let demo: TestCaller
beforeAll(async () => {
  demo = await demoCaller({ now: NOW })
})
afterAll(() => demo.close())

/** Each action through the function that serves it (src/core/functions.ts); `files` with files in memory. */
const call = (action: ActionName, payload: unknown, openid: string) => demo.call(action, payload, openid)

/**
 * Every row of every table, hashed: equal before and after means the call stored nothing. Hashing the
 * demo takes a tenth of a second, so it is hashed again only after SQLite counted a change on the
 * store's connection (total_changes()); a claim taken and released still gets compared by content.
 */
let hashed: { changes: number; hash: string } | undefined
function snapshot(): string {
  // Cases queued after their ratings count as stored (backend/cases/sqlitePendingOpenings.ts).
  demo.store.caseOpenings.settle()
  const db = (demo.store as unknown as { db: Database.Database }).db
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number
  if (hashed?.changes === changes) return hashed.hash
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  const hash = createHash('sha256')
  for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()))
  hashed = { changes, hash: hash.digest('hex') }
  return hashed.hash
}

it('classifies every action of the contract exactly once', () => {
  const classified = [...Object.keys(SCOPED), ...OWN_SCOPE_ONLY, ...Object.keys(NOT_SCOPED)]
  expect(classified.filter((name, i) => classified.indexOf(name) !== i)).toEqual([])
  // An action added to the contract without a line here fails this: scope it in SCOPED, or say why not.
  expect([...classified].sort()).toEqual(Object.keys(payloadSchemas).sort())
})

describe.each(Object.entries(SCOPED))('%s on another sub-district or community', (action, payloadOf) => {
  const cases = CROSSINGS.map(([caller, , other]) => [caller, `${other.subdistrictId}/${other.communityId}/${other.workerCode}`, other] as const)
  it.each(cases)('is 403 FORBIDDEN for %s on %s, and stores nothing', async (caller, _label, other) => {
    const before = snapshot()
    const reply = await call(action as ActionName, payloadOf(other), caller)
    expect(reply).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(snapshot()).toBe(before)
  })
})

describe('community.workers', () => {
  it('lists a community admin’s own community only — 银泉 18, 青龙 12, 淦河 6 — and is 403 for sub-district staff', async () => {
    const codes = async (openid: string) => {
      const reply = await call('community.workers', {}, openid)
      if (!reply.ok) throw new Error(JSON.stringify(reply))
      return (reply.data as { workers: Array<{ workerCode: string }> }).workers.map((w) => w.workerCode)
    }
    const [yinquan, qinglong, ganhe] = [await codes('dev-community-yinquan'), await codes('dev-community-qinglong'), await codes('dev-community-ganhe')]
    expect([yinquan.length, qinglong.length, ganhe.length]).toEqual([18, 12, 6])
    expect(yinquan.every((c) => c.startsWith('YQ')) && qinglong.every((c) => c.startsWith('QL')) && ganhe.every((c) => c.startsWith('GH'))).toBe(true)
    for (const staff of ['dev-subdistrict-fushan', 'dev-subdistrict-wenquan']) {
      expect(await call('community.workers', {}, staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

describe('org.list and community.grids', () => {
  const dataOf = async <T>(action: ActionName, openid: string): Promise<T> => {
    const reply = await call(action, {}, openid)
    if (!reply.ok) throw new Error(JSON.stringify(reply))
    return reply.data as T
  }
  it('lists sub-district staff their own sub-district only: 浮山 银泉+青龙, 温泉 淦河; the bureau both; admins 403', async () => {
    const listed = async (openid: string) =>
      (await dataOf<{ subdistricts: Array<{ subdistrictId: string; communities: Array<{ communityId: string }> }> }>('org.list', openid)).subdistricts.map(
        (s) => [s.subdistrictId, s.communities.map((c) => c.communityId).sort()],
      )
    expect(await listed('dev-subdistrict-fushan')).toEqual([['fushan', ['qinglong', 'yinquan']]])
    expect(await listed('dev-subdistrict-wenquan')).toEqual([['wenquan', ['ganhe']]])
    expect((await listed('dev-bureau')).map(([id]) => id).sort()).toEqual(['fushan', 'wenquan'])
    expect(await call('org.list', {}, 'dev-community-yinquan')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('gives each community admin their own community’s grids — 银泉 6, 青龙 4, 淦河 3 — and is 403 for sub-district staff', async () => {
    const grids = async (openid: string) => (await dataOf<{ grids: Array<{ gridId: string }> }>('community.grids', openid)).grids.map((g) => g.gridId)
    const [yinquan, qinglong, ganhe] = [await grids('dev-community-yinquan'), await grids('dev-community-qinglong'), await grids('dev-community-ganhe')]
    expect([yinquan.length, qinglong.length, ganhe.length]).toEqual([6, 4, 3])
    expect([yinquan, qinglong, ganhe].every((ids, i) => ids.every((id) => id.startsWith(['yinquan-', 'qinglong-', 'ganhe-'][i])))).toBe(true)
    expect(await call('community.grids', {}, 'dev-subdistrict-fushan')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

it('lets the same callers reach their own records, so the 403s above are about scope, not a bad payload', async () => {
  // Each table action succeeds for at least one caller on its own records (roles differ per action).
  for (const [action, payloadOf] of Object.entries(SCOPED)) {
    const succeeded: string[] = []
    for (const [caller, own] of CROSSINGS) {
      if ((await call(action as ActionName, payloadOf(own), caller)).ok) succeeded.push(caller)
    }
    expect({ action, anyone: succeeded.length > 0 }).toEqual({ action, anyone: true })
  }
  // 温泉's staff scored their own GH04 for July just now: 80, entered by them.
  const scores = await demo.store.listSubdistrictScores('wenquan', [OPEN_PERIOD])
  expect(scores.find((s) => s.workerCode === 'GH04')).toMatchObject({ score: 80, enteredBy: 'dev-subdistrict-wenquan' })
})

// The callers and payloads of test/authorization.test.ts (and of test/fuzz.property.test.ts): every kind
// of caller on the demo seed, and one schema-valid payload per action aimed at 浮山 / 银泉 / YQ04, so
// that a 401 or 403 is about who calls, never about a bad payload.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { ActionName } from '@core/contract'
import type { Who } from '@core/access'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { SqliteStore } from '@backend/store/sqlite/sqliteStore'

export const PERIOD = '2026-06'

/** A kind of caller: who they are to the table, and whether the payload's records are theirs. */
export interface CallerKind { label: string; who: Who; openid: string | null; theirs: boolean }

export const CALLERS: CallerKind[] = [
  { label: 'anonymous', who: 'anonymous', openid: null, theirs: false },
  { label: 'a resident', who: 'resident', openid: 'dev-resident-1', theirs: false },
  // 青龙's worker: of 浮山, but not of 银泉, so rating YQ04 is no conflict of interest (rule 11).
  { label: 'a worker (QL01)', who: 'worker', openid: 'dev-worker-QL01', theirs: true },
  { label: '银泉’s community admin', who: 'community', openid: 'dev-community-yinquan', theirs: true },
  { label: '淦河’s community admin', who: 'community', openid: 'dev-community-ganhe', theirs: false },
  { label: '浮山’s sub-district staff', who: 'subdistrict', openid: 'dev-subdistrict-fushan', theirs: true },
  { label: '温泉’s sub-district staff', who: 'subdistrict', openid: 'dev-subdistrict-wenquan', theirs: false },
  { label: 'the bureau', who: 'bureau', openid: 'dev-bureau', theirs: true },
]

const rows = [{ workerCode: 'YQ04', points: [30, 30, 15] }]

/** One schema-valid payload per action, on 浮山 / 银泉 / YQ04; `key` makes idempotency keys unique per call. */
export function payloadOf(action: ActionName, who: Who, key: string): unknown {
  const idempotencyKey = `auth-${key}`.slice(0, 64)
  // A worker's grid time is their own: they name no worker (naming another is 403, test/handlers.*).
  if (who === 'worker' && (action === 'gridtime.get' || action === 'gridtime.trend')) return action === 'gridtime.get' ? { period: PERIOD } : {}
  const payloads: Record<ActionName, unknown> = {
    'dev.identities': {},
    'session.me': {},
    'worker.card': { workerCode: 'YQ04' },
    'rating.submit': { workerCode: 'YQ04', level: 4, idempotencyKey },
    'score.submit': { workerCode: 'YQ04', period: PERIOD, score: 80, idempotencyKey },
    'evaluation.get': { period: PERIOD, subdistrictId: 'fushan' },
    'admin.setup': { demo: false },
    'invite.create': { workerCode: 'YQ04' },
    'invite.card': { inviteCode: 'I0123456789abcde' },
    'invite.accept': { inviteCode: 'I0123456789abcde' },
    'community.workers': {},
    'post.list': {},
    'post.save': { post: { postId: 'zhuanzhi', name: '专职社区工作者', duties: ['包保一个网格'] } },
    'grid.directory': { communityId: 'yinquan' },
    'visit.log': { type: '关爱走访' },
    'visit.list': {},
    'visit.card': { visitCode: 'V0123456789abcde' },
    'feedback.submit': { visitCode: 'V0123456789abcde', level: 4, idempotencyKey },
    'worker.qrcode': {},
    'field.start': { grid: '青龙花园' },
    'field.end': {},
    'field.list': { period: PERIOD },
    'gridtime.get': { period: PERIOD, workerCode: 'YQ04' },
    'gridtime.trend': { workerCode: 'YQ04' },
    'worker.results': { period: PERIOD },
    'settings.get': {},
    'settings.save': { settings: DEFAULT_SETTINGS, reason: '按省里要求调整' },
    'org.list': {},
    'org.subdistrict.save': { name: '新街道办事处' },
    'org.community.save': { subdistrictId: 'fushan', name: '新社区' },
    'community.grids': {},
    'grid.save': { gridId: 'yinquan-g1', name: '第一网格', households: 400 },
    'worker.update': { workerCode: 'YQ04', postId: 'zhuanzhi', gridId: 'yinquan-g1', active: true },
    'org.invite': { role: 'community', communityId: 'yinquan', name: '新管理员' },
    'org.template': {},
    'org.import': { fileId: 'upload-0123456789' },
    'org.uploadPath': {},
    'sheet.get': { kind: 'period', period: PERIOD, subdistrictId: 'fushan' },
    'sheet.save': { kind: 'period', period: '2026-04', subdistrictId: 'fushan', version: 0, rows },
    'sheet.submit': { kind: 'period', period: '2026-04', subdistrictId: 'fushan', version: 0, rows, idempotencyKey },
    'sheet.change': { kind: 'period', period: '2026-04', subdistrictId: 'fushan', version: 1, rows, reason: '复核后更正得分', idempotencyKey },
    'report.get': { kind: 'month', period: PERIOD, subdistrictId: 'fushan', communityId: 'yinquan' },
    'report.export': { kind: 'month', period: PERIOD, subdistrictId: 'fushan', communityId: 'yinquan' },
    'report.trend': { workerCode: 'YQ04' },
    'appeal.mine': {},
    'appeal.file': { token: '0123456789abcdef0123456789abcdef', reason: '当天我不在岗，评价有误', idempotencyKey },
    'appeal.list': { subdistrictId: 'fushan' },
    'appeal.decide': { appealId: 'no-such-appeal', decision: 'reject', note: '证据不足', idempotencyKey },
    'comment.list': { subdistrictId: 'fushan' },
    'comment.decide': { ref: { kind: 'resident', id: 'no-such-rating' }, submittedAt: '2026-06-10T02:00:00.000Z', decision: 'reject' },
    'comment.report': { kind: 'resident', token: 'no-such-token', reason: '辱骂/人身攻击' },
    'note.report': { caseId: 'no-such-case', reason: '泄露隐私' },
    'note.decide': { caseId: 'no-such-case', rectifiedAt: '2026-06-10T02:00:00.000Z', decision: 'reject' },
    'review.list': { subdistrictId: 'fushan' },
    'audit.list': { subdistrictId: 'fushan', from: '2026-06-01', to: '2026-06-30' },
    'review.decide': { reviewId: 'no-such-review', decision: 'exclude', reason: '同一地址集中刷评', idempotencyKey },
    'workbench.get': {},
    'review.decideBatch': { reviewIds: ['no-such-review'], decision: 'exclude', reason: '同一地址集中刷评', idempotencyKey },
    'case.list': { subdistrictId: 'fushan', communityId: 'yinquan' },
    'case.get': { caseId: 'no-such-case' },
    'case.callback': { caseId: 'no-such-case', reached: false, outcome: '无法联系', idempotencyKey },
    'case.rectify': { caseId: 'no-such-case', note: '已加强入户走访', idempotencyKey },
    'case.mine': {},
    'case.confirm': { caseId: 'no-such-case', verdict: '满意', idempotencyKey },
    'case.contact': { caseId: 'no-such-case', none: true },
    'case.worker': {},
    'city.overview': { period: PERIOD },
    'city.export': { period: PERIOD },
    'hall.rota.get': { communityId: 'yinquan', period: PERIOD },
    'hall.rota.generate': { period: '2026-08', staffing: 4, groups: [['YQ01', 'YQ02', 'YQ03', 'YQ04']], pairs: [], idempotencyKey },
    'hall.rota.save': { period: PERIOD, version: 1, change: { kind: 'swap', first: { date: '2026-06-01', workerCode: 'YQ01' }, second: { date: '2026-06-02', workerCode: 'YQ05' } }, idempotencyKey },
    'hall.qrcode': { communityId: 'yinquan' },
    'hall.card': { hallCode: 'hall-yinquan' },
    'hall.feedback': { hallCode: 'hall-yinquan', workerCode: 'YQ04', level: 4, idempotencyKey },
  }
  return payloads[action]
}

/**
 * Rows inserted, updated or deleted since the store opened (SQLite's total_changes()): unchanged across a
 * call means the call stored nothing — cheaper than hashing every table, and stricter (an UPDATE that
 * writes the same values counts too).
 */
export function storeChanges(store: SqliteStore): number {
  const db = (store as unknown as { db: Database.Database }).db
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
}

/** Every row of every table, hashed: equal before and after means the call stored nothing. */
export function storeHash(store: SqliteStore): string {
  // Cases queued after their ratings count as stored (backend/cases/sqlitePendingOpenings.ts).
  store.caseOpenings.settle()
  const db = (store as unknown as { db: Database.Database }).db
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  const hash = createHash('sha256')
  for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all()))
  return hash.digest('hex')
}

// A fresh CloudBase environment, as a deployer gets it: no collection at all. The built function on the
// real wx-server-sdk over the emulator: session.me answers (the first administrator, named in
// BUREAU_OPENIDS, is offered 初始化), every other action says NOT_READY instead of 系统繁忙, admin.setup
// creates everything (and with { demo: true } loads the demo), and a second setup changes nothing.
import { COLLECTION_NAMES } from '@backend/store/cloudbase/collections'
import { DEMO_SUBDISTRICT_ID } from '@backend/demo/seed'
import { type ActionName, payloadSchemas } from '@core/contract'
import { FILE_ACTIONS } from '@core/functions'
import { NOT_READY_MESSAGE } from '@core/errors'
import { DEFAULT_SETTINGS } from '@core/settings'
import { addMonths, monthOf } from '@core/periods'
import { STORAGE_RULES_JSON } from '@backend/setup/storageRules'
import { CloudbaseEmulator } from '../cloudbase/emulator'
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { type CloudFunctionInstance, createSdkDatabase, loadCloudFunction, timerEvent } from '../cloudbase/realSdk'

const ADMIN = 'o-first-admin'
/**
 * What admin.setup hands the deployer: the storage rules (backend/setup/storageRules.ts, checked by
 * test/storageRules.test.ts), to paste in the console, since no API a function may call sets them.
 */
const STORAGE_STEP = {
  step: '设置云存储安全规则',
  where: '云开发控制台 → 存储 → 权限设置 → 自定义安全规则，填入下面的规则并保存（1-3 分钟后生效）',
  value: STORAGE_RULES_JSON,
}
const RESIDENT = 'o-resident'
let emulator: CloudbaseEmulator
let api: CloudFunctionInstance
beforeEach(() => {
  emulator = new CloudbaseEmulator()
  api = loadCloudFunction(emulator, { instanceId: 'api-1', env: { BUREAU_OPENIDS: ` ${ADMIN} , o-second-admin` } })
})
afterEach(() => emulator.dispose())

const call = (action: string, payload: unknown, openid: string | null) => api.invoke({ action, payload }, openid === null ? {} : { openid })

/** The actions of the function `files` (src/core/functions.ts), tested with that function. */
type FileAction = 'org.template' | 'org.import' | 'org.uploadPath' | 'report.export' | 'city.overview' | 'city.export'

/** A valid payload of every action the function `api` serves: NOT_READY must come from the store, not validation. */
const VALID: Record<Exclude<ActionName, 'dev.identities' | FileAction>, unknown> = {
  'session.me': {},
  'worker.card': { workerCode: 'YQ01' },
  'rating.submit': { workerCode: 'YQ01', level: 5, idempotencyKey: 'key-00000003' },
  'score.submit': { workerCode: 'YQ01', period: '2026-01', score: 90, idempotencyKey: 'key-00000004' },
  'evaluation.get': { period: '2026-01', subdistrictId: DEMO_SUBDISTRICT_ID },
  'admin.setup': { demo: true },
  'post.list': {},
  'post.save': { post: { postId: 'zhuanzhi', name: '专职社区工作者', duties: ['包保一个网格'] } },
  'grid.directory': { communityId: 'yinquan' },
  'invite.create': { workerCode: 'YQ01' },
  'invite.card': { inviteCode: 'I0123456789abcde' },
  'invite.accept': { inviteCode: 'I0123456789abcde' },
  'community.workers': {},
  'org.list': {},
  'org.subdistrict.save': { name: '温泉办事处' },
  'org.community.save': { subdistrictId: DEMO_SUBDISTRICT_ID, name: '银泉社区' },
  'community.grids': {},
  'grid.save': { name: '银泉花园网格', households: 468 },
  'worker.update': { workerCode: 'YQ01', postId: 'zhengzhi', gridId: 'yinquan-g1', active: true },
  'org.invite': { role: 'community', communityId: 'yinquan', name: '周书记' },
  'visit.log': { type: '关爱走访' },
  'visit.list': {},
  'visit.card': { visitCode: 'V0123456789abcde' },
  'feedback.submit': { visitCode: 'V0123456789abcde', level: 5, idempotencyKey: 'key-00000005' },
  'worker.qrcode': {},
  'field.start': { grid: '银泉花园' },
  'field.end': {},
  'field.list': { period: '2026-01' },
  'gridtime.get': { period: '2026-01' },
  'gridtime.trend': {},
  'worker.results': { period: '2026-01' },
  'settings.get': {},
  'settings.save': { settings: DEFAULT_SETTINGS, reason: '按省里要求调整' },
  'sheet.get': { kind: 'period', period: '2026-01' },
  'sheet.save': { kind: 'period', period: '2026-01', version: 0, rows: [] },
  'sheet.submit': { kind: 'yearEnd', period: '2026', version: 0, idempotencyKey: 'key-00000001' },
  'sheet.change': { kind: 'period', period: '2026-01', version: 1, rows: [], reason: '复核后更正得分', idempotencyKey: 'key-00000002' },
  'report.get': { kind: 'halfyear', period: '2026-H1', subdistrictId: DEMO_SUBDISTRICT_ID },
  'report.trend': { workerCode: 'YQ01' },
  'appeal.mine': {},
  'appeal.file': { token: '0123456789abcdef0123456789abcdef', reason: '当天我不在岗，评价有误', idempotencyKey: 'key-appeal-01' },
  'appeal.list': {},
  'appeal.decide': { appealId: 'no-such-appeal', decision: 'reject', note: '证据不足', idempotencyKey: 'key-appeal-02' },
  'comment.list': { subdistrictId: DEMO_SUBDISTRICT_ID },
  'comment.decide': { ref: { kind: 'resident', id: 'no-such-rating' }, submittedAt: '2026-06-10T02:00:00.000Z', decision: 'reject' },
  'comment.report': { kind: 'resident', token: 'no-such-token', reason: '辱骂/人身攻击' },
  'note.report': { caseId: 'no-such-case', reason: '泄露隐私' },
  'note.decide': { caseId: 'no-such-case', rectifiedAt: '2026-06-10T02:00:00.000Z', decision: 'reject' },
  'review.list': {},
  'audit.list': {},
  'review.decide': { reviewId: 'no-such-review', decision: 'exclude', reason: '同一地址集中刷评', idempotencyKey: 'key-review-01' },
  'workbench.get': {},
  'review.decideBatch': { reviewIds: ['no-such-review'], decision: 'exclude', reason: '同一地址集中刷评', idempotencyKey: 'key-review-02' },
  'case.list': {},
  'case.get': { caseId: 'no-such-case' },
  'case.callback': { caseId: 'no-such-case', reached: false, outcome: '无法联系', idempotencyKey: 'key-case-0001' },
  'case.rectify': { caseId: 'no-such-case', note: '已加强入户走访', idempotencyKey: 'key-case-0002' },
  'case.mine': {},
  'case.confirm': { caseId: 'no-such-case', verdict: '满意', idempotencyKey: 'key-case-0003' },
  'case.contact': { caseId: 'no-such-case', none: true },
  'case.worker': {},
  'hall.rota.get': { communityId: 'yinquan', period: '2026-01' },
  'hall.rota.generate': { period: '2026-01', staffing: 4, groups: [['YQ01', 'YQ02', 'YQ03', 'YQ04']], pairs: [], idempotencyKey: 'key-hall-0001' },
  'hall.rota.save': { period: '2026-01', version: 1, change: { kind: 'day', date: '2026-01-05', workerCodes: ['YQ01'] }, idempotencyKey: 'key-hall-0002' },
  'hall.qrcode': { communityId: 'yinquan' },
  'hall.card': { hallCode: 'hall-yinquan' },
  'hall.feedback': { hallCode: 'hall-yinquan', workerCode: 'YQ01', level: 5, idempotencyKey: 'key-hall-0003' },
}

/** Every document of every collection, to compare before and after. */
const snapshot = () => Object.fromEntries(emulator.listCollections().sort().map((name) => [name, emulator.documents(name)]))

it('has a valid payload above for every action of the contract but the local-only dev.identities and the files function\'s', () => {
  expect(Object.keys(VALID).sort()).toEqual(Object.keys(payloadSchemas).filter((a) => a !== 'dev.identities' && !(FILE_ACTIONS as readonly string[]).includes(a)).sort())
  expect([...FILE_ACTIONS].sort()).toEqual((['org.template', 'org.import', 'org.uploadPath', 'report.export', 'city.overview', 'city.export'] satisfies FileAction[]).sort())
})

describe('before setup', () => {
  it('answers session.me: the first administrator is the bureau and is offered 初始化, so is anyone else', async () => {
    expect(await call('session.me', {}, ADMIN)).toEqual({ ok: true, data: { role: 'bureau', name: '市民政局管理员', setupNeeded: true } })
    expect(await call('session.me', {}, RESIDENT)).toEqual({ ok: true, data: { role: 'resident', setupNeeded: true } })
  })

  it('answers every other action NOT_READY, for every WeChat user, and creates nothing', async () => {
    for (const [action, payload] of Object.entries(VALID)) {
      if (action === 'session.me' || action === 'admin.setup') continue
      for (const openid of [ADMIN, RESIDENT]) {
        expect({ action, openid, reply: await call(action, payload, openid) }).toEqual({ action, openid, reply: { ok: false, code: 'NOT_READY', message: NOT_READY_MESSAGE } })
      }
    }
    // A call without a WeChat user (never from the mini-program): public reads say NOT_READY, actions that
    // need an identity say so first (rule 12), and the timer trigger says NOT_READY.
    expect(await call('worker.card', VALID['worker.card'], null)).toMatchObject({ ok: false, code: 'NOT_READY' })
    expect(await call('rating.submit', VALID['rating.submit'], null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await api.invoke(timerEvent('repairTallies', new Date()), {})).toMatchObject({ ok: false, code: 'NOT_READY' })
    expect(emulator.listCollections()).toEqual([])
  })

  it('tells someone not listed how to become the first administrator, and sets nothing up', async () => {
    expect(await call('admin.setup', { demo: true }, RESIDENT)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: `只有管理员可以初始化。请把您的 openid（${RESIDENT}）加入云函数 api 的环境变量 BUREAU_OPENIDS，再点初始化。`,
    })
    expect(await call('admin.setup', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(emulator.listCollections()).toEqual([])
  })
})

describe('admin.setup', () => {
  it('creates every collection and the settings; with { demo: true } loads the demo; a second run changes nothing', async () => {
    expect(await call('admin.setup', { demo: true }, ADMIN)).toEqual({ ok: true, data: { created: [...COLLECTION_NAMES], demoLoaded: true, manualSteps: [STORAGE_STEP] } })
    expect(emulator.listCollections().sort()).toEqual([...COLLECTION_NAMES].sort())
    expect(await call('session.me', {}, ADMIN)).toEqual({ ok: true, data: { role: 'bureau', name: '市民政局管理员' } })
    // The deployment's keys: made once, random (256 bits each), in the one document of `secrets`.
    const [keys] = emulator.documents('secrets')
    expect(Object.keys(keys).sort()).toEqual(['_id', 'clientHashKey', 'idKey', 'pseudonymKey'])
    for (const name of ['clientHashKey', 'idKey', 'pseudonymKey']) expect(String(keys[name])).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Set([keys.clientHashKey, keys.idKey, keys.pseudonymKey]).size).toBe(3)

    // The demo is there: last month's evaluation of 浮山办事处 has its 30 workers, all scored.
    const lastMonth = addMonths(monthOf(new Date()), -1)
    const evaluation = (await call('evaluation.get', { period: lastMonth, subdistrictId: DEMO_SUBDISTRICT_ID }, ADMIN)) as { ok: true; data: { rows: Array<{ total: number | null }> } }
    expect(evaluation.data.rows).toHaveLength(30)
    expect(evaluation.data.rows.every((row) => row.total !== null)).toBe(true)
    // ... and it can be rated.
    expect(await call('rating.submit', { workerCode: 'YQ01', level: 4, idempotencyKey: 'key-00000006' }, RESIDENT)).toMatchObject({ ok: true })

    const before = snapshot()
    // The storage rules are still the deployer's to paste: no API lets the function set or read them.
    expect(await call('admin.setup', { demo: true }, ADMIN)).toEqual({ ok: true, data: { created: [], demoLoaded: false, manualSteps: [STORAGE_STEP] } })
    expect(snapshot()).toEqual(before)
    expect(emulator.documents('secrets')).toEqual([keys])
    expect(emulator.unsupported).toEqual([])
  })

  it('upgrades an environment set up before the keys and the newer collections: offered 初始化 again, which adds only what is missing', async () => {
    const newer = ['secrets', 'recipient_months', 'uploads']
    const older = new CloudbaseEmulator({ collections: COLLECTION_NAMES.filter((name) => !newer.includes(name)) })
    try {
      const before = loadCloudFunction(older, { instanceId: 'api-old', env: { BUREAU_OPENIDS: ADMIN } })
      const callOld = (action: string, payload: unknown, openid: string) => before.invoke({ action, payload }, { openid })
      // What the earlier version's setup left: its collections, the posts and the settings, no keys.
      await new CloudStore(createSdkDatabase(older, 'seeder')).saveSettings(DEFAULT_SETTINGS)
      expect(await callOld('session.me', {}, ADMIN)).toEqual({ ok: true, data: { role: 'bureau', name: '市民政局管理员', setupNeeded: true } })
      expect(await callOld('rating.submit', { workerCode: 'YQ01', level: 4, idempotencyKey: 'key-00000007' }, RESIDENT)).toMatchObject({ ok: false, code: 'NOT_READY' })
      const setUp = (await callOld('admin.setup', {}, ADMIN)) as { ok: boolean; data: { created: string[] } }
      expect(setUp.ok).toBe(true)
      expect([...setUp.data.created].sort()).toEqual([...newer].sort())
      expect(older.documents('secrets')).toHaveLength(1)
      expect(await callOld('session.me', {}, ADMIN)).toEqual({ ok: true, data: { role: 'bureau', name: '市民政局管理员' } })
    } finally {
      older.dispose()
    }
  })

  it('without demo leaves the organisation empty for the roster import', async () => {
    expect(await call('admin.setup', {}, 'o-second-admin')).toEqual({ ok: true, data: { created: [...COLLECTION_NAMES], demoLoaded: false, manualSteps: [STORAGE_STEP] } })
    expect(emulator.documents('workers')).toEqual([])
    expect(emulator.documents('settings')).toHaveLength(1)
    expect(await call('worker.card', { workerCode: 'YQ01' }, RESIDENT)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

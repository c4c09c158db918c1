// admin.setup and the first administrators (BUREAU_OPENIDS) through dispatch, on a real SqliteStore
// that starts empty, as a fresh environment does. The cloud's own NOT_READY answers are pinned by the
// tests on the real SDK (test/cloudbase/setup.test.ts).
import { DEMO_SUBDISTRICT_ID } from '@backend/demo/seed'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { ActionName } from '@core/contract'
import type { Envelope } from '@core/errors'
import { dataOf, scriptedModeration } from './support/apiHarness'
import { callerOn } from './support/demoCaller'

const ADMIN = 'o-first-admin'
const NOW = new Date('2026-07-10T02:00:00Z')

let store: SqliteStore
beforeEach(() => {
  store = new SqliteStore(':memory:')
})
afterEach(() => store.close())

const call = (action: ActionName, payload: unknown, openid: string | null): Promise<Envelope<unknown>> =>
  callerOn(store, { now: NOW, moderation: scriptedModeration({}), bureauOpenids: new Set([ADMIN]) }).call(action, payload, openid)

describe('the first administrator', () => {
  it('is the bureau by BUREAU_OPENIDS alone, and is offered 初始化 until the environment is set up', async () => {
    expect(dataOf(await call('session.me', {}, ADMIN))).toEqual({ role: 'bureau', name: '市民政局管理员', setupNeeded: true })
    dataOf(await call('admin.setup', {}, ADMIN))
    expect(dataOf(await call('session.me', {}, ADMIN))).toEqual({ role: 'bureau', name: '市民政局管理员' })
  })

  it('is the only one who may set up: a resident gets FORBIDDEN and nothing is stored', async () => {
    expect(await call('admin.setup', { demo: true }, 'o-someone')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await store.isEmpty()).toBe(true)
    expect(await store.getSettings()).toBeNull()
  })

  it('rejects a demo flag that is not a boolean, in Chinese, storing nothing', async () => {
    expect(await call('admin.setup', { demo: 'yes' }, ADMIN)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '“载入演示数据”只能是是或否' })
    expect(await store.getSettings()).toBeNull()
  })
})

describe('admin.setup', () => {
  it('with { demo: true } loads the demo organisation and saves the default settings; a second run changes nothing', async () => {
    expect(dataOf(await call('admin.setup', { demo: true }, ADMIN))).toEqual({ created: [], demoLoaded: true })
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS)
    const workers = await store.listWorkers(DEMO_SUBDISTRICT_ID)
    expect(workers).toHaveLength(30)
    const march = await store.listTallies(DEMO_SUBDISTRICT_ID, ['2026-H1'])

    expect(dataOf(await call('admin.setup', { demo: true }, ADMIN))).toEqual({ created: [], demoLoaded: false })
    expect(await store.listWorkers(DEMO_SUBDISTRICT_ID)).toHaveLength(30)
    expect(await store.listTallies(DEMO_SUBDISTRICT_ID, ['2026-H1'])).toEqual(march)
  })

  it('without demo leaves the organisation empty', async () => {
    expect(dataOf(await call('admin.setup', {}, ADMIN))).toEqual({ created: [], demoLoaded: false })
    expect(await store.isEmpty()).toBe(true)
  })
})

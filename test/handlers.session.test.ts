// session.me through dispatch: who the caller is, as the server sees them, on a real SqliteStore.
// The mini-program decides which staff entries to show from this answer, so each role is pinned here.
import { apiHandlers } from '@backend/handlers'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-04-10T02:00:00Z'))
})
afterEach(() => api.close())

const meAs = async (openid: string | null, payload: unknown = {}) =>
  dataOf<Record<string, unknown>>(await api.call({ action: 'session.me', payload }, openid))

describe('session.me', () => {
  it('answers an unbound WeChat identity with the resident role and nothing else', async () => {
    expect(await meAs(OPENID.resident)).toEqual({ role: 'resident' })
  })

  it('answers an anonymous caller as a resident too', async () => {
    expect(await meAs(null)).toEqual({ role: 'resident' })
    expect(dataOf(await api.call({ action: 'session.me' }, null))).toEqual({ role: 'resident' })
  })

  it('tells a worker their name, worker code, community and sub-district', async () => {
    expect(await meAs(OPENID.workerX)).toEqual({
      role: 'worker',
      name: '张敏',
      workerCode: X,
      communityId: 'c-yinquan',
      subdistrictId: FUSHAN,
    })
  })

  it("fills a worker's community and sub-district from the worker record when the binding has only the code", async () => {
    await api.store.putOrg({
      subdistricts: [],
      communities: [],
      grids: [],
      posts: [],
      workers: [],
      principals: [{ openid: 'o-worker-y', role: 'worker', name: '李强', workerCode: Y }],
    })
    expect(await meAs('o-worker-y')).toEqual({
      role: 'worker',
      name: '李强',
      workerCode: Y,
      communityId: 'c-qinglong',
      subdistrictId: FUSHAN,
    })
  })

  it('tells sub-district staff their sub-district', async () => {
    expect(await meAs(OPENID.fushanStaff)).toEqual({ role: 'subdistrict', name: '浮山办事处 刘科长', subdistrictId: FUSHAN })
  })

  it('tells a community admin and the bureau who they are', async () => {
    expect(await meAs(OPENID.communityAdmin)).toEqual({
      role: 'community',
      name: '银泉社区 周书记',
      communityId: 'c-yinquan',
      subdistrictId: FUSHAN,
    })
    expect(await meAs(OPENID.bureau)).toEqual({ role: 'bureau', name: '市民政局 赵处长' })
  })

  it('never echoes an openid', async () => {
    for (const openid of Object.values(OPENID)) {
      expect(JSON.stringify(await meAs(openid))).not.toContain(openid)
    }
  })

  it('takes identity from the runtime only: an openid or role in the payload changes nothing', async () => {
    expect(await meAs(OPENID.resident, { openid: OPENID.bureau, role: 'bureau' })).toEqual({ role: 'resident' })
  })

  it('rejects a payload that is not an object', async () => {
    expect(await api.call({ action: 'session.me', payload: 'me' }, OPENID.resident)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  it('is served by the cloud function, not only by the local runtime', () => {
    expect(apiHandlers['session.me']).toBeDefined()
  })
})

// invite.create, invite.card and community.workers through dispatch on a real SqliteStore: a community
// admin invites the workers of their own community only, an invite works for 7 days and its code opens
// the accept page; the accept page can show whose record an invite binds to; the admin's list says who is bound.
import type { CodeImages } from '@backend/context'
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { ApiError } from '@core/errors'
import { dataOf, type Harness } from './support/apiHarness'
import { CODES, QINGLONG_ADMIN, W, createInviteHarness, inviteFor, storedOf } from './support/inviteFixture'
import { OPENID, X, Y, Z } from './support/smallOrg'
import { testSecrets } from './support/secrets'

const APRIL_10 = new Date('2026-04-10T02:00:00.000Z')
/** 7 days of 24 hours after APRIL_10. */
const APRIL_17 = '2026-04-17T02:00:00.000Z'

let api: Harness
beforeEach(async () => {
  api = await createInviteHarness(new Date(APRIL_10))
})
afterEach(() => api.close())

const createAs = (openid: string | null, payload: unknown) => api.call({ action: 'invite.create', payload }, openid)
const cardAs = (openid: string | null, inviteCode: string) => api.call({ action: 'invite.card', payload: { inviteCode } }, openid)
const workersAs = (openid: string | null) => api.call({ action: 'community.workers', payload: {} }, openid)
const FORBIDDEN = { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }

describe('invite.create', () => {
  it("gives 银泉社区's admin a one-time invite for 张敏, valid 7 days, with the code that opens the accept page", async () => {
    const created = await inviteFor(api, X)
    expect(created.inviteCode).toMatch(/^I[0-9A-Za-z]{15}$/)
    expect(created.expiresAt).toBe(APRIL_17)
    // The code opens the accept page with the invite in `scene`.
    expect(created.image).toBe(`code-image:worker/invite/index?scene=${created.inviteCode}`)
    expect(await api.store.invites.listInvites(X)).toStrictEqual([
      { inviteCode: created.inviteCode, workerCode: X, communityId: 'c-yinquan', createdBy: OPENID.communityAdmin, createdAt: APRIL_10.toISOString(), expiresAt: APRIL_17 },
    ])
  })

  it('makes a new unguessable code every time, for bound and unbound workers alike', async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 20; i += 1) codes.add((await inviteFor(api, i % 2 === 0 ? X : W)).inviteCode)
    expect(codes.size).toBe(20)
    expect((await api.store.invites.listInvites(X)).length + (await api.store.invites.listInvites(W)).length).toBe(20)
  })

  const rejected: Array<[string, string | null, unknown, string, RegExp]> = [
    ['an anonymous caller', null, { workerCode: X }, 'UNAUTHENTICATED', /请先登录微信/],
    ['a resident', OPENID.resident, { workerCode: X }, 'FORBIDDEN', /没有权限/],
    ['the worker themself', OPENID.workerX, { workerCode: X }, 'FORBIDDEN', /没有权限/],
    ['sub-district staff', OPENID.fushanStaff, { workerCode: X }, 'FORBIDDEN', /没有权限/],
    ['the bureau', OPENID.bureau, { workerCode: X }, 'FORBIDDEN', /没有权限/],
    ["another community's admin (青龙 for 银泉's 张敏)", QINGLONG_ADMIN, { workerCode: X }, 'FORBIDDEN', /没有权限/],
    ["银泉's admin for 青龙's 李强", OPENID.communityAdmin, { workerCode: Y }, 'FORBIDDEN', /没有权限/],
    ["银泉's admin for another sub-district's 王芳", OPENID.communityAdmin, { workerCode: Z }, 'FORBIDDEN', /没有权限/],
    ['an unknown worker', OPENID.communityAdmin, { workerCode: 'W999' }, 'NOT_FOUND', /没有找到这位社区工作者/],
    ['a malformed worker code', OPENID.communityAdmin, { workerCode: '张敏' }, 'INVALID_INPUT', /工作者编号格式不对/],
    ['a missing worker code', OPENID.communityAdmin, {}, 'INVALID_INPUT', /请提供工作者编号/],
  ]
  it.each(rejected)('refuses %s and stores nothing', async (_title, openid, payload, code, message) => {
    const before = await storedOf(api)
    expect(await createAs(openid, payload)).toEqual({ ok: false, code, message: expect.stringMatching(message) })
    expect(await storedOf(api)).toEqual(before)
    expect(before.invites).toEqual([])
    for (const workerCode of [...CODES, Z]) expect(await api.store.invites.listInvites(workerCode)).toEqual([])
  })

  it('stores no invite when its code image cannot be made (e.g. WeChat’s daily limit)', async () => {
    const noImages: CodeImages = { imageFor: () => Promise.reject(new ApiError('INTERNAL', '今天生成小程序码的次数已达上限，请明天再试。')) }
    const env = { openid: OPENID.communityAdmin, store: api.store, now: APRIL_10, moderation: api.moderation, codeImages: noImages, secrets: testSecrets }
    expect(await dispatch({ action: 'invite.create', payload: { workerCode: X } }, env, apiHandlers)).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '今天生成小程序码的次数已达上限，请明天再试。',
    })
    expect(await api.store.invites.listInvites(X)).toEqual([])
  })
})

describe('invite.card', () => {
  it('tells whoever opens an invite whose record it binds to, and that it is open', async () => {
    const { inviteCode } = await inviteFor(api, W)
    const expected = { inviteCode, role: 'worker', workerCode: W, workerName: '赵兰', community: '银泉社区', expiresAt: APRIL_17, status: 'open' }
    expect(dataOf(await cardAs('o-fresh', inviteCode))).toEqual(expected)
    expect(dataOf(await cardAs(null, inviteCode))).toEqual(expected)
  })

  it('says accepted to the one who accepted it, used to anyone else, expired from its 7th day on', async () => {
    const accepted = await inviteFor(api, W)
    const unused = await inviteFor(api, X)
    dataOf(await api.call({ action: 'invite.accept', payload: { inviteCode: accepted.inviteCode } }, 'o-fresh'))
    expect(dataOf(await cardAs('o-fresh', accepted.inviteCode))).toMatchObject({ status: 'accepted' })
    expect(dataOf(await cardAs('o-other', accepted.inviteCode))).toMatchObject({ status: 'used' })
    api.now = new Date(Date.parse(APRIL_17) - 1)
    expect(dataOf(await cardAs('o-other', unused.inviteCode))).toMatchObject({ status: 'open' })
    api.now = new Date(APRIL_17)
    expect(dataOf(await cardAs('o-other', unused.inviteCode))).toMatchObject({ status: 'expired' })
    // A used invite stays used, however old.
    expect(dataOf(await cardAs('o-other', accepted.inviteCode))).toMatchObject({ status: 'used' })
  })

  it('answers an unknown invite with 404 and a way forward, a malformed one with 400', async () => {
    expect(await cardAs('o-fresh', 'Inothere0000000')).toEqual({ ok: false, code: 'NOT_FOUND', message: expect.stringMatching(/没有找到这个邀请码.*要一个新的邀请码/) })
    expect(await cardAs('o-fresh', '中文邀请码')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '邀请码格式不对，请重新扫码' })
  })
})

describe('community.workers', () => {
  it("lists 银泉社区's two workers with post, grid and whether a WeChat account is bound", async () => {
    expect(dataOf(await workersAs(OPENID.communityAdmin))).toEqual({
      community: '银泉社区',
      workers: [
        { workerCode: X, name: '张敏', post: '专职社区工作者', grid: '银泉第一网格', bound: true },
        { workerCode: W, name: '赵兰', post: '委员', grid: '银泉第二网格', bound: false },
      ],
    })
  })

  it('shows 赵兰 bound once she has accepted her invite', async () => {
    const { inviteCode } = await inviteFor(api, W)
    dataOf(await api.call({ action: 'invite.accept', payload: { inviteCode } }, 'o-zhaolan'))
    const { workers } = dataOf<{ workers: Array<{ workerCode: string; bound: boolean }> }>(await workersAs(OPENID.communityAdmin))
    expect(workers.map((w) => [w.workerCode, w.bound])).toEqual([
      [X, true],
      [W, true],
    ])
  })

  it("gives 青龙社区's admin their own community only", async () => {
    const { community, workers } = dataOf<{ community: string; workers: Array<{ workerCode: string }> }>(await workersAs(QINGLONG_ADMIN))
    expect([community, workers.map((w) => w.workerCode)]).toEqual(['青龙社区', [Y]])
  })

  it('is for community admins only', async () => {
    expect(await workersAs(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    for (const openid of [OPENID.resident, OPENID.workerX, OPENID.fushanStaff, OPENID.bureau]) expect(await workersAs(openid)).toEqual(FORBIDDEN)
  })
})

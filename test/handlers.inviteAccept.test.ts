// invite.accept through dispatch on a real SqliteStore: the openid that accepts an invite
// is bound to its worker record (session.me then says worker); an invite works once and for 7 days; an
// account already bound cannot take a second record; an invite for a bound record moves the binding and
// the old account becomes a resident, with the change recorded. Every refusal stores nothing; of two
// people accepting one invite at once, exactly one wins.
import type { ResultOf } from '@core/contract'
import { dataOf, type Harness } from './support/apiHarness'
import { W, createInviteHarness, inviteFor, storedOf } from './support/inviteFixture'
import { FUSHAN, OPENID, X } from './support/smallOrg'
import { withKey } from './support/keys'

const APRIL_10 = new Date('2026-04-10T02:00:00.000Z')
/** Created on APRIL_10 at 02:00 UTC, an invite works until 7 x 24 hours later: 2026-04-17 10:00 China time. */
const APRIL_17 = new Date('2026-04-17T02:00:00.000Z')

let api: Harness
beforeEach(async () => {
  api = await createInviteHarness(new Date(APRIL_10))
})
afterEach(() => api.close())

const acceptAs = (openid: string | null, inviteCode: string) => api.call({ action: 'invite.accept', payload: { inviteCode } }, openid)
const me = async (openid: string) => dataOf<ResultOf<'session.me'>>(await api.call({ action: 'session.me', payload: {} }, openid))

describe('accepting an invite', () => {
  it('binds a fresh WeChat account to 赵兰’s record: session.me then says worker, and the binding is recorded', async () => {
    const { inviteCode } = await inviteFor(api, W)
    expect(await me('o-fresh')).toEqual({ role: 'resident' })
    expect(await acceptAs('o-fresh', inviteCode)).toEqual({ ok: true, data: { role: 'worker', workerCode: W } })
    expect(await me('o-fresh')).toEqual({ role: 'worker', name: '赵兰', workerCode: W, communityId: 'c-yinquan', subdistrictId: FUSHAN })
    expect(await api.store.invites.listBindingChanges(W)).toEqual([{ inviteCode, workerCode: W, oldOpenid: null, newOpenid: 'o-fresh', at: APRIL_10.toISOString() }])
    expect((await api.store.invites.getInvite(inviteCode))?.usedBy).toBe('o-fresh')
  })

  it('moves 张敏’s record to her new WeChat account: the old account becomes a resident, the change names both', async () => {
    const { inviteCode } = await inviteFor(api, X)
    expect((await me(OPENID.workerX)).role).toBe('worker')
    api.now = new Date('2026-04-12T08:30:00.000Z')
    expect(await acceptAs('o-zhangmin-new', inviteCode)).toEqual({ ok: true, data: { role: 'worker', workerCode: X } })
    expect(await me(OPENID.workerX)).toEqual({ role: 'resident' })
    expect(await me('o-zhangmin-new')).toMatchObject({ role: 'worker', name: '张敏', workerCode: X })
    expect(await api.store.invites.listBindingChanges(X)).toEqual([
      { inviteCode, workerCode: X, oldOpenid: OPENID.workerX, newOpenid: 'o-zhangmin-new', at: '2026-04-12T08:30:00.000Z' },
    ])
    expect((await api.store.listPrincipals()).filter((p) => p.workerCode === X).map((p) => p.openid)).toEqual(['o-zhangmin-new'])
    // As a resident now, the old account may rate 张敏 like anyone else: she is no longer "themself".
    expect(await api.call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 4 }) }, OPENID.workerX)).toMatchObject({ ok: true })
  })

  it('works until the last millisecond of its 7th day', async () => {
    const { inviteCode } = await inviteFor(api, W)
    api.now = new Date(APRIL_17.getTime() - 1)
    expect(await acceptAs('o-fresh', inviteCode)).toMatchObject({ ok: true })
  })

  it('answers the same person again with the same result, and changes nothing (a lost first reply)', async () => {
    const { inviteCode } = await inviteFor(api, W)
    dataOf(await acceptAs('o-fresh', inviteCode))
    const before = await storedOf(api)
    expect(await acceptAs('o-fresh', inviteCode)).toEqual({ ok: true, data: { role: 'worker', workerCode: W } })
    expect(await storedOf(api)).toEqual(before)
  })
})

describe('refusals, each storing nothing', () => {
  /** Makes an invite for `workerCode`, lets `arrange` run, then expects `openid`'s acceptance to be refused and nothing to change. */
  async function expectRefused(openid: string | null, code: string, message: RegExp, options: { workerCode?: string; arrange?: (inviteCode: string) => Promise<void>; inviteCode?: string } = {}) {
    const created = await inviteFor(api, options.workerCode ?? W)
    await options.arrange?.(created.inviteCode)
    const before = await storedOf(api)
    expect(await acceptAs(openid, options.inviteCode ?? created.inviteCode)).toEqual({ ok: false, code, message: expect.stringMatching(message) })
    expect(await storedOf(api)).toEqual(before)
  }

  it('refuses a used invite with 409: an invite works once', async () => {
    await expectRefused('o-second', 'CONFLICT', /^这个邀请码已经被使用过了，每个邀请码只能用一次。请向社区管理员要一个新的邀请码。$/, {
      arrange: async (inviteCode) => void dataOf(await acceptAs('o-first', inviteCode)),
    })
  })

  it('refuses an expired invite with 400, saying until when it worked (China time)', async () => {
    await expectRefused('o-fresh', 'INVALID_INPUT', /^这个邀请码已过期（有效期至 2026年4月17日 10:00）。请向社区管理员要一个新的邀请码。$/, {
      arrange: async () => void (api.now = new Date(APRIL_17)),
    })
  })

  it('refuses an account bound already with 409, naming whose account it is: one WeChat, one record', async () => {
    await expectRefused(OPENID.workerX, 'CONFLICT', /^您的微信已经是“张敏”的账号，一个微信只能绑定一个账号。如需更换，请联系社区管理员。$/)
  })

  it('refuses staff: a community admin cannot make themself a worker', async () => {
    await expectRefused(OPENID.communityAdmin, 'CONFLICT', /已经是“银泉社区 周书记”的账号/)
  })

  it('refuses the bound worker taking an invite for their own record again with 409', async () => {
    await expectRefused(OPENID.workerX, 'CONFLICT', /一个微信只能绑定一个账号/, { workerCode: X })
  })

  it('refuses a call without a WeChat identity with 401', async () => {
    await expectRefused(null, 'UNAUTHENTICATED', /^请在微信里打开邀请码，登录后再绑定$/)
  })

  it('refuses an unknown invite with 404 and a malformed one with 400', async () => {
    await expectRefused('o-fresh', 'NOT_FOUND', /没有找到这个邀请码/, { inviteCode: 'Inothere0000000' })
    await expectRefused('o-fresh', 'INVALID_INPUT', /^邀请码格式不对，请重新扫码$/, { inviteCode: '邀请码' })
  })
})

describe('two people accepting one invite at once', () => {
  it('binds exactly one of them; the other is told the invite was used', async () => {
    const { inviteCode } = await inviteFor(api, W)
    const replies = await Promise.all(['o-p', 'o-q', 'o-r'].map((openid) => acceptAs(openid, inviteCode)))
    expect(replies.filter((r) => r.ok)).toEqual([{ ok: true, data: { role: 'worker', workerCode: W } }])
    expect(replies.filter((r) => !r.ok)).toEqual([0, 1].map(() => ({ ok: false, code: 'CONFLICT', message: expect.stringContaining('只能用一次') })))
    const winner = ['o-p', 'o-q', 'o-r'][replies.findIndex((r) => r.ok)]
    expect((await api.store.listPrincipals()).filter((p) => p.workerCode === W).map((p) => p.openid)).toEqual([winner])
    expect(await api.store.invites.listBindingChanges(W)).toHaveLength(1)
  })
})

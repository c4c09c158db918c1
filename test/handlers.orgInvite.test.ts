// org.invite, then invite.card and invite.accept of a staff invite, through dispatch on a real SqliteStore:
// the bureau invites sub-district staff for a sub-district it picks and community admins for a
// community; sub-district staff invite admins of their own sub-district's communities only. The invite
// names the person; accepting makes them that staff role there, once; session.me then says so.
import type Database from 'better-sqlite3'
import type { InviteCard } from '@core/invites'
import type { Session } from '@core/types'
import { dataOf, type Harness } from './support/apiHarness'
import { createInviteHarness } from './support/inviteFixture'
import { FUSHAN, OPENID, WENQUAN } from './support/smallOrg'

const APRIL_10 = new Date('2026-04-10T02:00:00.000Z')
const APRIL_17 = '2026-04-17T02:00:00.000Z'

let api: Harness
beforeEach(async () => {
  api = await createInviteHarness(new Date(APRIL_10))
})
afterEach(() => api.close())

/** Staff invites in the SQLite store's own table (backend/invites/sqlite.ts). */
const staffInvitesStored = () =>
  ((api.store as unknown as { db: Database.Database }).db.prepare('SELECT COUNT(*) AS n FROM staff_invites').get() as { n: number }).n

const call = (action: string, payload: unknown, openid: string | null) => api.call({ action, payload }, openid)
const invite = async (payload: unknown, openid: string = OPENID.bureau) =>
  dataOf<{ inviteCode: string; expiresAt: string; image: string }>(await call('org.invite', payload, openid))

it('lets the bureau invite 王芳 as 温泉办事处 staff: the card names her and the office, accepting binds her there', async () => {
  const created = await invite({ role: 'subdistrict', subdistrictId: WENQUAN, name: ' 王芳 ' })
  expect(created).toEqual({ inviteCode: expect.stringMatching(/^I[0-9A-Za-z]{15}$/), expiresAt: APRIL_17, image: `code-image:worker/invite/index?scene=${created.inviteCode}` })
  expect(dataOf<InviteCard>(await call('invite.card', { inviteCode: created.inviteCode }, 'o-wangfang'))).toEqual({
    inviteCode: created.inviteCode,
    role: 'subdistrict',
    name: '王芳',
    subdistrict: '温泉办事处',
    community: '',
    expiresAt: APRIL_17,
    status: 'open',
  })
  expect(dataOf(await call('invite.accept', { inviteCode: created.inviteCode }, 'o-wangfang'))).toEqual({ role: 'subdistrict', subdistrictId: WENQUAN })
  expect(dataOf<Session>(await call('session.me', {}, 'o-wangfang'))).toEqual({ role: 'subdistrict', name: '王芳', subdistrictId: WENQUAN })
  // and she reads 温泉's organisation only
  expect(dataOf<{ subdistricts: Array<{ subdistrictId: string }> }>(await call('org.list', {}, 'o-wangfang')).subdistricts.map((s) => s.subdistrictId)).toEqual([WENQUAN])
  // the same person again: done, nothing changes; someone else: used
  expect(dataOf(await call('invite.accept', { inviteCode: created.inviteCode }, 'o-wangfang'))).toEqual({ role: 'subdistrict', subdistrictId: WENQUAN })
  // sub-district staff are invited by the bureau alone: that is who to ask, not a community admin
  expect(await call('invite.accept', { inviteCode: created.inviteCode }, 'o-other')).toEqual({
    ok: false,
    code: 'CONFLICT',
    message: '这个邀请码已经被使用过了，每个邀请码只能用一次。请向市民政局要一个新的邀请码。',
  })
  expect(await api.store.getPrincipal('o-other')).toBeNull()
})

it("lets 浮山's staff invite an admin of 青龙社区, who then manages 青龙 only", async () => {
  const { inviteCode } = await invite({ role: 'community', communityId: 'c-qinglong', name: '李书记' }, OPENID.fushanStaff)
  expect(dataOf<InviteCard>(await call('invite.card', { inviteCode }, null))).toMatchObject({ role: 'community', name: '李书记', subdistrict: '浮山办事处', community: '青龙社区' })
  expect(dataOf(await call('invite.accept', { inviteCode }, 'o-li'))).toEqual({ role: 'community', subdistrictId: FUSHAN, communityId: 'c-qinglong' })
  expect(await api.store.getPrincipal('o-li')).toEqual({ openid: 'o-li', role: 'community', name: '李书记', subdistrictId: FUSHAN, communityId: 'c-qinglong' })
  expect(dataOf<{ community: string }>(await call('community.grids', {}, 'o-li')).community).toBe('青龙社区')
})

it('refuses an account bound already, and an expired invite, binding nobody', async () => {
  const { inviteCode } = await invite({ role: 'community', communityId: 'c-yinquan', name: '周书记' })
  expect(await call('invite.accept', { inviteCode }, OPENID.workerX)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/已经是“张敏”的账号/) })
  api.now = new Date(Date.parse(APRIL_17))
  // a community's admin is invited by the bureau or the sub-district office
  expect(await call('invite.accept', { inviteCode }, 'o-late')).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '这个邀请码已过期（有效期至 2026年4月17日 10:00）。请向街道办事处或市民政局要一个新的邀请码。',
  })
  expect(await api.store.getPrincipal('o-late')).toBeNull()
  expect((await api.store.invites.getInvite(inviteCode))?.usedBy).toBeUndefined()
})

const rejected: Array<[string, string | null, unknown, string, RegExp]> = [
  ['sub-district staff inviting sub-district staff', OPENID.fushanStaff, { role: 'subdistrict', subdistrictId: FUSHAN, name: '王芳' }, 'FORBIDDEN', /没有权限/],
  ["浮山's staff inviting an admin of 温泉社区", OPENID.fushanStaff, { role: 'community', communityId: 'c-wenquan', name: '王芳' }, 'FORBIDDEN', /没有权限/],
  ['a community admin', OPENID.communityAdmin, { role: 'community', communityId: 'c-yinquan', name: '王芳' }, 'FORBIDDEN', /没有权限/],
  ['a resident', OPENID.resident, { role: 'community', communityId: 'c-yinquan', name: '王芳' }, 'FORBIDDEN', /没有权限/],
  ['an anonymous caller', null, { role: 'community', communityId: 'c-yinquan', name: '王芳' }, 'UNAUTHENTICATED', /请先登录微信/],
  ['no name', OPENID.bureau, { role: 'community', communityId: 'c-yinquan' }, 'INVALID_INPUT', /请填写被邀请人姓名/],
  ['an admin invite without a community', OPENID.bureau, { role: 'community', name: '王芳' }, 'INVALID_INPUT', /请选择社区/],
  ['a staff invite without a sub-district', OPENID.bureau, { role: 'subdistrict', name: '王芳' }, 'INVALID_INPUT', /请选择街道/],
  ['an unknown community', OPENID.bureau, { role: 'community', communityId: 'c-nope', name: '王芳' }, 'NOT_FOUND', /没有找到这个社区/],
  ['an unknown role', OPENID.bureau, { role: 'bureau', name: '王芳' }, 'INVALID_INPUT', /请选择邀请街道工作人员还是社区管理员/],
]
it.each(rejected)('refuses %s and stores no invite', async (_title, openid, payload, code, message) => {
  expect(await call('org.invite', payload, openid)).toMatchObject({ ok: false, code, message: expect.stringMatching(message) })
  expect(staffInvitesStored()).toBe(0)
})

it('counts a stored staff invite, so the refusals above would see one', async () => {
  await invite({ role: 'community', communityId: 'c-yinquan', name: '周书记' })
  expect(staffInvitesStored()).toBe(1)
})

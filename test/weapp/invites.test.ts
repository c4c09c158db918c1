// Binding a worker's WeChat in the weapp build (dist/), rendered by WeChat's wcc on exparser, against the
// real handlers over the demo organisation: 银泉社区's admin finds 社区工作者与邀请码 on the home page, sees
// the 18 workers and who is bound, and makes an invite for 王志强 (YQ02), whose code, text and end the page
// shows; whoever opens the invite's page (worker/invite/index?scene=<invite>) is told whose record it binds
// to and binds it with one tap; a used, expired or unknown invite and an account bound already get a clear
// message. Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import type { ResultOf } from '@core/contract'
import { dataOf } from '../support/apiHarness'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

const ADMIN = { openid: 'dev-community-yinquan' } // 银泉社区 管理员
const FRESH = { openid: 'weapp-new-wechat' }
const DAY_MS = 24 * 60 * 60 * 1000
/** A QR code takes a moment to draw on a busy machine. */
const QR_WAIT_MS = 20000

let world: WeappWorld
let clock: Date
beforeEach(async () => {
  clock = new Date()
  world = await createWorld({ now: () => clock })
})
afterEach(() => world.close())

async function inviteFor(workerCode: string): Promise<ResultOf<'invite.create'>> {
  return dataOf(await world.backend.call({ action: 'invite.create', payload: { workerCode } }, ADMIN.openid))
}

const invitePage = (inviteCode: string, openid: string) => world.openPage('worker/invite/index', { scene: encodeURIComponent(inviteCode) }, { openid })

describe('staff/workers/index', () => {
  it("takes 银泉社区's admin from the home page to the workers, and shows an invite's code, text and end", async () => {
    const home = await world.openPage('pages/index/index', {}, ADMIN)
    await home.waitForText('社区工作者与邀请码')
    await home.tap('社区工作者与邀请码')
    await home.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/staff/workers/index' }])

    const page = await world.follow(world.navigations[0], ADMIN)
    await page.waitForText('银泉社区：共 18 名，已绑定微信 18 名')
    expect(page.textsOf('.invite-row__name')).toHaveLength(18)
    expect(page.textsOf('.invite-row__meta')[1]).toBe('YQ02 · 副职 · 桂花苑网格')
    expect(page.textsOf('.invite-row__state')).toEqual(Array.from({ length: 18 }, () => '✓ 已绑定微信'))

    await page.tap({ selector: '.invite-row__create', index: 1 })
    await page.waitForText('有效期至', QR_WAIT_MS)
    const [call] = world.callsOf('invite.create')
    expect(call).toMatchObject({ openid: ADMIN.openid, payload: { workerCode: 'YQ02' }, reply: { ok: true } })
    const invite = dataOf<ResultOf<'invite.create'>>(call.reply)
    expect(page.textsOf('.invite-row__code')).toEqual([`邀请码 ${invite.inviteCode}`])
    expect(page.textsOf('.invite-row__hint')).toEqual(['请王志强用本人微信扫描下面的邀请码'])
    expect(await page.attr({ selector: '.invite-row__image' }, 'src')).toBe(invite.image)
    // 7 days on, in China time, to the minute.
    const end = new Date(clock.getTime() + 7 * DAY_MS + 8 * 60 * 60 * 1000)
    const label = `${end.getUTCFullYear()}年${end.getUTCMonth() + 1}月${end.getUTCDate()}日 ${String(end.getUTCHours()).padStart(2, '0')}:${String(end.getUTCMinutes()).padStart(2, '0')}`
    expect(page.textsOf('.invite-row__expiry')).toEqual([`有效期至 ${label}`])
    expect(page.has('原来绑定的微信不再是银泉社区 王志强的账号')).toBe(true)
  })

  it('shows residents and sub-district staff no entry to it, and tells them the page is not theirs', async () => {
    for (const openid of [RESIDENT_OPENID, DEMO_SUBDISTRICT_STAFF]) {
      const home = await world.openPage('pages/index/index', {}, { openid })
      await world.settled(home)
      expect(home.has('社区工作者与邀请码')).toBe(false)
      home.close()
    }
    const page = await world.openPage('staff/workers/index', {}, { openid: DEMO_SUBDISTRICT_STAFF })
    await page.waitForText('这里只对社区管理员开放')
    await world.settled(page)
    expect(world.callsOf('community.workers')).toEqual([])
  })
})

describe('worker/invite/index', () => {
  it('tells a fresh WeChat account whose record the invite binds, and binds it with 确认绑定', async () => {
    const { inviteCode } = await inviteFor('YQ02')
    const page = await invitePage(inviteCode, FRESH.openid)
    await page.waitForText('确认绑定')
    expect(page.textsOf('.invite__record')).toEqual(['银泉社区 王志强（YQ02）'])
    // 绑定为 / 银泉社区 王志强（YQ02） / 的工作账号: one phrase over three lines, the record in large type.
    expect(page.has('绑定为银泉社区 王志强（YQ02）的工作账号')).toBe(true)
    await page.tap('确认绑定')
    await page.waitForText('已绑定，可以在首页进入我的工作台')
    expect(world.callsOf('invite.accept')).toEqual([
      expect.objectContaining({ openid: FRESH.openid, payload: { inviteCode }, reply: { ok: true, data: { role: 'worker', workerCode: 'YQ02' } } }),
    ])
    const me = dataOf<ResultOf<'session.me'>>(await world.backend.call({ action: 'session.me', payload: {} }, FRESH.openid))
    expect(me).toMatchObject({ role: 'worker', workerCode: 'YQ02', name: '王志强' })
    // The demo's old account of 王志强 is a resident now.
    expect(await world.store.getPrincipal('dev-worker-YQ02')).toBeNull()
  })

  it('says a used invite was used, to anyone else, and offers no 确认绑定', async () => {
    const { inviteCode } = await inviteFor('YQ03')
    dataOf(await world.backend.call({ action: 'invite.accept', payload: { inviteCode } }, 'weapp-first'))
    const page = await invitePage(inviteCode, FRESH.openid)
    await page.waitForText('这个邀请码已经被使用过了')
    expect(page.has('每个邀请码只能用一次。请向社区管理员要一个新的邀请码。')).toBe(true)
    expect(page.has('确认绑定')).toBe(false)
  })

  it('says an invite 7 days old has expired, and until when it worked', async () => {
    const { inviteCode, expiresAt } = await inviteFor('YQ04')
    clock = new Date(expiresAt)
    const page = await invitePage(inviteCode, FRESH.openid)
    await page.waitForText('这个邀请码已过期')
    expect(page.has('确认绑定')).toBe(false)
    expect(world.callsOf('invite.accept')).toEqual([])
  })

  it('tells an account bound already, after 确认绑定, that one WeChat takes one record — and binds nothing', async () => {
    const { inviteCode } = await inviteFor('YQ05')
    const page = await invitePage(inviteCode, 'dev-worker-YQ01')
    await page.tap('确认绑定')
    await page.waitForText('没能绑定')
    expect(page.has('您的微信已经是“刘建华”的账号，一个微信只能绑定一个账号。')).toBe(true)
    expect((await world.store.invites.getInvite(inviteCode))?.usedBy).toBeUndefined()
  })

  it('says plainly when an invite code is unknown', async () => {
    const page = await invitePage('Inosuchinvite00', FRESH.openid)
    await page.waitForText('没有找到这个邀请码')
    expect(page.has('回到首页')).toBe(true)
  })
})

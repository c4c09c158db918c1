// Invites on CloudBase as it behaves (DESIGN section 7): the BUILT function on the real wx-server-sdk over
// the emulator, several instances at once. An invite's code is a mini-program code of the accept page
// (wxacode.getUnlimited, kept in cloud storage); accepting binds the caller's openid (getWXContext) and
// moves the record from its old account, which becomes a resident; two people accepting one invite on two
// instances at the same moment: exactly one is bound. A refusal stores nothing.
import type { Envelope } from '@core/errors'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, restoreEnvironment } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { OPENID, X, smallOrg } from '../support/smallOrg'

let emulator: CloudbaseEmulator
let instances: CloudFunctionInstance[]
let codeRequests: unknown[]

beforeEach(async () => {
  // Each request answers after 0-2 ms, so two invocations' requests interleave as on a real network.
  ;({ emulator } = await setUpCloud(smallOrg(), { latency: () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3))) }))
  codeRequests = []
  const openapi = {
    wxacode: {
      getUnlimited: (request: unknown) => {
        codeRequests.push(request)
        return { errCode: 0, contentType: 'image/png', buffer: Buffer.from('a mini-program code') }
      },
    },
  }
  instances = [1, 2, 3].map((n) => loadCloudFunction(emulator, { instanceId: `api-${n}`, openapi }))
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

async function call<T>(instance: CloudFunctionInstance, action: string, payload: unknown, openid: string): Promise<Envelope<T>> {
  return (await instance.invoke({ action, payload }, { openid })) as Envelope<T>
}

async function inviteFor(workerCode: string): Promise<{ inviteCode: string; image: string; expiresAt: string }> {
  const reply = await call<{ inviteCode: string; image: string; expiresAt: string }>(instances[0], 'invite.create', { workerCode }, OPENID.communityAdmin)
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`)
  return reply.data
}

/** The documents an acceptance writes, to compare before and after. */
const bindingDocs = () => ({
  invites: emulator.documents('invites'),
  principals: emulator.documents('principals'),
  bindings: emulator.documents('worker_bindings'),
  changes: emulator.documents('binding_changes'),
})

it('makes the invite a mini-program code of the accept page, kept in cloud storage, and stores the invite under its code', async () => {
  const invite = await inviteFor(X)
  expect(codeRequests).toEqual([expect.objectContaining({ scene: invite.inviteCode, page: 'worker/invite/index', envVersion: 'release' })])
  expect(invite.image).toMatch(/^cloud:\/\/.+\/codes\/release\/[0-9a-f]{32}\.png$/)
  expect(emulator.documents('invites')).toEqual([
    expect.objectContaining({ _id: invite.inviteCode, workerCode: X, communityId: 'c-yinquan', createdBy: OPENID.communityAdmin, expiresAt: invite.expiresAt }),
  ])
  expect(emulator.documents('invites')[0]).not.toHaveProperty('usedBy')
})

it('moves 张敏 to the openid that accepts, on another instance: her old account is a resident, the change is recorded', async () => {
  const { inviteCode } = await inviteFor(X)
  expect(await call(instances[1], 'invite.accept', { inviteCode }, 'o-cloud-new')).toEqual({ ok: true, data: { role: 'worker', workerCode: X } })
  expect(await call(instances[2], 'session.me', {}, 'o-cloud-new')).toMatchObject({ ok: true, data: { role: 'worker', workerCode: X, name: '张敏' } })
  expect(await call(instances[2], 'session.me', {}, OPENID.workerX)).toEqual({ ok: true, data: { role: 'resident' } })
  expect(emulator.document('principals', OPENID.workerX)).toBeNull()
  expect(emulator.documents('binding_changes')).toEqual([
    expect.objectContaining({ _id: inviteCode, workerCode: X, oldOpenid: OPENID.workerX, newOpenid: 'o-cloud-new' }),
  ])
  expect(emulator.documents('worker_bindings')).toEqual([expect.objectContaining({ workerCode: X, openid: 'o-cloud-new', inviteCode })])
  expect(emulator.documents('invites')).toEqual([expect.objectContaining({ _id: inviteCode, usedBy: 'o-cloud-new' })])
})

it('binds exactly one of two people accepting one invite at the same moment on two instances', async () => {
  const { inviteCode } = await inviteFor(X)
  const replies = await Promise.all(
    ['o-cloud-p', 'o-cloud-q'].map((openid, i) => call(instances[i + 1], 'invite.accept', { inviteCode }, openid)),
  )
  expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
  expect(replies.filter((reply) => !reply.ok)).toEqual([{ ok: false, code: 'CONFLICT', message: expect.stringContaining('只能用一次') }])
  const winner = replies[0].ok ? 'o-cloud-p' : 'o-cloud-q'
  expect(emulator.documents('principals').filter((doc) => doc.workerCode === X).map((doc) => doc._id)).toEqual([winner])
  expect(emulator.documents('binding_changes')).toHaveLength(1)
  expect(emulator.documents('invites')[0]).toMatchObject({ usedBy: winner })
})

it('refuses an account bound already with 409, and stores nothing', async () => {
  const { inviteCode } = await inviteFor(X)
  const before = bindingDocs()
  expect(await call(instances[1], 'invite.accept', { inviteCode }, OPENID.fushanStaff)).toEqual({
    ok: false,
    code: 'CONFLICT',
    message: '您的微信已经是“浮山办事处 刘科长”的账号，一个微信只能绑定一个账号。如需更换，请联系社区管理员。',
  })
  expect(bindingDocs()).toEqual(before)
})

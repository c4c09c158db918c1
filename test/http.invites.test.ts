// Invites over HTTP on the BUILT local runtime with the demo seed (DESIGN section 5): 银泉社区's admin
// makes an invite (its image a QR PNG of the h5 accept page), a fresh openid accepts it and is the worker
// from then on — session.me and the identity switcher say so, the demo's old account is a resident —
// and each refusal answers with its HTTP status and a Chinese message.
import type { DevIdentity, Session } from '@core/types'
import { type Reply, useLocalRuntime } from './support/localRuntime'

const ADMIN = 'dev-community-yinquan'
const QINGLONG_ADMIN = 'dev-community-qinglong'
const runtime = useLocalRuntime()

const call = runtime.call
const dataOf = <T>(reply: Reply): T => (reply.json as { data: T }).data
const statusAndCode = (reply: Reply) => [reply.status, (reply.json as { code?: string }).code]

async function inviteFor(workerCode: string): Promise<{ inviteCode: string; expiresAt: string; image: string }> {
  const reply = await call('invite.create', { workerCode }, ADMIN)
  expect(reply.status).toBe(200)
  return dataOf(reply)
}

it("gives 银泉社区's admin an invite for YQ03 with a QR PNG, valid 7 days from now", async () => {
  const before = Date.now()
  const invite = await inviteFor('YQ03')
  expect(invite.inviteCode).toMatch(/^I[0-9A-Za-z]{15}$/)
  expect(invite.image).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/)
  // A PNG's signature, after base64.
  expect(Buffer.from(invite.image.split(',')[1], 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const validMs = Date.parse(invite.expiresAt) - before
  expect(validMs).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000)
  expect(validMs).toBeLessThan(7 * 24 * 3600 * 1000 + 60_000)
})

it('binds a fresh openid to YQ03, moving it from the demo account: session.me and the identity switcher follow', async () => {
  const { inviteCode } = await inviteFor('YQ03')
  const card = await call('invite.card', { inviteCode }, 'o-http-fresh')
  expect([card.status, dataOf(card)]).toEqual([200, expect.objectContaining({ workerCode: 'YQ03', workerName: '陈秀英', community: '银泉社区', status: 'open' })])

  const accepted = await call('invite.accept', { inviteCode }, 'o-http-fresh')
  expect([accepted.status, accepted.json]).toEqual([200, { ok: true, data: { role: 'worker', workerCode: 'YQ03' } }])
  expect(dataOf<Session>(await call('session.me', {}, 'o-http-fresh'))).toMatchObject({ role: 'worker', name: '陈秀英', workerCode: 'YQ03' })
  expect(dataOf<Session>(await call('session.me', {}, 'dev-worker-YQ03'))).toEqual({ role: 'resident' })
  const identities = dataOf<DevIdentity[]>(await call('dev.identities', {}))
  expect(identities.filter((identity) => identity.workerCode === 'YQ03').map((identity) => identity.openid)).toEqual(['o-http-fresh'])
})

it('answers each refusal with its status and a message, and an invite works once', async () => {
  const { inviteCode } = await inviteFor('YQ04')
  expect(statusAndCode(await call('invite.create', { workerCode: 'YQ04' }))).toEqual([401, 'UNAUTHENTICATED'])
  expect(statusAndCode(await call('invite.create', { workerCode: 'YQ04' }, 'dev-resident-1'))).toEqual([403, 'FORBIDDEN'])
  expect(statusAndCode(await call('invite.create', { workerCode: 'YQ04' }, QINGLONG_ADMIN))).toEqual([403, 'FORBIDDEN'])
  expect(statusAndCode(await call('invite.create', { workerCode: 'YQ99' }, ADMIN))).toEqual([404, 'NOT_FOUND'])
  expect(statusAndCode(await call('invite.accept', { inviteCode: '邀请' }, 'o-http-x'))).toEqual([400, 'INVALID_INPUT'])
  expect(statusAndCode(await call('invite.accept', { inviteCode: 'Inosuchinvite00' }, 'o-http-x'))).toEqual([404, 'NOT_FOUND'])
  expect(statusAndCode(await call('invite.accept', { inviteCode }))).toEqual([401, 'UNAUTHENTICATED'])

  const bound = await call('invite.accept', { inviteCode }, 'dev-worker-YQ01')
  expect([bound.status, bound.json]).toEqual([409, { ok: false, code: 'CONFLICT', message: '您的微信已经是“刘建华”的账号，一个微信只能绑定一个账号。如需更换，请联系社区管理员。' }])
  expect((await call('invite.accept', { inviteCode }, 'o-http-first')).status).toBe(200)
  const again = await call('invite.accept', { inviteCode }, 'o-http-second')
  expect([again.status, again.json]).toEqual([409, { ok: false, code: 'CONFLICT', message: '这个邀请码已经被使用过了，每个邀请码只能用一次。请向社区管理员要一个新的邀请码。' }])
  expect(dataOf<Session>(await call('session.me', {}, 'o-http-second'))).toEqual({ role: 'resident' })
})

it('binds exactly one of two people who accept one invite at the same moment', async () => {
  const { inviteCode } = await inviteFor('YQ05')
  const replies = await Promise.all(['o-http-p', 'o-http-q'].map((openid) => call('invite.accept', { inviteCode }, openid)))
  expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409])
  const roles = await Promise.all(['o-http-p', 'o-http-q'].map(async (openid) => dataOf<Session>(await call('session.me', {}, openid)).role))
  expect(roles.sort()).toEqual(['resident', 'worker'])
})

it("lists 银泉社区's 18 workers for its admin, bound or not", async () => {
  const reply = await call('community.workers', {}, ADMIN)
  const { community, workers } = dataOf<{ community: string; workers: Array<{ workerCode: string; bound: boolean }> }>(reply)
  expect([reply.status, community, workers.length]).toEqual([200, '银泉社区', 18])
  expect(workers.every((worker) => worker.workerCode.startsWith('YQ'))).toBe(true)
  expect(statusAndCode(await call('community.workers', {}, 'dev-resident-1'))).toEqual([403, 'FORBIDDEN'])
})

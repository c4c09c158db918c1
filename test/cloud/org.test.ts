// Organisation management on CloudBase as it behaves (DESIGN section 7): the BUILT function on the real
// wx-server-sdk over the emulator. The bureau creates a community and renames it (the document keeps its
// `_id`; a second create of the same name is refused and adds nothing); an admin deactivates a worker
// (stored as `active: false`) and the resident's rating is refused; a staff invite made by the bureau is
// accepted on another instance and binds that openid as the community's admin.
import type { Envelope } from '@core/errors'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, restoreEnvironment } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { FUSHAN, OPENID, X, smallOrg } from '../support/smallOrg'
import { withKey } from '../support/keys'

let emulator: CloudbaseEmulator
let instances: CloudFunctionInstance[]

beforeEach(async () => {
  ;({ emulator } = await setUpCloud(smallOrg()))
  const openapi = { wxacode: { getUnlimited: () => ({ errCode: 0, contentType: 'image/png', buffer: Buffer.from('a mini-program code') }) } }
  instances = [1, 2].map((n) => loadCloudFunction(emulator, { instanceId: `api-${n}`, openapi }))
})
afterEach(() => {
  restoreEnvironment()
  emulator.dispose()
})

async function call<T>(instance: CloudFunctionInstance, action: string, payload: unknown, openid: string): Promise<Envelope<T>> {
  return (await instance.invoke({ action, payload }, { openid })) as Envelope<T>
}
function dataOf<T>(reply: Envelope<T>): T {
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`)
  return reply.data
}

it('creates 青山社区 in 浮山办事处 and renames it in place; the same name again is refused and adds nothing', async () => {
  const { communityId } = dataOf(await call<{ communityId: string }>(instances[0], 'org.community.save', { subdistrictId: FUSHAN, name: '青山社区' }, OPENID.bureau))
  expect(emulator.documents('communities').find((doc) => doc._id === communityId)).toEqual({ _id: communityId, id: communityId, name: '青山社区', subdistrictId: FUSHAN })
  dataOf(await call(instances[1], 'org.community.save', { communityId, subdistrictId: FUSHAN, name: '青山北社区' }, OPENID.bureau))
  expect(emulator.documents('communities').find((doc) => doc._id === communityId)).toEqual({ _id: communityId, id: communityId, name: '青山北社区', subdistrictId: FUSHAN })
  const count = emulator.documents('communities').length
  expect(await call(instances[0], 'org.community.save', { subdistrictId: FUSHAN, name: '青山北社区' }, OPENID.bureau)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(emulator.documents('communities')).toHaveLength(count)
  expect(emulator.unsupported).toEqual([])
})

it('deactivates 张敏: her document says active false, her card says so, and a rating is refused with nothing stored', async () => {
  dataOf(await call(instances[0], 'worker.update', { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false }, OPENID.communityAdmin))
  expect(emulator.documents('workers').find((doc) => doc._id === X)).toMatchObject({ active: false, gridId: 'g-yq-1' })
  expect(dataOf(await call(instances[1], 'worker.card', { workerCode: X }, OPENID.resident))).toMatchObject({ inactive: true })
  expect(await call(instances[1], 'rating.submit', withKey({ workerCode: X, level: 5 }), OPENID.resident)).toEqual({ ok: false, code: 'CONFLICT', message: '这位工作者已不在岗，暂时不能评价。' })
  expect(emulator.documents('resident_ratings')).toEqual([])
  // back in post: the field is removed, not set to true
  dataOf(await call(instances[0], 'worker.update', { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: true }, OPENID.communityAdmin))
  expect(emulator.documents('workers').find((doc) => doc._id === X)).not.toHaveProperty('active')
})

it("binds the openid that accepts the bureau's admin invite for 银泉社区, on another instance, once", async () => {
  const { inviteCode } = dataOf(await call<{ inviteCode: string }>(instances[0], 'org.invite', { role: 'community', communityId: 'c-yinquan', name: '周书记' }, OPENID.bureau))
  expect(dataOf(await call(instances[1], 'invite.accept', { inviteCode }, 'o-cloud-zhou'))).toEqual({ role: 'community', subdistrictId: FUSHAN, communityId: 'c-yinquan' })
  expect(emulator.documents('principals').find((doc) => doc._id === 'o-cloud-zhou')).toEqual({
    _id: 'o-cloud-zhou', openid: 'o-cloud-zhou', role: 'community', name: '周书记', subdistrictId: FUSHAN, communityId: 'c-yinquan',
  })
  expect(dataOf(await call<{ community: string }>(instances[0], 'community.grids', {}, 'o-cloud-zhou')).community).toBe('银泉社区')
  expect(await call(instances[0], 'invite.accept', { inviteCode }, 'o-cloud-other')).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(emulator.documents('principals').some((doc) => doc._id === 'o-cloud-other')).toBe(false)
})

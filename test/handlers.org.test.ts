// org.list, org.subdistrict.save and org.community.save through dispatch on a real SqliteStore:
// the bureau lists, creates and renames sub-districts and communities; names are unique (city-wide for
// sub-districts, within the sub-district for communities), trimmed, 2..20 characters; a rename keeps the
// id and everything under it; sub-district staff see their own sub-district only; a rejected call stores nothing.
import type { OrgOverview } from '@core/org'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, WENQUAN, X, Y } from './support/smallOrg'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-04-10T02:00:00.000Z'))
})
afterEach(() => api.close())

const call = (action: string, payload: unknown, openid: string | null = OPENID.bureau) => api.call({ action, payload }, openid)
const stored = async () => ({
  subdistricts: await api.store.listSubdistricts(),
  communities: [...(await api.store.listCommunities(FUSHAN)), ...(await api.store.listCommunities(WENQUAN))],
})

describe('org.list', () => {
  it('gives the bureau every sub-district with its communities, head counts and how many are in post', async () => {
    // 青龙's only worker Y leaves: 青龙 counts 1 worker, 0 in post.
    await api.store.org.updateWorker(Y, { postId: 'post-zhuanzhi', gridId: 'g-ql-1', active: false })
    expect(dataOf<OrgOverview>(await call('org.list', {}))).toEqual({
      subdistricts: [
        {
          subdistrictId: FUSHAN,
          name: '浮山办事处',
          communities: [
            { communityId: 'c-qinglong', name: '青龙社区', workers: 1, activeWorkers: 0 },
            { communityId: 'c-yinquan', name: '银泉社区', workers: 1, activeWorkers: 1 },
          ],
        },
        { subdistrictId: WENQUAN, name: '温泉办事处', communities: [{ communityId: 'c-wenquan', name: '温泉社区', workers: 1, activeWorkers: 1 }] },
      ],
    })
  })

  it("gives sub-district staff their own sub-district only, and refuses everyone else", async () => {
    const own = dataOf<OrgOverview>(await call('org.list', {}, OPENID.wenquanStaff))
    expect(own.subdistricts.map((s) => s.subdistrictId)).toEqual([WENQUAN])
    expect(await call('org.list', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    for (const openid of [OPENID.resident, OPENID.workerX, OPENID.communityAdmin]) {
      expect(await call('org.list', {}, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

describe('org.subdistrict.save', () => {
  it('creates 温泉北办事处 under a new short id, then renames it in place', async () => {
    const { subdistrictId } = dataOf<{ subdistrictId: string }>(await call('org.subdistrict.save', { name: '  温泉北办事处 ' }))
    expect(subdistrictId).toMatch(/^sd-[0-9a-z]{10}$/)
    expect(await api.store.getSubdistrict(subdistrictId)).toEqual({ id: subdistrictId, name: '温泉北办事处' })
    expect(dataOf(await call('org.subdistrict.save', { subdistrictId, name: '温泉街道' }))).toEqual({ subdistrictId })
    expect(await api.store.getSubdistrict(subdistrictId)).toEqual({ id: subdistrictId, name: '温泉街道' })
  })

  it('renames 浮山办事处 and keeps its id, communities and workers', async () => {
    await call('org.subdistrict.save', { subdistrictId: FUSHAN, name: '浮山街道' })
    expect(await api.store.getSubdistrict(FUSHAN)).toEqual({ id: FUSHAN, name: '浮山街道' })
    expect((await api.store.listCommunities(FUSHAN)).map((c) => c.id).sort()).toEqual(['c-qinglong', 'c-yinquan'])
    expect((await api.store.listWorkers(FUSHAN)).map((w) => w.code)).toEqual([X, Y])
  })

  it('gives a new name whose first id belongs to a renamed sub-district the next id', async () => {
    const first = dataOf<{ subdistrictId: string }>(await call('org.subdistrict.save', { name: '甲街道' })).subdistrictId
    await call('org.subdistrict.save', { subdistrictId: first, name: '乙街道' })
    const second = dataOf<{ subdistrictId: string }>(await call('org.subdistrict.save', { name: '甲街道' })).subdistrictId
    expect(second).not.toBe(first)
    expect((await api.store.listSubdistricts()).map((s) => s.name).sort()).toEqual(['乙街道', '浮山办事处', '温泉办事处', '甲街道'].sort())
  })

  const rejected: Array<[string, string | null, unknown, string, RegExp]> = [
    ['a duplicate name', OPENID.bureau, { name: '温泉办事处' }, 'CONFLICT', /已有名为“温泉办事处”的街道/],
    ['renaming to another one’s name', OPENID.bureau, { subdistrictId: FUSHAN, name: ' 温泉办事处' }, 'CONFLICT', /已有名为/],
    ['a one-character name', OPENID.bureau, { name: '浮' }, 'INVALID_INPUT', /街道名称至少 2 个字/],
    ['a 21-character name', OPENID.bureau, { name: '浮'.repeat(21) }, 'INVALID_INPUT', /街道名称最多 20 个字/],
    ['a blank name', OPENID.bureau, { name: '   ' }, 'INVALID_INPUT', /请填写街道名称/],
    ['an unknown id', OPENID.bureau, { subdistrictId: 'sd-nope', name: '新街道' }, 'NOT_FOUND', /没有找到这个街道/],
    ['an anonymous caller', null, { name: '新街道' }, 'UNAUTHENTICATED', /请先登录微信/],
    ['sub-district staff', OPENID.fushanStaff, { subdistrictId: FUSHAN, name: '新街道' }, 'FORBIDDEN', /没有权限/],
    ['a community admin', OPENID.communityAdmin, { name: '新街道' }, 'FORBIDDEN', /没有权限/],
  ]
  it.each(rejected)('refuses %s and stores nothing', async (_title, openid, payload, code, message) => {
    const before = await stored()
    const reply = await call('org.subdistrict.save', payload, openid)
    expect(reply).toMatchObject({ ok: false, code, message: expect.stringMatching(message) })
    expect(await stored()).toEqual(before)
  })
})

describe('org.community.save', () => {
  it('creates a community in the sub-district picked and renames it; the same name may exist in another sub-district', async () => {
    const { communityId } = dataOf<{ communityId: string }>(await call('org.community.save', { subdistrictId: WENQUAN, name: '青龙社区' }))
    expect(communityId).toMatch(/^cm-[0-9a-z]{10}$/)
    expect(await api.store.getCommunity(communityId)).toEqual({ id: communityId, name: '青龙社区', subdistrictId: WENQUAN })
    await call('org.community.save', { communityId, subdistrictId: WENQUAN, name: '青龙东社区' })
    expect(await api.store.getCommunity(communityId)).toEqual({ id: communityId, name: '青龙东社区', subdistrictId: WENQUAN })
  })

  const rejected: Array<[string, string | null, unknown, string, RegExp]> = [
    ['a name its sub-district has', OPENID.bureau, { subdistrictId: FUSHAN, name: '银泉社区' }, 'CONFLICT', /浮山办事处已有名为“银泉社区”的社区/],
    ['a rename under the wrong sub-district', OPENID.bureau, { communityId: 'c-yinquan', subdistrictId: WENQUAN, name: '银泉新社区' }, 'INVALID_INPUT', /不属于温泉办事处/],
    ['an unknown sub-district', OPENID.bureau, { subdistrictId: 'sd-nope', name: '新社区' }, 'NOT_FOUND', /没有找到这个街道/],
    ['an unknown community', OPENID.bureau, { communityId: 'c-nope', subdistrictId: FUSHAN, name: '新社区' }, 'NOT_FOUND', /没有找到这个社区/],
    ['a missing sub-district', OPENID.bureau, { name: '新社区' }, 'INVALID_INPUT', /请选择街道|街道编号/],
    ['sub-district staff, even in their own sub-district', OPENID.fushanStaff, { subdistrictId: FUSHAN, name: '新社区' }, 'FORBIDDEN', /没有权限/],
  ]
  it.each(rejected)('refuses %s and stores nothing', async (_title, openid, payload, code, message) => {
    const before = await stored()
    expect(await call('org.community.save', payload, openid)).toMatchObject({ ok: false, code, message: expect.stringMatching(message) })
    expect(await stored()).toEqual(before)
  })
})

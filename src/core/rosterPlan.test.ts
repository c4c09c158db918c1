// What an import changes: units matched by name within their parent, workers by 工号,
// nothing deleted, the same file a second time planning nothing.
import type { RosterEntry } from './roster'
import { type StoredOrganisation, isEmptyPlan, planRoster, unitId } from './rosterPlan'

const STORED: StoredOrganisation = {
  subdistricts: [{ id: 'fushan', name: '浮山办事处' }],
  communities: [{ id: 'yinquan', name: '银泉社区', subdistrictId: 'fushan' }],
  grids: [{ id: 'yinquan-g1', name: '银泉花园', communityId: 'yinquan', households: 320 }],
  posts: [{ id: 'zhengzhi', name: '正职' }, { id: 'zhuanzhi', name: '专职社区工作者' }],
  workers: [
    { code: 'YQ01', name: '张敏', postId: 'zhengzhi', gridId: 'yinquan-g1', communityId: 'yinquan', subdistrictId: 'fushan' },
    { code: 'YQ02', name: '李华', postId: 'zhuanzhi', gridId: 'yinquan-g1', communityId: 'yinquan', subdistrictId: 'fushan' },
  ],
}

const entry = (row: number, fields: Partial<RosterEntry>): RosterEntry => ({
  row, subdistrict: '浮山办事处', community: '银泉社区', grid: '银泉花园', households: 320, workerCode: 'YQ01', name: '张敏', post: '正职', ...fields,
})

it('plans nothing for a roster that says what is stored', () => {
  const { plan, summary } = planRoster([entry(2, {}), entry(3, { workerCode: 'YQ02', name: '李华', post: '专职社区工作者' })], STORED)
  expect(isEmptyPlan(plan)).toBe(true)
  expect(summary).toEqual({ created: 0, updated: 0, units: { subdistricts: 0, communities: 0, grids: 0 }, missing: [] })
})

it('creates a new worker in a new community of a stored sub-district, with ids from parent and name', () => {
  const { plan, summary } = planRoster([entry(2, {}), entry(3, { workerCode: 'YQ02', name: '李华', post: '专职社区工作者' }), entry(4, { community: '青龙社区', grid: '青龙小区', households: 410, workerCode: 'QL01', name: '王强' })], STORED)
  const communityId = unitId('c', 'fushan', '青龙社区')
  const gridId = unitId('g', communityId, '青龙小区')
  expect(communityId).toMatch(/^c[0-9a-f]{16}$/)
  expect(plan.communities).toEqual([{ id: communityId, name: '青龙社区', subdistrictId: 'fushan' }])
  expect(plan.grids).toEqual([{ id: gridId, name: '青龙小区', communityId, households: 410 }])
  expect(plan.newWorkers).toEqual([{ code: 'QL01', name: '王强', postId: 'zhengzhi', gridId, communityId, subdistrictId: 'fushan' }])
  expect(summary.created).toBe(1)
  expect(summary.updated).toBe(0)
})

it('moves a stored 工号 to another sub-district as an update, and lists the worker left out as missing', () => {
  const { plan, summary } = planRoster([entry(2, { subdistrict: '温泉办事处', community: '淦河社区', grid: '淦河小区', households: 380 })], STORED)
  const sid = unitId('s', '', '温泉办事处')
  expect(plan.subdistricts).toEqual([{ id: sid, name: '温泉办事处' }])
  expect(plan.changedWorkers).toEqual([expect.objectContaining({ code: 'YQ01', subdistrictId: sid })])
  expect(plan.moved).toEqual([{ code: 'YQ01', subdistrictId: sid }])
  expect(summary).toEqual({ created: 0, updated: 1, units: { subdistricts: 1, communities: 1, grids: 1 }, missing: [{ workerCode: 'YQ02', name: '李华', community: '银泉社区' }] })
})

it('changes a stored grid\'s households once, however many workers serve it', () => {
  const { plan, summary } = planRoster([entry(2, { households: 350 }), entry(3, { workerCode: 'YQ02', name: '李华', post: '专职社区工作者', households: 350 })], STORED)
  expect(plan.grids).toEqual([{ id: 'yinquan-g1', name: '银泉花园', communityId: 'yinquan', households: 350 }])
  expect(summary.updated).toBe(0)
  expect(plan.moved).toEqual([])
})

it('derives the same ids on every import, different ones for the same name under another parent', () => {
  expect(unitId('g', 'c1', '一网格')).toBe(unitId('g', 'c1', '一网格'))
  expect(unitId('g', 'c1', '一网格')).not.toBe(unitId('g', 'c2', '一网格'))
})

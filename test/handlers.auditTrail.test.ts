// Every staff decision is in the append-only audit log with who and when — here the ones written through
// backend/audit/auditTrail.ts (scores, workers' posts/grids/in post, organisation edits), through dispatch
// on a real SqliteStore. A retry with the same key appends nothing; a refused call appends nothing. What the
// bureau reads of each (audit.list) names the worker, community, grid or post, and the old and new values.
import type { AuditEntryView } from '@core/auditSchemas'
import type { ResultOf } from '@core/contract'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Z } from './support/smallOrg'

const NOW = new Date('2026-03-20T02:00:00Z') // 10:00 China time
let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
})
afterEach(() => api.close())

const entries = async () => (await api.store.audit.list({}, { limit: 50 })).entries
/** The newest entry as the bureau reads it. */
const newest = async (): Promise<AuditEntryView> => dataOf<ResultOf<'audit.list'>>(await api.call({ action: 'audit.list', payload: { limit: 1 } }, OPENID.bureau)).entries[0]

it('records a sub-district score with who, when, whom and how much; its retry adds no second entry', async () => {
  const payload = { workerCode: X, period: '2026-03', score: 86.5, idempotencyKey: 'score-audit-0001' }
  expect(await api.call({ action: 'score.submit', payload }, OPENID.fushanStaff)).toMatchObject({ ok: true })
  expect(await api.call({ action: 'score.submit', payload }, OPENID.fushanStaff)).toMatchObject({ ok: true })
  const log = await entries()
  expect(log).toHaveLength(1)
  expect(log[0]).toMatchObject({
    at: '2026-03-20T02:00:00.000Z',
    by: { openid: OPENID.fushanStaff, role: 'subdistrict', name: '浮山办事处 刘科长' },
    action: 'score.submit',
    subdistrictId: FUSHAN,
    target: 'score:W001:2026-03',
    details: { workerCode: 'W001', period: '2026-03', score: 86.5 },
  })
  expect(await newest()).toMatchObject({ targetLabel: '2026年3月 张敏（W001）的街道评分', summary: ['工作者：张敏（W001）', '考核期：2026年3月', '街道评分：未录入 → 86.5 分'] })
})

it('records a score entered again with the one it replaced: 86.5 → 88', async () => {
  const score = (value: number, key: string) => api.call({ action: 'score.submit', payload: { workerCode: X, period: '2026-03', score: value, idempotencyKey: key } }, OPENID.fushanStaff)
  expect(await score(86.5, 'score-audit-0003')).toMatchObject({ ok: true })
  api.now = new Date(NOW.getTime() + 60_000)
  expect(await score(88, 'score-audit-0004')).toMatchObject({ ok: true })
  expect((await newest()).summary).toEqual(['工作者：张敏（W001）', '考核期：2026年3月', '街道评分：86.5 分 → 88 分'])
})

it('appends nothing for a refused score (another sub-district’s worker: 403)', async () => {
  const payload = { workerCode: Z, period: '2026-03', score: 80, idempotencyKey: 'score-audit-0002' }
  expect(await api.call({ action: 'score.submit', payload }, OPENID.fushanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await entries()).toEqual([])
})

it('records a worker taken out of post by the community admin, with the post and grid before and after', async () => {
  const payload = { workerCode: X, postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false }
  expect(await api.call({ action: 'worker.update', payload }, OPENID.communityAdmin)).toMatchObject({ ok: true })
  const [entry] = await entries()
  expect(entry).toMatchObject({ action: 'worker.update', subdistrictId: FUSHAN, target: 'worker:W001', by: { name: '银泉社区 周书记', role: 'community' } })
  expect(await newest()).toMatchObject({
    targetLabel: '工作者 张敏（W001）',
    summary: ['工作者：张敏（W001）', '岗位：专职社区工作者（未改动）', '网格：银泉第一网格（未改动）', '在岗：在岗 → 不在岗'],
  })
})

it('records a community renamed by the bureau', async () => {
  const payload = { communityId: 'c-yinquan', subdistrictId: FUSHAN, name: '银泉新村社区' }
  expect(await api.call({ action: 'org.community.save', payload }, OPENID.bureau)).toMatchObject({ ok: true })
  expect(await entries()).toMatchObject([{ action: 'org.community.save', target: 'community:c-yinquan', details: { name: '银泉新村社区' }, by: { role: 'bureau' } }])
  expect(await newest()).toMatchObject({ targetLabel: '社区 银泉新村社区', summary: ['名称：银泉社区 → 银泉新村社区'] })
})

it('records a worker invite by the community admin, without the invite code (it binds a WeChat identity)', async () => {
  const reply = await api.call({ action: 'invite.create', payload: { workerCode: X } }, OPENID.communityAdmin)
  expect(reply).toMatchObject({ ok: true })
  const [entry] = await entries()
  expect(entry).toMatchObject({ action: 'invite.create', target: 'worker:W001', details: { workerCode: 'W001' }, by: { role: 'community' } })
  const code = (reply as { ok: true; data: { inviteCode: string } }).data.inviteCode
  expect(JSON.stringify(entry)).not.toContain(code)
  expect(await newest()).toMatchObject({ targetLabel: '工作者 张敏（W001）', summary: ['工作者：张敏（W001）'] })
})

it('records a grid, a post and a sub-district changed with their old values beside the new', async () => {
  const grid = { gridId: 'g-yq-1', name: '银泉第一网格', households: 450 }
  expect(await api.call({ action: 'grid.save', payload: grid }, OPENID.communityAdmin)).toMatchObject({ ok: true })
  expect(await newest()).toMatchObject({ targetLabel: '网格 银泉第一网格', summary: ['名称：银泉第一网格（未改动）', '户数：420 户 → 450 户'] })
  api.now = new Date(NOW.getTime() + 60_000)
  const post = { postId: 'post-zhuanzhi', name: '专职社区工作者', duties: ['走访网格内住户', '收集并反映居民诉求', '协助开展政策宣传'] }
  expect(await api.call({ action: 'post.save', payload: { post } }, OPENID.bureau)).toMatchObject({ ok: true })
  expect(await newest()).toMatchObject({ targetLabel: '岗位 专职社区工作者', summary: ['名称：专职社区工作者（未改动）', '职责：2 条 → 3 条'] })
  api.now = new Date(NOW.getTime() + 120_000)
  expect(await api.call({ action: 'org.subdistrict.save', payload: { subdistrictId: FUSHAN, name: '浮山街道办事处' } }, OPENID.bureau)).toMatchObject({ ok: true })
  expect(await newest()).toMatchObject({ targetLabel: '街道 浮山街道办事处', summary: ['名称：浮山办事处 → 浮山街道办事处'] })
})

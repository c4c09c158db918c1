// Every staff decision is in the append-only audit log with who and when — here the ones written through
// backend/audit/auditTrail.ts (scores, workers' posts/grids/in post, organisation edits), through dispatch
// on a real SqliteStore. A retry with the same key appends nothing; a refused call appends nothing.
import { auditSummary } from '@core/auditLabels'
import { createHarness, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Z } from './support/smallOrg'

const NOW = new Date('2026-03-20T02:00:00Z') // 10:00 China time
let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
})
afterEach(() => api.close())

const entries = async () => (await api.store.audit.list({}, { limit: 50 })).entries

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
  expect(auditSummary('score.submit', log[0].details)).toEqual(['工作者编号：W001', '考核期：2026年3月', '分数：86.5'])
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
  expect(auditSummary('worker.update', entry.details)).toEqual([
    '工作者编号：W001', '原岗位：post-zhuanzhi', '岗位：post-zhuanzhi', '原网格：g-yq-1', '网格：g-yq-1', '在岗：否',
  ])
})

it('records a community renamed by the bureau', async () => {
  const payload = { communityId: 'c-yinquan', subdistrictId: FUSHAN, name: '银泉新村社区' }
  expect(await api.call({ action: 'org.community.save', payload }, OPENID.bureau)).toMatchObject({ ok: true })
  expect(await entries()).toMatchObject([{ action: 'org.community.save', target: 'community:c-yinquan', details: { name: '银泉新村社区' }, by: { role: 'bureau' } }])
})

it('records a worker invite by the community admin, without the invite code (it binds a WeChat identity)', async () => {
  const reply = await api.call({ action: 'invite.create', payload: { workerCode: X } }, OPENID.communityAdmin)
  expect(reply).toMatchObject({ ok: true })
  const [entry] = await entries()
  expect(entry).toMatchObject({ action: 'invite.create', target: 'worker:W001', details: { workerCode: 'W001' }, by: { role: 'community' } })
  const code = (reply as { ok: true; data: { inviteCode: string } }).data.inviteCode
  expect(JSON.stringify(entry)).not.toContain(code)
})

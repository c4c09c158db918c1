// What the bureau reads in audit.list after real calls through dispatch on a real SqliteStore: a sheet
// change says whose points went from what to what and why, a case step says whose case moved from which
// stage to which — by names looked up when the log is read, with no internal code and no rater.
// smallOrg: 浮山 has 张敏 (W001, 银泉社区, admin 周书记) and 李强 (W002); now: 2026-06-20, 10:00 China time.
// Default criteria: 履职尽责 40, 工作实绩 40, 纪律作风 20.
import type { AuditEntryView } from '@core/auditSchemas'
import type { ResultOf } from '@core/contract'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { withKey } from './support/keys'
import { TEST_SECRETS } from './support/secrets'
import { OPENID, X, Y } from './support/smallOrg'

const NOW = new Date('2026-06-20T02:00:00Z')
const RATER = 'o-rater-1'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string) => api.call({ action, payload: withKey(payload) }, openid)
const read = async (action: string): Promise<AuditEntryView[]> =>
  dataOf<ResultOf<'audit.list'>>(await api.call({ action: 'audit.list', payload: { action } }, OPENID.bureau)).entries
/** No level, stage, reason code, id or rater in what a person reads. */
const RAW = /level|stage|reached|callback|BURST|社区编号|c-yinquan|o-rater|undefined|null/

it('reads a sheet change as whose score went from what to what, which item, and why', async () => {
  const MAY = { kind: 'period', period: '2026-05' }
  // 张敏 38.5 + 36 + 18.7 = 93.2; 李强 30 + 32.5 + 17 = 79.5.
  dataOf(await call('sheet.submit', { ...MAY, version: 0, rows: [{ workerCode: X, points: [38.5, 36, 18.7] }, { workerCode: Y, points: [30, 32.5, 17] }] }, OPENID.fushanStaff))
  // 张敏's 工作实绩 36 → 40: 38.5 + 40 + 18.7 = 97.2.
  dataOf(await call('sheet.change', { ...MAY, version: 1, rows: [{ workerCode: X, points: [38.5, 40, 18.7] }], reason: '复核考勤后更正工作实绩得分' }, OPENID.fushanStaff))
  const [change] = await read('sheet.change')
  expect(change).toMatchObject({
    actionLabel: '修改已提交的评分表',
    by: { name: '浮山办事处 刘科长', roleLabel: '街道工作人员' },
    targetLabel: '评分表 2026年5月',
    reason: '复核考勤后更正工作实绩得分',
    reasonLabel: '理由',
    summary: ['张敏（W001）：93.2 分 → 97.2 分（工作实绩 36 → 40）'],
  })
  expect((await read('sheet.submit'))[0].summary).toEqual(['提交了 2 位工作者的评分，评分已锁定'])
})

it('reads a bad review and its call-back as whose case, the level in words, and the stage it moved from and to', async () => {
  dataOf(await call('rating.submit', { workerCode: X, level: 1 }, RATER))
  const caseId = ratingRefId({ kind: 'resident', id: residentRatingId(RATER, X, '2026-06') }, TEST_SECRETS.idKey)
  dataOf(await call('case.callback', { caseId, reached: true, outcome: '已电话联系居民，了解到入户走访不及时' }, OPENID.communityAdmin))
  const [opened] = await read('case.open')
  expect(opened).toMatchObject({
    actionLabel: '收到差评，转社区回访整改',
    by: { name: '居民', roleLabel: '居民' },
    targetLabel: '差评工单',
    summary: ['工作者：张敏（W001），银泉社区', '差评：2026年6月的居民评价（非常不满意）', '进度：待回访'],
  })
  const [calledBack] = await read('case.callback')
  expect(calledBack).toMatchObject({
    actionLabel: '差评回访',
    by: { name: '银泉社区 周书记', roleLabel: '社区管理员' },
    reason: '已电话联系居民，了解到入户走访不及时',
    reasonLabel: '回访情况',
    summary: ['工作者：张敏（W001），银泉社区', '差评：2026年6月的居民评价（非常不满意）', '回访：联系上了评价人', '进度：待回访 → 待整改'],
  })
  for (const entry of [opened, calledBack]) expect([entry.targetLabel, ...entry.summary].join('\n')).not.toMatch(RAW)
  expect(JSON.stringify([opened, calledBack])).not.toContain(RATER)
})

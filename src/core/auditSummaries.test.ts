// The audit log reads as Chinese for the bureau: every summary names the worker (by name and 工号), the old
// and new values, and no internal code (levels, stages, reasons, ids) reaches a person. Strings worked out by hand.
import { AUDIT_ACTION_LABELS, type AuditNames, auditReasonLabel, auditTargetLabel } from './auditLabels'
import { SUMMARISED_ACTIONS, auditReferences, auditSummary } from './auditSummaries'

const NAMES: AuditNames = {
  workers: new Map([['QL01', '周建国'], ['W001', '张敏']]),
  communities: new Map([['yinquan', '银泉社区']]),
  grids: new Map([['g-yq-1', '银泉花园网格'], ['g-yq-2', '桂花苑网格']]),
  posts: new Map([['zhuanzhi', '专职社区工作者'], ['weiyuan', '社区两委委员']]),
  subdistricts: new Map([['fushan', '浮山办事处']]),
}

/** Every summary and target label of an entry, as one text, to look for what must not be there. */
const shown = (action: string, details: Record<string, unknown>, target = '') =>
  [...auditSummary(action, details, NAMES), auditTargetLabel(target, NAMES)].join('\n')

describe('sheet changes', () => {
  const criteria = ['履职尽责', '工作实绩', '纪律作风']

  it('says whose sheet score went from what to what, and which item: 38.5 + 36 + 18.7 = 93.2 → 38.5 + 40 + 18.7 = 97.2', () => {
    const details = { kind: 'period', period: '2026-03', version: 3, criteria, changes: [{ workerCode: 'QL01', from: [38.5, 36, 18.7], to: [38.5, 40, 18.7] }] }
    expect(auditSummary('sheet.change', details, NAMES)).toEqual(['周建国（QL01）：93.2 分 → 97.2 分（工作实绩 36 → 40）'])
    expect(auditReasonLabel('sheet.change')).toBe('理由')
  })

  it('reads an unscored row as 未评完 and names a worker the roster no longer has by 工号: 30 + 30 + 15 = 75', () => {
    const details = { criteria, changes: [{ workerCode: 'QL02', from: [null, null, null], to: [30, 30, 15] }] }
    expect(auditSummary('sheet.change', details, NAMES)).toEqual(['QL02：未评完 → 75 分（履职尽责 未评 → 30，工作实绩 未评 → 30，纪律作风 未评 → 15）'])
  })

  it('reads an entry written before the criteria were kept from its points alone, never 未评完 → 未评完', () => {
    const details = { kind: 'period', period: '2026-03', version: 2, changes: [{ workerCode: 'QL01', from: [20, 40, 20], to: [25, 40, 20] }] }
    expect(auditSummary('sheet.change', details, NAMES)).toEqual(['周建国（QL01）：80 分 → 85 分'])
  })

  it('counts a submit by its rows', () => {
    expect(auditSummary('sheet.submit', { rows: [{ workerCode: 'QL01' }, { workerCode: 'QL02' }] }, NAMES)).toEqual(['提交了 2 位工作者的评分，评分已锁定'])
  })
})

describe('sub-district scores', () => {
  it('says whose score in which period, from what to what', () => {
    expect(auditSummary('score.submit', { workerCode: 'W001', period: '2026-03', fromScore: 80, score: 86.5 }, NAMES)).toEqual(['工作者：张敏（W001）', '考核期：2026年3月', '街道评分：80 分 → 86.5 分'])
    expect(auditSummary('score.submit', { workerCode: 'W001', period: '2026-H1', fromScore: null, score: 90 }, NAMES)).toEqual(['工作者：张敏（W001）', '考核期：2026年上半年', '街道评分：未录入 → 90 分'])
    expect(auditTargetLabel('score:W001:2026-03', NAMES)).toBe('2026年3月 张敏（W001）的街道评分')
  })
})

describe('reviews of flagged ratings', () => {
  it('names the worker, the rating, the reasons in Chinese and the decision from 待复核', () => {
    const details = { workerCode: 'W001', month: '2026-05', ref: { kind: 'resident', id: 'r-123' }, reasons: ['BURST', 'NEW_RATERS', 'SHARED_IP'], status: 'excluded' }
    expect(auditSummary('review.decide', details, NAMES)).toEqual([
      '工作者：张敏（W001）',
      '被标记的评价：2026年5月的居民评价',
      '可疑原因：一小时内收到的评价远多于平时；一小时内多位首次评价的人集中评价；同一网络地址一小时内有 5 位以上评价人',
      '复核结果：待复核 → 已排除，不再计分',
    ])
    const text = shown('review.decide', details, 'review:rv-1')
    for (const raw of ['BURST', 'NEW_RATERS', 'SHARED_IP', 'r-123', 'excluded']) expect(text).not.toContain(raw)
    expect(auditSummary('review.decide', { ...details, status: 'kept' }, NAMES)[3]).toBe('复核结果：待复核 → 已保留，照常计分')
  })
})

describe('held comments', () => {
  it('names the worker and the comment released or rejected from 待审核', () => {
    expect(auditSummary('comment.decide', { decision: 'release', status: 'pass', workerCode: 'W001', month: '2026-04' }, NAMES)).toEqual([
      '工作者：张敏（W001）',
      '留言所在的评价：2026年4月的评价',
      '留言：待审核 → 已通过，工作者可以看到',
    ])
    expect(auditSummary('comment.decide', { decision: 'reject', status: 'rejected', workerCode: 'W001', month: '2026-04' }, NAMES)[2]).toBe('留言：待审核 → 不通过，不会公开')
  })
})

describe('reported comments and notes (投诉/举报)', () => {
  it('says a decided comment was reported, and why', () => {
    expect(auditSummary('comment.decide', { decision: 'reject', status: 'rejected', workerCode: 'W001', month: '2026-04', reported: ['辱骂/人身攻击'] }, NAMES)).toEqual([
      '工作者：张敏（W001）',
      '留言所在的评价：2026年4月的评价',
      '被举报，原因：辱骂/人身攻击',
      '留言：待审核 → 不通过，不会公开',
    ])
  })

  it('names the worker, the case and what became of a reported rectification note', () => {
    expect(auditSummary('note.decide', { decision: 'reject', status: 'hidden', workerCode: 'W001', communityId: 'yinquan', month: '2026-03', reported: [] }, NAMES)).toEqual([
      '工作者：张敏（W001）',
      '整改说明所在的差评：2026年3月的评价',
      '被举报，原因：未选择原因',
      '整改说明：不通过，已对评价人隐藏',
    ])
    expect(auditSummary('note.decide', { decision: 'release', status: 'shown', workerCode: 'W001', month: '2026-03', reported: ['泄露隐私', '其他'] }, NAMES).slice(2)).toEqual([
      '被举报，原因：泄露隐私、其他',
      '整改说明：通过，评价人照常可见',
    ])
  })
})

describe('bad-review cases', () => {
  const base = { workerCode: 'W001', communityId: 'yinquan', month: '2026-03', ref: { kind: 'recipient', id: 'V-8842' } }

  it('opens with the worker, the community by name, the level in words and the stage', () => {
    expect(auditSummary('case.open', { ...base, level: 1, stage: 'callback' }, NAMES)).toEqual(['工作者：张敏（W001），银泉社区', '差评：2026年3月的服务对象评价（非常不满意）', '进度：待回访'])
  })

  it('steps from stage to stage: 待回访 → 待整改 → 待评价人确认 → 已办结, the call-back reached or not', () => {
    expect(auditSummary('case.callback', { ...base, level: 2, stage: 'rectify', reached: true }, NAMES)).toEqual([
      '工作者：张敏（W001），银泉社区',
      '差评：2026年3月的服务对象评价（不满意）',
      '回访：联系上了评价人',
      '进度：待回访 → 待整改',
    ])
    expect(auditSummary('case.callback', { ...base, level: 2, stage: 'rectify', reached: false }, NAMES)[2]).toBe('回访：没有联系上评价人')
    expect(auditSummary('case.rectify', { ...base, level: 2, stage: 'confirm' }, NAMES)[2]).toBe('进度：待整改 → 待评价人确认')
    expect(auditSummary('case.confirm', { ...base, level: 2, stage: 'closed' }, NAMES)[2]).toBe('进度：待评价人确认 → 已办结')
  })

  it('calls each step’s reason what it is', () => {
    expect(['case.callback', 'case.rectify', 'case.confirm'].map(auditReasonLabel)).toEqual(['回访情况', '整改情况', '评价人的评价'])
  })

  it('shows no level, stage, reached, community id or rating id', () => {
    const text = ['case.open', 'case.callback', 'case.rectify', 'case.confirm'].map((a) => shown(a, { ...base, level: 1, stage: 'callback', reached: true }, 'case:c-1')).join('\n')
    for (const raw of ['level：', 'stage：', 'reached：', 'callback', '社区编号', 'yinquan', 'V-8842', '是']) expect(text).not.toContain(raw)
  })
})

describe('appeals', () => {
  const base = { workerCode: 'W001', month: '2026-03', ref: { kind: 'resident', id: 'r-9' } }

  it('names the worker and the rating appealed; a decision reads from 审核中 to its outcome', () => {
    expect(auditSummary('appeal.file', { ...base, status: 'pending' }, NAMES)).toEqual(['工作者：张敏（W001）', '申诉的评价：2026年3月的居民评价', '状态：审核中'])
    expect(auditSummary('appeal.decide', { ...base, status: 'upheld', decision: 'uphold' }, NAMES)[2]).toBe('结果：审核中 → 已撤销该评价')
    expect(auditSummary('appeal.decide', { ...base, status: 'rejected', decision: 'reject' }, NAMES)[2]).toBe('结果：审核中 → 维持原评价')
    expect(['appeal.file', 'appeal.decide'].map(auditReasonLabel)).toEqual(['申诉理由', '复核意见'])
  })
})

describe('the organisation', () => {
  it('reads a sub-district or community created, or renamed from its old name', () => {
    expect(auditSummary('org.subdistrict.save', { name: '新桥办事处', created: true }, NAMES)).toEqual(['新建街道：新桥办事处'])
    expect(auditSummary('org.subdistrict.save', { fromName: '浮山办事处', name: '浮山街道办事处' }, NAMES)).toEqual(['名称：浮山办事处 → 浮山街道办事处'])
    expect(auditSummary('org.community.save', { fromName: '银泉社区', name: '银泉新村社区' }, NAMES)).toEqual(['名称：银泉社区 → 银泉新村社区'])
    expect(auditTargetLabel('community:yinquan', NAMES)).toBe('社区 银泉社区')
    expect(auditTargetLabel('subdistrict:fushan', NAMES)).toBe('街道 浮山办事处')
  })

  it('reads a grid created with its households, or changed from its old ones', () => {
    expect(auditSummary('grid.save', { name: '丹桂小区网格', households: 384, created: true }, NAMES)).toEqual(['新建网格：丹桂小区网格，384 户'])
    expect(auditSummary('grid.save', { fromName: '桂花苑网格', name: '桂花苑网格', fromHouseholds: 412, households: 430 }, NAMES)).toEqual(['名称：桂花苑网格（未改动）', '户数：412 户 → 430 户'])
    expect(auditTargetLabel('grid:g-yq-2', NAMES)).toBe('网格 桂花苑网格')
    expect(auditTargetLabel('grid:g-gone', NAMES)).toBe('网格')
  })

  it('reads a post created or changed: its name and its duties, counted', () => {
    expect(auditSummary('post.save', { name: '网格员', duties: 3, created: true }, NAMES)).toEqual(['新建岗位：网格员', '职责：3 条'])
    expect(auditSummary('post.save', { fromName: '专职社区工作者', name: '专职社区工作者', fromDuties: 2, duties: 2, dutiesChanged: true }, NAMES)).toEqual(['名称：专职社区工作者（未改动）', '职责：2 条，内容有修改'])
    expect(auditSummary('post.save', { fromName: '专职', name: '专职社区工作者', fromDuties: 2, duties: 3, dutiesChanged: true }, NAMES)).toEqual(['名称：专职 → 专职社区工作者', '职责：2 条 → 3 条'])
    expect(auditTargetLabel('post:zhuanzhi', NAMES)).toBe('岗位 专职社区工作者')
  })

  it('reads a worker’s post, grid and being in post by name, old → new', () => {
    const details = { workerCode: 'W001', fromPostId: 'zhuanzhi', postId: 'weiyuan', fromGridId: 'g-yq-1', gridId: 'g-yq-1', fromActive: true, active: false }
    expect(auditSummary('worker.update', details, NAMES)).toEqual(['工作者：张敏（W001）', '岗位：专职社区工作者 → 社区两委委员', '网格：银泉花园网格（未改动）', '在岗：在岗 → 不在岗'])
    expect(auditTargetLabel('worker:W001', NAMES)).toBe('工作者 张敏（W001）')
  })

  it('reads a staff invite with the community by name, and a worker invite by whose it is', () => {
    expect(auditSummary('org.invite', { role: 'community', name: '周书记', communityId: 'yinquan' }, NAMES)).toEqual(['受邀人：周书记', '担任：银泉社区的社区管理员'])
    expect(auditSummary('org.invite', { role: 'subdistrict', name: '王科长' }, NAMES)).toEqual(['受邀人：王科长', '担任：街道工作人员'])
    expect(auditTargetLabel('invite:community', NAMES)).toBe('社区管理员邀请')
    expect(auditSummary('invite.create', { workerCode: 'W001' }, NAMES)).toEqual(['工作者：张敏（W001）'])
    expect(shown('org.invite', { role: 'community', name: '周书记', communityId: 'yinquan' }, 'invite:community')).not.toMatch(/社区编号|yinquan|community/)
  })

  it('reads a roster import by what it did, under 工作者花名册, not `roster`', () => {
    expect(auditSummary('org.import', { created: 3, updated: 5, missing: 2 }, NAMES)).toEqual(['新建 3 位工作者，更新 5 位', '花名册外的工作者：2 位，请核实是否停用'])
    expect(auditSummary('org.import', { created: 0, updated: 1, missing: 0 }, NAMES)).toEqual(['新建 0 位工作者，更新 1 位'])
    expect(auditTargetLabel('roster', NAMES)).toBe('工作者花名册')
  })
})

describe('every action', () => {
  it('has a summary of its own: none falls back to raw fields', () => {
    expect([...SUMMARISED_ACTIONS].sort()).toEqual(Object.keys(AUDIT_ACTION_LABELS).sort())
  })

  it('falls back, for an action added later, to the fields it can say in words and leaves ids and codes out', () => {
    expect(auditSummary('case.someday', { workerCode: 'W001', communityId: 'yinquan', outcome: 'kept', level: 1, raterOpenid: 'o-1' }, NAMES)).toEqual(['工作者：张敏（W001）', '结果：已保留'])
  })
})

describe('the names to look up', () => {
  it('collects each worker, community, grid and post a page names, once', () => {
    const entries = [
      { target: 'sheet:period:2026-03', details: { changes: [{ workerCode: 'QL01' }, { workerCode: 'QL02' }] } },
      { target: 'case:c-1', details: { workerCode: 'QL01', communityId: 'yinquan' } },
      { target: 'worker:W001', details: { workerCode: 'W001', fromPostId: 'zhuanzhi', postId: 'weiyuan', fromGridId: 'g-yq-1', gridId: 'g-yq-2' } },
      { target: 'score:W002:2026-03', details: {} },
      { target: 'community:qinglong', details: { name: '青龙社区' } },
    ]
    const refs = auditReferences(entries)
    expect(refs.workers.sort()).toEqual(['QL01', 'QL02', 'W001', 'W002'])
    expect(refs.communities.sort()).toEqual(['qinglong', 'yinquan'])
    expect(refs.grids.sort()).toEqual(['g-yq-1', 'g-yq-2'])
    expect(refs.posts.sort()).toEqual(['weiyuan', 'zhuanzhi'])
  })
})

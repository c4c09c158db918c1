// The scoring sheet's rules, with numbers worked out by hand.
import { validateSettings, DEFAULT_SETTINGS } from './settings'
import { DEFAULT_SHEET_CRITERIA, cellProblem, cellProblems, changedRows, criteriaProblem, draftRow, pointsProblem, sheetScore, unscoredMessage, unscoredWorkers } from './sheets'

const CRITERIA = DEFAULT_SHEET_CRITERIA // 履职尽责 40, 工作实绩 40, 纪律作风 20

describe('a worker’s sheet score is the sum of the points, exact in tenths', () => {
  it('38.5 + 36 + 18.7 = 93.2', () => {
    expect(sheetScore([38.5, 36, 18.7])).toBe(93.2)
  })

  it('10.1 + 20.2 + 30.3 = 60.6 exactly, where a float sum gives 60.599999999999994 (below 60.6)', () => {
    expect(10.1 + 20.2 + 30.3).toBe(60.599999999999994)
    expect(sheetScore([10.1, 20.2, 30.3])).toBe(60.6)
  })

  it('0.1 + 0.2 + 0.7 = 1 and full marks 40 + 40 + 20 = 100', () => {
    expect(sheetScore([0.1, 0.2, 0.7])).toBe(1)
    expect(sheetScore([40, 40, 20])).toBe(100)
  })

  it('is null while any criterion is unscored', () => {
    expect(sheetScore([38.5, null, 18.7])).toBeNull()
  })
})

describe('points must fit their criterion: 0..weight, one decimal at most', () => {
  it('accepts 40 on a 40-point criterion and 0 on any', () => {
    expect(pointsProblem([40, 0, 20], CRITERIA)).toBeNull()
  })

  it('rejects 40.1 on a 40-point criterion, naming it and the value', () => {
    expect(pointsProblem([40.1, 36, 18], CRITERIA)).toBe('“履职尽责”填了 40.1，超过满分 40')
  })

  it('rejects 12.25 (two decimals) and a negative score', () => {
    expect(pointsProblem([30, 30, 12.25], CRITERIA)).toBe('“纪律作风”填了 12.25，最多一位小数')
    expect(pointsProblem([-1, 30, 12], CRITERIA)).toBe('“履职尽责”填了 -1，不能小于 0')
  })

  it('allows empty points in a draft, but not a row of the wrong length', () => {
    expect(pointsProblem([null, null, null], CRITERIA)).toBeNull()
    expect(pointsProblem([30, 30], CRITERIA)).toBe('每位工作者应有 3 项得分')
  })
})

describe('one cell: why it does not fit, in a few words beside it', () => {
  const full40 = { name: '履职尽责', weight: 40 }

  it('45 in a 40-point item is over the full marks; 40 and 0 fit', () => {
    expect(cellProblem(45, full40)).toBe('超过满分 40')
    expect(cellProblem(40, full40)).toBeNull()
    expect(cellProblem(0, full40)).toBeNull()
  })

  it('-0.5 is below 0, 38.25 has two decimals, 38.5 fits', () => {
    expect(cellProblem(-0.5, full40)).toBe('不能小于 0')
    expect(cellProblem(38.25, full40)).toBe('最多一位小数')
    expect(cellProblem(38.5, full40)).toBeNull()
  })

  it('lists every cell of a row that does not fit, empty cells fitting', () => {
    expect(cellProblems([45, null, 19.05], CRITERIA)).toEqual([
      { criterion: 0, value: 45, problem: '超过满分 40' },
      { criterion: 2, value: 19.05, problem: '最多一位小数' },
    ])
  })
})

describe('a draft row keeps the cells that fit; a cell that does not keeps what was stored', () => {
  it('45 over a stored 30 keeps 30; 36 and 18.5 are taken', () => {
    expect(draftRow([45, 36, 18.5], [30, 30, 15], CRITERIA)).toEqual({ points: [30, 36, 18.5], refused: [{ criterion: 0, value: 45, problem: '超过满分 40' }] })
  })

  it('on a row never stored, a cell that does not fit stays empty', () => {
    expect(draftRow([38, 41, 12.25], undefined, CRITERIA)).toEqual({
      points: [38, null, null],
      refused: [
        { criterion: 1, value: 41, problem: '超过满分 40' },
        { criterion: 2, value: 12.25, problem: '最多一位小数' },
      ],
    })
  })

  it('an emptied cell is taken as empty (the clerk cleared it), not refused', () => {
    expect(draftRow([null, 36, 18], [30, 30, 15], CRITERIA)).toEqual({ points: [null, 36, 18], refused: [] })
  })
})

describe('completeness', () => {
  it('names who is missing: 还有 3 位工作者未评分：张三、李四、王五', () => {
    const rows = [
      { workerCode: 'A', points: [30, 30, null] },
      { workerCode: 'B', points: [30, 30, 15] },
      { workerCode: 'C', points: [null, null, null] },
    ]
    expect(unscoredWorkers(rows).map((r) => r.workerCode)).toEqual(['A', 'C'])
    expect(unscoredMessage(['张三', '李四', '王五'])).toBe('还有 3 位工作者未评分：张三、李四、王五')
  })

  it('lists at most 10 names, then 等', () => {
    const names = Array.from({ length: 12 }, (_, i) => `工作者${i + 1}`)
    expect(unscoredMessage(names)).toBe(`还有 12 位工作者未评分：${names.slice(0, 10).join('、')} 等`)
  })
})

describe('which rows a change changed', () => {
  it('finds the one row whose points differ, with its score before and after: 93.2 -> 94.2', () => {
    const before = [{ workerCode: 'A', points: [38.5, 36, 18.7] }, { workerCode: 'B', points: [30, 32.5, 17] }]
    const after = [{ workerCode: 'A', points: [38.5, 36, 19.7] }, { workerCode: 'B', points: [30, 32.5, 17] }]
    expect(changedRows(before, after)).toEqual([{ workerCode: 'A', from: [38.5, 36, 18.7], to: [38.5, 36, 19.7], fromScore: 93.2, toScore: 94.2 }])
  })

  it('counts a worker absent before (joined later) as a change from empty', () => {
    expect(changedRows([], [{ workerCode: 'N', points: [20, 20, 10] }])).toEqual([{ workerCode: 'N', from: [null, null, null], to: [20, 20, 10], fromScore: null, toScore: 50 }])
  })
})

describe('the bureau’s criteria setting (sheetCriteria)', () => {
  it('defaults to 履职尽责 40, 工作实绩 40, 纪律作风 20, which sum to 100', () => {
    expect(CRITERIA).toEqual([{ name: '履职尽责', weight: 40 }, { name: '工作实绩', weight: 40 }, { name: '纪律作风', weight: 20 }])
    expect(criteriaProblem(CRITERIA)).toBeNull()
  })

  it.each([
    [[], '评分项应有 1 到 8 项'],
    [Array.from({ length: 9 }, (_, i) => ({ name: `项${i}`, weight: i === 0 ? 92 : 1 })), '评分项应有 1 到 8 项'],
    [[{ name: ' ', weight: 100 }], '每个评分项都要有名称'],
    [[{ name: '履职尽责履职尽责履职尽', weight: 100 }], '评分项名称最多 10 个字'],
    [[{ name: '实绩', weight: 50 }, { name: '实绩', weight: 50 }], '评分项名称不能重复'],
    [[{ name: '实绩', weight: 50.5 }, { name: '作风', weight: 49.5 }], '每个评分项的分值都应是大于 0 的整数'],
    [[{ name: '实绩', weight: 100 }, { name: '作风', weight: 0 }], '每个评分项的分值都应是大于 0 的整数'],
    [[{ name: '实绩', weight: 40 }, { name: '作风', weight: 50 }], '各评分项分值之和应为 100，现在是 90'],
  ])('rejects %j: %s', (criteria, message) => {
    expect(criteriaProblem(criteria)).toBe(message)
  })

  it('is validated with the other settings, the error naming field sheetCriteria; absent, it is the default', () => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, sheetCriteria: [{ name: '实绩', weight: 40 }, { name: '作风', weight: 50 }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'sheetCriteria', message: 'sheetCriteria（评分表评分项）：各评分项分值之和应为 100，现在是 90' }),
    )
    const { sheetCriteria, ...older } = DEFAULT_SETTINGS
    expect(sheetCriteria).toHaveLength(3)
    expect(validateSettings(older).sheetCriteria).toEqual(CRITERIA)
    expect(validateSettings({ ...DEFAULT_SETTINGS, sheetCriteria: [{ name: '综合表现', weight: 100 }] }).sheetCriteria).toEqual([{ name: '综合表现', weight: 100 }])
  })
})

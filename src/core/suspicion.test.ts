// The suspicious-pattern rules (a person month after month among them), with numbers worked out by hand.
import { burstThreshold, chinaMonthStart, dailyCounts, inBusyHours, isRepeatRecipient, median, repeatWindowStart } from './suspicion'
import { decisionReasonProblem } from './reviews'
import { markUnderReview } from './underReview'
import type { EvaluationRow } from './types'

const at = (minutes: number) => new Date(Date.UTC(2026, 5, 10, 2, 0) + minutes * 60_000).toISOString()

describe('the burst threshold: more than max(10, 5 × the median daily count of 30 days) in an hour', () => {
  it('a quiet worker (20 days of 0, 10 days of 2): median 0, threshold 10 — 10 in an hour is fine, 11 is a burst', () => {
    const days = [...Array(20).fill(0), ...Array(10).fill(2)]
    expect(median(days)).toBe(0)
    expect(burstThreshold(days)).toBe(10)
    const ten = Array.from({ length: 10 }, (_, i) => ({ submittedAt: at(i * 5) }))
    expect(inBusyHours(ten, burstThreshold(days) + 1)).toEqual([])
    const eleven = [...ten, { submittedAt: at(55) }]
    expect(inBusyHours(eleven, burstThreshold(days) + 1)).toHaveLength(11)
  })

  it('a busy worker with a median of 3 a day: threshold 15', () => {
    expect(burstThreshold([...Array(15).fill(1), ...Array(15).fill(5)])).toBe(15) // middle two: 1 and 5 → 3
    expect(burstThreshold(Array(30).fill(3))).toBe(15)
  })

  it('takes the median of an odd count as its middle value', () => {
    expect(median([7, 1, 3])).toBe(3)
    expect(median([])).toBe(0)
  })

  it('counts each of the 30 days before the window: one 1 h before, two 25 h before, one 31 days before (out)', () => {
    const end = '2026-06-10T02:00:00.000Z'
    const counts = dailyCounts(['2026-06-10T01:00:00.000Z', '2026-06-09T01:00:00.000Z', '2026-06-09T00:30:00.000Z', '2026-05-10T01:00:00.000Z'], end)
    expect(counts).toHaveLength(30)
    expect(counts.slice(0, 3)).toEqual([1, 2, 0])
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3)
  })
})

describe('busy hours: any 60 minutes, not clock hours', () => {
  it('finds 11 ratings across 01:30-02:29 as one hour; the ones 61 minutes apart stay out', () => {
    const items = [...Array.from({ length: 11 }, (_, i) => ({ submittedAt: at(-30 + i * 5), n: i })), { submittedAt: at(-92), n: 99 }]
    const busy = inBusyHours(items, 11)
    expect(busy.map((item) => item.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('counts distinct keys when asked: 6 ratings from 4 raters at one address are not 5 raters', () => {
    const four = ['a', 'b', 'c', 'd', 'a', 'b'].map((openid) => ({ submittedAt: at(0), openid }))
    expect(inBusyHours(four, 5, (r) => r.openid)).toEqual([])
    const five = [...four, { submittedAt: at(30), openid: 'e' }]
    expect(inBusyHours(five, 5, (r) => r.openid)).toHaveLength(7)
    // The fifth rater 60 minutes after the other four: 60 minutes from 02:00 end before 03:00.
    const late = [...four, { submittedAt: at(60), openid: 'e' }]
    expect(inBusyHours(late, 5, (r) => r.openid)).toEqual([])
  })
})

describe('a decision on a flagged rating', () => {
  it('needs a reason of 2+ characters to exclude, none to keep', () => {
    expect(decisionReasonProblem('exclude', ' 刷 ')).toBe('排除评价需要写明理由，至少 2 个字')
    expect(decisionReasonProblem('exclude', undefined)).not.toBe('')
    expect(decisionReasonProblem('exclude', '刷评')).toBe('')
    expect(decisionReasonProblem('keep', undefined)).toBe('')
  })
})

describe('UNDER_REVIEW', () => {
  const row = (workerCode: string, flags: EvaluationRow['flags'] = []): EvaluationRow => ({
    workerCode, name: workerCode, community: '银泉社区', residents: { n: 6, score: 92 }, recipients: { n: 3, score: 95 }, subdistrict: { score: 95 },
    total: 93.6, grade: '优秀', flags,
  })

  it('goes on the rows of workers with an open item of a month in the period, after grading: grade and total stay', () => {
    const rows = [row('A'), row('B', ['FEW_RECIPIENTS']), row('C')]
    const open = [{ workerCode: 'A', month: '2026-03' }, { workerCode: 'B', month: '2026-08' }]
    expect(markUnderReview(rows, '2026-03', open).map((r) => [r.workerCode, r.grade, r.total, r.flags])).toEqual([
      ['A', '优秀', 93.6, ['UNDER_REVIEW']], ['B', '优秀', 93.6, ['FEW_RECIPIENTS']], ['C', '优秀', 93.6, []],
    ])
    expect(markUnderReview(rows, '2026', open).map((r) => r.flags)).toEqual([['UNDER_REVIEW'], ['FEW_RECIPIENTS', 'UNDER_REVIEW'], []])
    expect(markUnderReview(rows, '2026-H1', open).map((r) => r.flags)).toEqual([['UNDER_REVIEW'], ['FEW_RECIPIENTS'], []])
  })
})

describe('a person giving feedback on one worker month after month: 3 or more of the last 6 months', () => {
  it('counts the six months ending with the newest: 2026-06 looks back to 2026-01', () => {
    expect(repeatWindowStart('2026-06')).toBe('2026-01')
    expect(repeatWindowStart('2026-02')).toBe('2025-09')
  })

  it('flags January, March and June (3 of January..June); not December, March and June (December is out)', () => {
    expect(isRepeatRecipient(['2026-01', '2026-03', '2026-06'], '2026-06')).toBe(true)
    expect(isRepeatRecipient(['2025-12', '2026-03', '2026-06'], '2026-06')).toBe(false)
  })

  it('counts months, not feedback: 5 in June and 1 in May are 2 months', () => {
    expect(isRepeatRecipient(['2026-06', '2026-06', '2026-06', '2026-06', '2026-06', '2026-05'], '2026-06')).toBe(false)
  })

  it('starts a China month at 16:00 UTC of the day before', () => {
    expect(chinaMonthStart('2026-06')).toBe('2026-05-31T16:00:00.000Z')
    expect(chinaMonthStart('2026-01')).toBe('2025-12-31T16:00:00.000Z')
  })
})

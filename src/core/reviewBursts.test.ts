import { type ReviewItemView, reviewBursts } from './reviews'

const item = (id: string, workerCode: string, flaggedAt: string, status: ReviewItemView['status'], reasons: string[]): ReviewItemView => ({
  id, status, workerCode, workerName: `名${workerCode}`, community: '银泉社区', kind: '居民评价', level: 5, month: '2026-06',
  submittedAt: '2026-06-10T02:00:00.000Z', flaggedAt, reasons, rater: '评价人 ABCDEF', comment: '',
})

it('groups the open items one run flagged for one worker, two or more, keeping the queue order and each reason once', () => {
  const run1 = '2026-06-10T04:00:00.000Z'
  const run2 = '2026-06-10T05:00:00.000Z'
  const items = [
    item('a', 'X', run1, 'open', ['集中']),
    item('b', 'Y', run1, 'open', ['集中']), // Y alone in run 1: no burst
    item('c', 'X', run1, 'open', ['集中', '同一地址']),
    item('d', 'X', run2, 'open', ['新人']), // X in another run: its own group, alone
    item('e', 'X', run1, 'kept', ['集中']), // decided: not in a burst
    item('f', 'X', run1, 'open', ['同一地址']),
  ]
  expect(reviewBursts(items)).toEqual([
    { workerCode: 'X', workerName: '名X', community: '银泉社区', flaggedAt: run1, ids: ['a', 'c', 'f'], reasons: ['集中', '同一地址'] },
  ])
})

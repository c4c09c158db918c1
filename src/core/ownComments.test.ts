// Trust rules 5 and 6 for a worker's comments (withOwnComments, src/core/workerResults.ts): a party shows
// its passed comments only when it shows at all (n >= 5); a hidden party shows none, not even a count.
import type { EvaluatedRow } from './reports'
import { ownResultsOf, withOwnComments } from './workerResults'

const row = (nResidents: number, nRecipients: number): EvaluatedRow => ({
  workerCode: 'YQ01',
  communityId: 'c-yinquan',
  gridTimeRatio: null,
  name: '刘建华',
  community: '银泉社区',
  residents: { n: nResidents, score: 82.5 },
  recipients: { n: nRecipients, score: 93.3 },
  subdistrict: null,
  total: 87.4,
  grade: '称职',
  flags: [],
})

const passed = [
  { kind: 'resident' as const, month: '2026-03', comment: '很耐心', token: 't-a' },
  { kind: 'recipient' as const, month: '2026-03', comment: '上门及时', token: 't-b' },
  { kind: 'resident' as const, month: '2026-04', comment: '办事快', token: 't-c' },
]

it('gives each shown party its own passed comments, text and month only, each with the token to report it by', () => {
  const own = withOwnComments(ownResultsOf('2026-H1', row(5, 6)), passed)
  expect(own.residents).toEqual({
    shown: true, n: 5, score: 82.5,
    comments: [{ month: '2026-03', text: '很耐心', report: { kind: 'resident', token: 't-a' } }, { month: '2026-04', text: '办事快', report: { kind: 'resident', token: 't-c' } }],
  })
  expect(own.recipients).toEqual({ shown: true, n: 6, score: 93.3, comments: [{ month: '2026-03', text: '上门及时', report: { kind: 'recipient', token: 't-b' } }] })
})

it('gives a party of 4 ratings no comment at all, and leaves `comments` out where there are none', () => {
  const own = withOwnComments(ownResultsOf('2026-H1', row(4, 5)), passed.filter((p) => p.kind === 'resident'))
  expect(own.residents).toEqual({ shown: false })
  expect(own.recipients).toEqual({ shown: true, n: 5, score: 93.3 })
  expect(JSON.stringify(own)).not.toMatch(/很耐心|办事快/)
})

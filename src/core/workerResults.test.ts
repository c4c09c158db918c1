// Trust rule 5 (DESIGN section 6): a worker sees aggregates only, and a rated party only when n >= 5.
import type { EvaluationRow } from './types'
import { OWN_RESULTS_MIN_N, ownResultPeriods, ownResultsOf, unpublishedResults } from './workerResults'

const row = (nResidents: number, nRecipients: number): EvaluationRow => ({
  workerCode: 'YQ01',
  name: '刘建华',
  community: '银泉社区',
  residents: nResidents === 0 ? null : { n: nResidents, score: 82.5 },
  recipients: nRecipients === 0 ? null : { n: nRecipients, score: 93.3 },
  subdistrict: { score: 88 },
  total: 87.4,
  grade: '称职',
  flags: [],
})

describe('ownResultsOf', () => {
  it('shows n and score of a party with 5 ratings or more', () => {
    expect(OWN_RESULTS_MIN_N).toBe(5)
    expect(ownResultsOf('2026-03', row(6, 5))).toEqual({
      period: '2026-03',
      published: true,
      residents: { shown: true, n: 6, score: 82.5 },
      recipients: { shown: true, n: 5, score: 93.3 },
      subdistrict: { score: 88 },
    })
  })

  it('shows nothing of a party with 4 ratings, not even n; the office’s score still shows', () => {
    const own = ownResultsOf('2026-03', row(4, 3))
    expect(own).toEqual({ period: '2026-03', published: true, residents: { shown: false }, recipients: { shown: false }, subdistrict: { score: 88 } })
    expect(JSON.stringify(own)).not.toMatch(/"n"|82\.5|93\.3/)
  })

  it('never carries the total, grade or name: only the per-party aggregates', () => {
    expect(Object.keys(ownResultsOf('2026-03', row(9, 9))).sort()).toEqual(['period', 'published', 'recipients', 'residents', 'subdistrict'])
  })

  it('shows nothing for a worker without a row', () => {
    expect(ownResultsOf('2026-03', undefined)).toEqual({ period: '2026-03', published: true, residents: { shown: false }, recipients: { shown: false }, subdistrict: null })
  })
})

describe('a period still running (trust rule 5: no live totals to difference)', () => {
  it('says only the day it is published: the 1st after its last month', () => {
    expect(unpublishedResults('2026-07')).toEqual({ period: '2026-07', published: false, publishedOn: '2026-08-01' })
    expect(unpublishedResults('2026-12')).toEqual({ period: '2026-12', published: false, publishedOn: '2027-01-01' })
    expect(unpublishedResults('2026-H1')).toEqual({ period: '2026-H1', published: false, publishedOn: '2026-07-01' })
    expect(unpublishedResults('2026')).toEqual({ period: '2026', published: false, publishedOn: '2027-01-01' })
  })

  it('offers the worker home last month first, then the month before and the last closed half-year, then this month', () => {
    // 2026-07-10 10:00 China
    expect(ownResultPeriods(new Date('2026-07-10T02:00:00Z'))).toEqual(['2026-06', '2026-05', '2026-H1', '2026-07'])
    // 2026-01-01 00:30 China is already January (UTC still says 2025-12-31)
    expect(ownResultPeriods(new Date('2025-12-31T16:30:00Z'))).toEqual(['2025-12', '2025-11', '2025-H2', '2026-01'])
    // 2026-03-15: the last closed half-year is 2025-H2
    expect(ownResultPeriods(new Date('2026-03-15T02:00:00Z'))).toEqual(['2026-02', '2026-01', '2025-H2', '2026-03'])
  })
})

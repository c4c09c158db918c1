// Trust rule 5 (DESIGN section 6): a worker sees aggregates only, and a rated party only when n >= 5.
import type { EvaluatedRow } from './reports'
import { OWN_RESULTS_MIN_N, ownResultPeriods, ownResultsOf, unpublishedResults } from './workerResults'

const row = (nResidents: number, nRecipients: number): EvaluatedRow => ({
  workerCode: 'YQ01',
  communityId: 'c-yinquan',
  // 6700 of 10560 working minutes (22 days): 0.63446 -> 0.634, as the report shows it.
  gridTimeRatio: 6700 / 10560,
  // 4 of the month's working days at the service hall, from the rota.
  hallDays: 4,
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
  it('shows n and score of a party with 5 ratings or more, and the total and grade made of them', () => {
    expect(OWN_RESULTS_MIN_N).toBe(5)
    expect(ownResultsOf('2026-03', row(6, 5))).toEqual({
      period: '2026-03',
      published: true,
      residents: { shown: true, n: 6, score: 82.5 },
      recipients: { shown: true, n: 5, score: 93.3 },
      subdistrict: { score: 88 },
      overall: { shown: true, total: 87.4, grade: '称职' },
      gridTimeRatio: 0.634,
      hallDays: 4,
    })
  })

  it('shows nothing of a party with 4 ratings, not even n, nor the total and grade it is part of; the office’s score still shows', () => {
    const own = ownResultsOf('2026-03', row(4, 5))
    expect(own).toMatchObject({ residents: { shown: false }, recipients: { shown: true, n: 5 }, subdistrict: { score: 88 }, overall: { shown: false } })
    // The total is 0.4 R + 0.3 S + 0.3 D: with S and D shown it would give R away.
    expect(JSON.stringify(own)).not.toMatch(/82\.5|87\.4|称职/)
    expect(ownResultsOf('2026-03', row(9, 2)).overall).toEqual({ shown: false })
  })

  it('shows the total of the parties that have ratings when the others have none', () => {
    expect(ownResultsOf('2026-03', row(7, 0))).toMatchObject({ recipients: { shown: false }, overall: { shown: true, total: 87.4, grade: '称职' } })
  })

  it('adds the annual score of a year', () => {
    const year = { ...row(6, 6), annual: { yearTotal: 87.4, yearEnd: 90, annual: 88.4 } }
    expect(ownResultsOf('2026', year).overall).toEqual({ shown: true, total: 87.4, grade: '称职', annual: 88.4 })
  })

  it('never carries the name or anything of who rated: only aggregates', () => {
    expect(Object.keys(ownResultsOf('2026-03', row(9, 9))).sort()).toEqual(['gridTimeRatio', 'hallDays', 'overall', 'period', 'published', 'recipients', 'residents', 'subdistrict'])
  })

  it('shows nothing for a worker without a row', () => {
    expect(ownResultsOf('2026-03', undefined)).toEqual({
      period: '2026-03', published: true, residents: { shown: false }, recipients: { shown: false }, subdistrict: null, overall: { shown: false }, gridTimeRatio: null, hallDays: null,
    })
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

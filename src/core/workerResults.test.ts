// Trust rule 5 (DESIGN section 6): a worker sees aggregates only, and a rated party only when n >= 5.
import type { EvaluationRow } from './types'
import { OWN_RESULTS_MIN_N, ownResultsOf } from './workerResults'

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
      residents: { shown: true, n: 6, score: 82.5 },
      recipients: { shown: true, n: 5, score: 93.3 },
      subdistrict: { score: 88 },
    })
  })

  it('shows nothing of a party with 4 ratings, not even n; the office’s score still shows', () => {
    const own = ownResultsOf('2026-03', row(4, 3))
    expect(own).toEqual({ period: '2026-03', residents: { shown: false }, recipients: { shown: false }, subdistrict: { score: 88 } })
    expect(JSON.stringify(own)).not.toMatch(/"n"|82\.5|93\.3/)
  })

  it('never carries the total, grade or name: only the per-party aggregates', () => {
    expect(Object.keys(ownResultsOf('2026-03', row(9, 9))).sort()).toEqual(['period', 'recipients', 'residents', 'subdistrict'])
  })

  it('shows nothing for a worker without a row', () => {
    expect(ownResultsOf('2026-03', undefined)).toEqual({ period: '2026-03', residents: { shown: false }, recipients: { shown: false }, subdistrict: null })
  })
})

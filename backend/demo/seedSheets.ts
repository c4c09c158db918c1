// The demo's scoring sheets: behind every month of sub-district scores the seed loads, the submitted
// 'period' sheet those scores came from, as if the sub-district had entered them through sheet.submit
// (which writes a sheet's scores as party D). Without it a closed month's sheet read 尚未填写 while the
// reports showed its scores, and submitting it would have replaced them. A worker with no score that
// month (a newcomer) has no row: the sheet shows them empty, as a worker who joined later.
import type { SheetPoints } from '@core/sheets'
import { toTenths } from '@core/sheets'
import type { SheetCriterion } from '@core/types'
import type { OrgSeed, SubdistrictScoreRecord } from '../store'
import type { SheetActor, SheetRecord } from '../sheets/store'

/**
 * A score split over the criteria in proportion to their weights, in whole tenths summing exactly to the
 * score: 93 on 40/40/20 is 37.2 + 37.2 + 18.6. Tenths left over by rounding down go one each to the
 * criteria with the largest remainders, so no criterion gets more than its weight.
 */
export function pointsOfScore(score: number, criteria: readonly SheetCriterion[]): SheetPoints {
  const tenths = toTenths(score)
  const total = criteria.reduce((sum, c) => sum + c.weight, 0)
  const shares = criteria.map((c, index) => ({ index, tenths: Math.floor((tenths * c.weight) / total), rest: (tenths * c.weight) % total }))
  let left = tenths - shares.reduce((sum, s) => sum + s.tenths, 0)
  for (const share of [...shares].sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left === 0) break
    share.tenths += 1
    left -= 1
  }
  return shares.map((s) => s.tenths / 10)
}

/** One submitted sheet per sub-district and month of `scores`, its rows those scores' points, submitted when the last of them was entered. */
export function demoSheets(scores: Iterable<SubdistrictScoreRecord>, org: OrgSeed, criteria: readonly SheetCriterion[]): SheetRecord[] {
  const byPlace = new Map<string, SubdistrictScoreRecord[]>()
  for (const score of scores) {
    const key = `${score.subdistrictId}|${score.period}`
    byPlace.set(key, [...(byPlace.get(key) ?? []), score])
  }
  const nameOf = new Map(org.principals.map((p) => [p.openid, p.name]))
  return [...byPlace.values()].map((monthScores) => {
    const { subdistrictId, period } = monthScores[0]
    const last = monthScores.reduce((a, b) => (b.enteredAt > a.enteredAt ? b : a))
    const by: SheetActor = { openid: last.enteredBy, name: nameOf.get(last.enteredBy) ?? '街道工作人员' }
    const rows = [...monthScores]
      .sort((a, b) => (a.workerCode < b.workerCode ? -1 : a.workerCode > b.workerCode ? 1 : 0))
      .map((s) => ({ workerCode: s.workerCode, points: pointsOfScore(s.score, criteria) }))
    return {
      subdistrictId,
      kind: 'period',
      period,
      status: 'submitted',
      version: 1,
      criteria: [...criteria],
      rows,
      createdAt: last.enteredAt,
      updatedAt: last.enteredAt,
      updatedBy: by,
      submittedAt: last.enteredAt,
      submittedBy: by,
      changes: [],
    }
  })
}

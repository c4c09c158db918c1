// How evenly a period's hall duty spread over each community's workers (the report's 大厅值班 line): the
// most and the fewest hall days per worker, so a clerk sees whether rotation keeps everyone in their grid.
// A community nobody of which was on hall duty (no rota) is not listed.

/** One community's spread of hall days over its workers in the report. */
export interface HallSpread {
  communityId: string
  communityName: string
  /** Workers of the community in the report. */
  workers: number
  /** Most and fewest hall days of one worker of it in the period (the fewest may be 0: never on duty). */
  most: number
  fewest: number
}

export function hallSpreadOf(rows: ReadonlyArray<{ communityId: string; community: string; hallDays?: number | null }>): HallSpread[] {
  const byCommunity = new Map<string, { name: string; days: number[] }>()
  for (const row of rows) {
    const entry = byCommunity.get(row.communityId) ?? { name: row.community, days: [] }
    entry.days.push(row.hallDays ?? 0)
    byCommunity.set(row.communityId, entry)
  }
  return [...byCommunity]
    .filter(([, { days }]) => days.some((n) => n > 0))
    .map(([communityId, { name, days }]) => ({ communityId, communityName: name, workers: days.length, most: Math.max(...days), fewest: Math.min(...days) }))
    .sort((a, b) => (a.communityId < b.communityId ? -1 : 1))
}

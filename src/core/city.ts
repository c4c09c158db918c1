// The bureau's city view (city.overview, city.export): every sub-district side by side for a period —
// its report's summary (the same rowsSummary a report uses, so a row equals that sub-district's report),
// the share at 称职 or better and the average total, what waits in it today, its place (cityRanking.ts),
// the city's totals over every worker, and the last closed months' average totals. Pure: the backend
// gathers the sources (backend/city/cityOverview.ts). The page and the .xlsx show this one object.
import { competentCount, rankSubdistricts } from './cityRanking'
import { RATIO_DIGITS, type RowsSummary, averageTotal, rowsSummary } from './reportSummary'
import type { ReportKind } from './reports'
import { roundHalfAwayFromZero } from './scoring'
import type { Grade } from './types'

/** What waits in a sub-district today (not in the period): the work behind the period's numbers. */
export interface WaitingWork {
  /** Bad-review cases (差评) past their call-back or rectification deadline (src/core/cases.ts caseOverdue). */
  overdueCases: number
  /** Appeals (申诉) not decided yet. */
  pendingAppeals: number
  /** Flagged ratings (可疑评价) waiting for review. */
  openReviews: number
}

/** Share at 称职 or better and the mean total: the two numbers of a line the report's summary does not have. */
export interface CityFigures extends RowsSummary, WaitingWork {
  /** (优秀 + 称职) / workers, to 0.001; null: no workers. */
  competentShare: number | null
  /** Mean of the graded workers' totals, to one decimal (averageTotal); null: none graded. */
  avgTotal: number | null
}

export interface CityRow extends CityFigures {
  subdistrictId: string
  subdistrictName: string
  /** Place in the city (cityRanking.ts), shared on a tie; null: no workers this period. */
  rank: number | null
  /** The grid-time target of the settings its evaluation used. */
  gridTimeTarget: number
  settingsVersion: number
  /** Set when its evaluation is the nightly snapshot of the closed period. */
  snapshotAt?: string
}

/** The last closed months, oldest first: each sub-district's average total, and the city's over every graded worker. */
export interface CityTrend {
  months: string[]
  /** In the order of the overview's rows. null: nobody graded that month. */
  lines: Array<{ subdistrictId: string; subdistrictName: string; avgTotals: Array<number | null> }>
  city: Array<number | null>
}

export interface CityOverview {
  kind: ReportKind
  period: string
  /** The period is still running: grades, and so the ranking, are 暂定. */
  provisional: boolean
  /** The China date the waiting work is counted on. */
  today: string
  /** In ranking order, sub-districts without workers last. */
  rows: CityRow[]
  /** The city as one: sums, and the averages over every worker (not over the sub-districts' averages). */
  city: CityFigures & { subdistricts: number }
  /** The target every row shares; null when their settings differ. */
  gridTimeTarget: number | null
  /** The settings versions the evaluations used, ascending (one, unless settings changed between snapshots). */
  settingsVersions: number[]
  /** When every sub-district reads a snapshot: the newest one's time; absent when any is computed live. */
  snapshotAt?: string
  trend: CityTrend
}

/** A worker's row as the city view reads it: grade, total (one decimal) and unrounded grid-time ratio. */
export interface CityWorkerRow {
  grade: Grade
  total: number | null
  gridTimeRatio: number | null
}

/** One sub-district as gathered: its evaluation of the period, its waiting work and its trend months' totals. */
export interface CitySource {
  subdistrictId: string
  subdistrictName: string
  rows: readonly CityWorkerRow[]
  gridTimeTarget: number
  settingsVersion: number
  snapshotAt?: string
  waiting: WaitingWork
  /** For each trend month (in order), the totals of that month's evaluation rows. */
  trendTotals: ReadonlyArray<ReadonlyArray<number | null>>
}

export interface CityPeriod {
  kind: ReportKind
  period: string
  provisional: boolean
  today: string
  /** The trend's months, oldest first. */
  months: readonly string[]
}

const shareOf = (count: number, workers: number): number | null => (workers === 0 ? null : roundHalfAwayFromZero(count / workers, RATIO_DIGITS))

/** The figures of a set of workers and the waiting work beside them. */
function figuresOf(rows: readonly CityWorkerRow[], waiting: WaitingWork): CityFigures {
  const summary = rowsSummary(rows)
  return {
    ...summary,
    competentShare: shareOf(competentCount(summary.grades), summary.workers),
    avgTotal: averageTotal(rows.map((row) => row.total)),
    ...waiting,
  }
}

const sumOf = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0)

export function assembleCity(at: CityPeriod, sources: readonly CitySource[]): CityOverview {
  const rows = rankSubdistricts(
    sources.map((source) => ({
      subdistrictId: source.subdistrictId,
      subdistrictName: source.subdistrictName,
      ...figuresOf(source.rows, source.waiting),
      gridTimeTarget: source.gridTimeTarget,
      settingsVersion: source.settingsVersion,
      ...(source.snapshotAt === undefined ? {} : { snapshotAt: source.snapshotAt }),
    })),
  )
  // Over every worker of the city: a sub-district of 30 weighs more than one of 6.
  const everyone = sources.flatMap((source) => source.rows)
  const city = {
    subdistricts: sources.length,
    ...figuresOf(everyone, {
      overdueCases: sumOf(rows.map((row) => row.overdueCases)),
      pendingAppeals: sumOf(rows.map((row) => row.pendingAppeals)),
      openReviews: sumOf(rows.map((row) => row.openReviews)),
    }),
  }
  const targets = [...new Set(rows.map((row) => row.gridTimeTarget))]
  const taken = rows.flatMap((row) => (row.snapshotAt === undefined ? [] : [row.snapshotAt]))
  const newest = taken.length > 0 && taken.length === rows.length ? taken.reduce((a, b) => (b > a ? b : a)) : undefined
  const sourceOf = new Map(sources.map((source) => [source.subdistrictId, source]))
  return {
    kind: at.kind,
    period: at.period,
    provisional: at.provisional,
    today: at.today,
    rows,
    city,
    gridTimeTarget: targets.length === 1 ? targets[0] : null,
    settingsVersions: [...new Set(rows.map((row) => row.settingsVersion))].sort((a, b) => a - b),
    ...(newest === undefined ? {} : { snapshotAt: newest }),
    trend: {
      months: [...at.months],
      lines: rows.map((row) => ({
        subdistrictId: row.subdistrictId,
        subdistrictName: row.subdistrictName,
        avgTotals: at.months.map((_, i) => averageTotal(sourceOf.get(row.subdistrictId)?.trendTotals[i] ?? [])),
      })),
      city: at.months.map((_, i) => averageTotal(sources.flatMap((source) => source.trendTotals[i] ?? []))),
    },
  }
}

// A report from a sub-district's evaluation, pure: the rows ranked and explained with
// the settings the evaluation used, cut down to one community when asked, and the summary over the rows
// kept. Grades and ranks stay those of the sub-district (DESIGN section 3: the pooled means and the
// 优秀 quota are per sub-district); a community report only counts that community's workers.
import { flagText } from './flags'
import { addMonths, monthOf, periodKind } from './periods'
import { quotaNote, roundRatio, rowsSummary } from './reportSummary'
import { hallSpreadOf } from './hallSpread'
import type { EvaluatedRow, Report, ReportKind, ReportRow } from './reports'
import type { Flag, Settings } from './types'

export interface ReportSource {
  kind: ReportKind
  period: string
  subdistrict: { id: string; name: string }
  community?: { id: string; name: string }
  /** The sub-district's evaluation, in ranking order (src/core/scoring.ts evaluate). */
  rows: EvaluatedRow[]
  settings: Settings
  settingsVersion: number
  snapshotAt?: string
  /** Whether the period is still running (isProvisional, as of the request). */
  provisional: boolean
}

const KIND_OF_PERIOD = { month: 'month', half: 'halfyear', year: 'year' } as const

/** The report kind a period key is: 2026-03 month, 2026-H1 halfyear, 2026 year. */
export function reportKindOf(period: string): ReportKind {
  return KIND_OF_PERIOD[periodKind(period)]
}

function toReportRow(row: EvaluatedRow, rank: number | null, settings: Settings): ReportRow {
  const { communityId: _communityId, annual, hallDays, ...evaluation } = row
  // The year's missing review is the annual assessment's own flag (annual.ts), shown with the others.
  const flags: Flag[] = annual !== undefined && annual.yearEnd === null ? [...row.flags, 'NO_YEAR_END'] : row.flags
  return {
    ...evaluation,
    gridTimeRatio: roundRatio(row.gridTimeRatio),
    hallDays: hallDays ?? null,
    flags,
    rank,
    flagTexts: flags.map((flag) => flagText(flag, settings)),
    ...(annual === undefined ? {} : { annual }),
  }
}

/** One collator for Chinese names, made once: `localeCompare(b, 'zh-CN')` looks one up at every call. */
let chineseOrder: Intl.Collator | undefined

/** The communities of the rows, in order of first appearance by name. */
function communitiesOf(rows: EvaluatedRow[]): Array<{ id: string; name: string }> {
  const byId = new Map<string, string>()
  for (const row of rows) if (!byId.has(row.communityId)) byId.set(row.communityId, row.community)
  chineseOrder ??= new Intl.Collator('zh-CN')
  const collator = chineseOrder
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
}

export function assembleReport(source: ReportSource): Report {
  const { settings } = source
  // Rows come in ranking order with null totals last: the place is the position among the graded.
  const ranked = source.rows.map((row, index) => toReportRow(row, row.total === null ? null : index + 1, settings))
  const graded = source.rows.filter((row) => row.total !== null).length
  const kept = source.community === undefined ? source.rows : source.rows.filter((row) => row.communityId === source.community?.id)
  const keptCodes = new Set(kept.map((row) => row.workerCode))
  const rows = ranked.filter((row) => keptCodes.has(row.workerCode))
  return {
    kind: source.kind,
    period: source.period,
    subdistrictId: source.subdistrict.id,
    subdistrictName: source.subdistrict.name,
    ...(source.community === undefined ? {} : { communityId: source.community.id, communityName: source.community.name }),
    communities: communitiesOf(source.rows),
    // From the unrounded ratios of the rows kept (the city view's rows count the same way).
    ...rowsSummary(kept),
    gridTimeTarget: settings.gridTimeTarget,
    hallSpread: hallSpreadOf(kept),
    dailyShare: settings.dailyShare,
    rows,
    settingsVersion: source.settingsVersion,
    // The quota is the sub-district's: a community report says so.
    quotaNote: source.community === undefined ? quotaNote(settings, graded) : `${quotaNote(settings, graded)}；名额按全街道计算`,
    ...(source.snapshotAt === undefined ? {} : { snapshotAt: source.snapshotAt }),
    provisional: source.provisional,
  }
}

/**
 * The period a report tab opens on: the latest closed one of its kind (China time), what a clerk reports
 * on — last month, the last whole half-year, last year. The current period is one tap away.
 */
export function latestClosedPeriod(kind: ReportKind, now: Date): string {
  const month = monthOf(now)
  const year = Number(month.slice(0, 4))
  if (kind === 'month') return addMonths(month, -1)
  if (kind === 'year') return String(year - 1)
  return Number(month.slice(5, 7)) > 6 ? `${year}-H1` : `${year - 1}-H2`
}

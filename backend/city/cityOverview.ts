// The city view (src/core/city.ts) for the bureau: the one builder behind city.overview (function api)
// and city.export (function files), so the page and the spreadsheet show the same numbers. Each
// sub-district's period is its report's evaluation (evaluationFor: a closed period's snapshot, an open
// one computed now), so its row is its report's summary. Reads per sub-district: the evaluation, three
// lists of open items and the trend's snapshots — O(sub-districts), a few sub-districts at a time.
import type { CitySource } from '@core/city'
import { assembleCity, type CityOverview } from '@core/city'
import type { PayloadOf } from '@core/contract'
import { chinaDateOf } from '@core/periods'
import { isProvisional } from '@core/provisional'
import { reportKindOf } from '@core/reportBuild'
import type { Settings } from '@core/types'
import type { HandlerContext, Staff } from '../context'
import type { Store, SubdistrictRecord } from '../store'
import { type CaseCalendar, caseCalendar } from '../cases/caseViews'
import { evaluationFor } from '../reports/evaluations'
import { settingsInForce } from '../reports/subdistrictEvaluation'
import { letOthersIn } from '../reports/turns'
import { cityTrendMonths, monthTotals } from './cityTrend'
import { waitingWork } from './waitingWork'

/**
 * Sub-districts read at once: each sends ten to fifteen requests, so two stay near the base plan's 20
 * database connections (a refusal there is sent again: store/cloudbase/limitRetry.ts).
 */
const AT_ONCE = 2

interface Gathering {
  store: Store
  period: string
  now: Date
  today: string
  calendar: CaseCalendar
  months: string[]
  settings: Settings
}

async function sourceOf(subdistrict: SubdistrictRecord, at: Gathering): Promise<CitySource> {
  const [evaluation, waiting, trendTotals] = await Promise.all([
    evaluationFor(at.store, subdistrict.id, at.period, at.now),
    waitingWork(at.store, subdistrict.id, at.today, at.calendar),
    monthTotals(at.store, subdistrict.id, at.months, at.settings),
  ])
  await letOthersIn()
  return {
    subdistrictId: subdistrict.id,
    subdistrictName: subdistrict.name,
    rows: evaluation.rows,
    gridTimeTarget: evaluation.settings.gridTimeTarget,
    settingsVersion: evaluation.settingsVersion,
    ...(evaluation.snapshotAt === undefined ? {} : { snapshotAt: evaluation.snapshotAt }),
    waiting,
    trendTotals,
  }
}

export async function buildCityOverview({ period }: PayloadOf<'city.overview'>, { store, now }: HandlerContext<Staff>): Promise<CityOverview> {
  const [subdistricts, calendar, { settings }] = await Promise.all([store.listSubdistricts(), caseCalendar(store), settingsInForce(store)])
  const at: Gathering = { store, period, now, today: chinaDateOf(now), calendar, months: cityTrendMonths(now), settings }
  const sources: CitySource[] = []
  for (let i = 0; i < subdistricts.length; i += AT_ONCE) {
    sources.push(...(await Promise.all(subdistricts.slice(i, i + AT_ONCE).map((subdistrict) => sourceOf(subdistrict, at)))))
  }
  return assembleCity({ kind: reportKindOf(period), period, provisional: isProvisional(period, now), today: at.today, months: at.months }, sources)
}

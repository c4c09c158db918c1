// A report (src/core/reports.ts) for the caller: the one builder behind report.get (function api) and
// report.export (function files), so the page and the spreadsheet show the same numbers.
import type { PayloadOf } from '@core/contract'
import { ApiError } from '@core/errors'
import { periodLabel } from '@core/periods'
import { isProvisional } from '@core/provisional'
import { assembleReport, reportKindOf } from '@core/reportBuild'
import type { Report } from '@core/reports'
import type { HandlerContext, Staff } from '../context'
import { evaluationFor } from './evaluations'
import { reportScopeOf } from './reportScope'
import { letOthersIn } from './turns'

const KIND_WORDS = { month: '月度', halfyear: '半年', year: '年度' } as const

/** Checks the caller's scope (403 outside it) and builds the report, from the snapshot when one exists. */
export async function buildReport(payload: PayloadOf<'report.get'>, ctx: HandlerContext<Staff>): Promise<Report> {
  const { kind, period } = payload
  // The picker sends both; a month key with 半年 is a client mistake, not something to guess around.
  if (reportKindOf(period) !== kind) {
    throw new ApiError('INVALID_INPUT', `考核期${periodLabel(period)}不是${KIND_WORDS[kind]}报表的考核期，请重新选择`, 'period')
  }
  const scope = await reportScopeOf(ctx.caller, ctx.store, payload)
  const evaluation = await evaluationFor(ctx.store, scope.subdistrict.id, period, ctx.now)
  await letOthersIn()
  return assembleReport({
    kind,
    period,
    subdistrict: { id: scope.subdistrict.id, name: scope.subdistrict.name },
    ...(scope.community === undefined ? {} : { community: { id: scope.community.id, name: scope.community.name } }),
    rows: evaluation.rows,
    settings: evaluation.settings,
    settingsVersion: evaluation.settingsVersion,
    ...(evaluation.snapshotAt === undefined ? {} : { snapshotAt: evaluation.snapshotAt }),
    provisional: isProvisional(period, ctx.now),
  })
}
